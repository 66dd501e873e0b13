#!/usr/bin/env bash
# Installs psycopg 3 from PyPI for the Postgres-wire client tests (test/pgwire/clients/).
# Idempotent and fast when done; prints the path of a python launcher that can import psycopg.
# Everything goes under .cache/pg-clients/ (git-ignored); nothing is installed system-wide.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.cache/pg-clients"
spec='psycopg[binary]==3.3.9'   # the binary wheel bundles libpq: no system libpq needed
launcher="$dir/bin/python"
stamp="$dir/python.installed"
mkdir -p "$dir/bin"

# Several test runs may install at once (vitest workers, other checkouts of this cache): one at a time.
exec 9>"$dir/python.lock"
command -v flock >/dev/null && flock -w 300 9

if [[ -x $launcher && -f $stamp && "$(cat "$stamp")" == "$spec" ]] && "$launcher" -c 'import psycopg' 2>/dev/null; then
  echo "$launcher"; exit 0
fi

python=$(command -v python3 || true)
[[ -n $python ]] || { echo "python.sh: python3 is not installed; install Python 3.8+ to run the psycopg tests" >&2; exit 1; }

fail_pip() {
  echo "python.sh: could not install $spec from PyPI (is https://pypi.org reachable? pip said the above)" >&2
  exit 1
}
pip_flags=(--disable-pip-version-check --no-input --timeout 30 --retries 2 -q)

rm -rf "$dir/venv" "$dir/python-lib"
if "$python" -m venv "$dir/venv" 2>/dev/null; then
  "$dir/venv/bin/python" -m pip install "${pip_flags[@]}" "$spec" || fail_pip
  # A wrapper, not a symlink: a venv's python finds its pyvenv.cfg from the path it was started by.
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$dir/venv/bin/python" > "$launcher"
  chmod +x "$launcher"
else
  # No venv module (Debian without python3-venv): install into a private directory instead.
  rm -rf "$dir/venv"
  "$python" -m pip install "${pip_flags[@]}" --target "$dir/python-lib" "$spec" || fail_pip
  printf '#!/bin/sh\nPYTHONPATH="%s${PYTHONPATH:+:$PYTHONPATH}" exec "%s" "$@"\n' "$dir/python-lib" "$python" > "$launcher"
  chmod +x "$launcher"
fi
"$launcher" -c 'import psycopg' || { echo "python.sh: psycopg was installed but does not import" >&2; exit 1; }
echo "$spec" > "$stamp"
echo "$launcher"
