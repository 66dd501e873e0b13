#!/usr/bin/env bash
# Installs psycopg 3 from PyPI for the Postgres-wire client tests (test/pgwire/clients/).
# Idempotent and fast when done; prints the path of a python launcher that can import psycopg.
# Everything goes under .cache/pg-clients/ (git-ignored); nothing is installed system-wide.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/scripts/lib/python-clients.sh"
# The binary wheel bundles libpq: no system libpq needed.
install_python_clients "$root/.cache/pg-clients" 'import psycopg' '' 'psycopg[binary]==3.3.9'
