"""Confluent's Python client (confluent-kafka) with its AvroSerializer / AvroDeserializer and the
schema registry, as a user outside this project would run it.

  produce: writes the --records (JSON values) to --topic with AvroSerializer and the Avro schema
           --schema (JSON), registering it under <topic>-value as the serializer does by default.
           JSON has no decimals or datetimes, so values are converted as the schema says first:
           decimal from its text, timestamp-millis from epoch millis, date from days, time-millis
           from millis (what a Python program would hand the serializer).
  consume: reads --count records of --topic with AvroDeserializer (the writer's schema fetched from
           the registry by the id in each record) and prints them (see interop_common.py).
"""

import datetime
import decimal
import json

from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer

from interop_common import EPOCH, consume, fail, parse_args, produce, registry_client, value_context


def from_json(schema, value, named):
    """`value` (parsed JSON) as the Python value AvroSerializer expects for `schema`."""
    if value is None:
        return None
    if isinstance(schema, str):
        return from_json(named[schema], value, named) if schema in named else value
    if isinstance(schema, list):  # a union: the first branch that is not null (enough for these tests)
        branches = [s for s in schema if s != 'null']
        return from_json(branches[0], value, named) if len(branches) == 1 else value
    kind, logical = schema['type'], schema.get('logicalType')
    if kind in ('record', 'enum', 'fixed') and 'name' in schema:
        named[schema['name']] = schema
        if 'namespace' in schema:
            named[f"{schema['namespace']}.{schema['name']}"] = schema
    if kind == 'record':
        return {f['name']: from_json(f['type'], value.get(f['name']), named) for f in schema['fields']}
    if kind == 'array':
        return [from_json(schema['items'], v, named) for v in value]
    if kind == 'map':
        return {k: from_json(schema['values'], v, named) for k, v in value.items()}
    if logical == 'decimal':
        return decimal.Decimal(str(value))
    if logical == 'timestamp-millis':
        return EPOCH + datetime.timedelta(milliseconds=value)
    if logical == 'date':
        return datetime.date(1970, 1, 1) + datetime.timedelta(days=value)
    if logical == 'time-millis':
        return (datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=value)).time()
    if isinstance(kind, (dict, list)):
        return from_json(kind, value, named)
    return value


def main():
    args = parse_args('Avro records through the schema registry with confluent-kafka')
    registry = registry_client(args.registry)
    ctx = value_context(args.topic)
    if args.mode == 'produce':
        try:
            schema = json.loads(args.schema)
            records = json.loads(args.records)
        except json.JSONDecodeError as e:
            fail(f'--schema and --records must be JSON: {e}')
        serializer = AvroSerializer(registry, args.schema)
        payloads = [serializer(from_json(schema, r, {}), ctx) for r in records]
        produce(args.brokers, args.topic, payloads, args.timeout)
    else:
        deserializer = AvroDeserializer(registry)
        consume(args.brokers, args.topic, args.count, args.timeout, lambda raw: deserializer(raw, ctx))


if __name__ == '__main__':
    main()
