#!/usr/bin/env bash
# Installs Confluent's Python client (confluent-kafka, with its Avro and Protobuf serdes for the
# schema registry) from PyPI for the registry interop tests (test/registry/interop/).
# Idempotent and fast when done; prints the path of a python launcher that can import it.
# The manylinux wheel bundles librdkafka: nothing else is downloaded, nothing installed system-wide.
# Everything goes under .cache/registry-clients/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/scripts/lib/python-clients.sh"
# [avro]: fastavro, requests, attrs, httpx, cachetools...; [protobuf]: protobuf, googleapis-common-protos.
# grpcio-tools: protoc as a Python module, to build message classes from a registry's .proto text.
check='import confluent_kafka, fastavro, google.protobuf, grpc_tools.protoc
from confluent_kafka.schema_registry.avro import AvroSerializer, AvroDeserializer
from confluent_kafka.schema_registry.protobuf import ProtobufSerializer, ProtobufDeserializer'
# --only-binary: source builds would need librdkafka (a C compiler for grpcio); the wheels have it all.
install_python_clients "$root/.cache/registry-clients" "$check" '--only-binary confluent-kafka,grpcio,grpcio-tools' \
  'confluent-kafka[avro,protobuf]==2.16.1' 'grpcio-tools==1.85.1'
