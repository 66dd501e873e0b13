#!/usr/bin/env bash
# Installs Confluent's Python client (confluent-kafka, with its Avro and Protobuf serdes for the
# schema registry) from PyPI for the registry interop tests (test/registry/interop/).
# Idempotent and fast when done; prints the path of a python launcher that can import it.
# The manylinux wheel bundles librdkafka: nothing else is downloaded, nothing installed system-wide.
# Everything goes under .cache/registry-clients/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.cache/registry-clients"
# [avro]: fastavro, requests, attrs, httpx, cachetools...; [protobuf]: protobuf, googleapis-common-protos.
# grpcio-tools: protoc as a Python module, to build message classes from a registry's .proto text.
specs=('confluent-kafka[avro,protobuf]==2.16.1' 'grpcio-tools==1.85.1')
spec="${specs[*]}"
check='import confluent_kafka, fastavro, google.protobuf, grpc_tools.protoc
from confluent_kafka.schema_registry.avro import AvroSerializer, AvroDeserializer
from confluent_kafka.schema_registry.protobuf import ProtobufSerializer, ProtobufDeserializer'
launcher="$dir/bin/python"
stamp="$dir/python.installed"
mkdir -p "$dir/bin"

# Several test runs may install at once (vitest workers, other checkouts of this cache): one at a time.
exec 9>"$dir/python.lock"
command -v flock >/dev/null && flock -w 300 9

if [[ -x $launcher && -f $stamp && "$(cat "$stamp")" == "$spec" ]] && "$launcher" -c "$check" 2>/dev/null; then
  echo "$launcher"; exit 0
fi

python=$(command -v python3 || true)
[[ -n $python ]] || { echo "python.sh: python3 is not installed; install Python 3.8+ to run the registry interop tests" >&2; exit 1; }

fail_pip() {
  echo "python.sh: could not install $spec from PyPI (is https://pypi.org reachable? pip said the above)" >&2
  exit 1
}
# --only-binary: source builds would need librdkafka (a C compiler for grpcio); the wheels have it all.
pip_flags=(--disable-pip-version-check --no-input --timeout 30 --retries 2 -q --only-binary confluent-kafka,grpcio,grpcio-tools)

rm -rf "$dir/venv" "$dir/python-lib"
if "$python" -m venv "$dir/venv" 2>/dev/null; then
  "$dir/venv/bin/python" -m pip install "${pip_flags[@]}" "${specs[@]}" || fail_pip
  # A wrapper, not a symlink: a venv's python finds its pyvenv.cfg from the path it was started by.
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$dir/venv/bin/python" > "$launcher"
  chmod +x "$launcher"
else
  # No venv module (Debian without python3-venv): install into a private directory instead.
  rm -rf "$dir/venv"
  "$python" -m pip install "${pip_flags[@]}" --target "$dir/python-lib" "${specs[@]}" || fail_pip
  printf '#!/bin/sh\nPYTHONPATH="%s${PYTHONPATH:+:$PYTHONPATH}" exec "%s" "$@"\n' "$dir/python-lib" "$python" > "$launcher"
  chmod +x "$launcher"
fi
"$launcher" -c "$check" || { echo "python.sh: $spec was installed but does not import" >&2; exit 1; }
echo "$spec" > "$stamp"
echo "$launcher"
