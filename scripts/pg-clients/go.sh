#!/usr/bin/env bash
# Builds the pgx client program for the Postgres-wire client tests (test/pgwire/clients/go), its
# modules from the Go module proxy. Idempotent and fast when done; prints the program's path.
# Everything goes under .cache/pg-clients/go (git-ignored); nothing is installed system-wide.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="$root/test/pgwire/clients/go"
out="$root/.cache/pg-clients/go"
bin="$out/pgxscenario"
command -v go >/dev/null || { echo "go is not installed: the pgx client tests need Go (this machine kind has it)" >&2; exit 1; }
mkdir -p "$out"
export GOPATH="$out/gopath" GOCACHE="$out/gocache" GOTOOLCHAIN=local
if [ ! -x "$bin" ] || [ -n "$(find "$src" -newer "$bin" -type f 2>/dev/null)" ]; then
  (cd "$src" && go build -o "$bin" .) >&2
fi
echo "$bin"
