"""What avro_interop.py and protobuf_interop.py share: arguments, a producer that reports its
delivery, a consumer loop with a time limit, and Python values as JSON lines that also say each
value's Python type (so a test can check that a decimal arrived as Decimal, not as a float).

Output, one JSON object a line on stdout:
  {"event": "produced", "count": N}
  {"event": "record", "partition": p, "offset": o, "key_hex": "...", "schema_id": id,
   "value": <value as JSON>, "types": <the same shape, each leaf its Python type name>}
  {"event": "done", "count": N}
Errors go to stderr with a non-zero exit (2: not enough records within the time limit).
"""

import argparse
import base64
import datetime
import decimal
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.serialization import MessageField, SerializationContext

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def parse_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument('mode', choices=['produce', 'consume'])
    p.add_argument('--brokers', required=True, help='bootstrap servers, comma-separated')
    p.add_argument('--registry', required=True, help="the registry's Confluent-compatible base URL")
    p.add_argument('--topic', required=True)
    p.add_argument('--schema', help='produce: the writer schema (its format depends on the program)')
    p.add_argument('--records', help='produce: a JSON array of record values')
    p.add_argument('--count', type=int, help='consume: how many records to read')
    p.add_argument('--timeout', type=float, default=30.0, help='seconds for the whole run')
    args = p.parse_args()
    if args.mode == 'produce' and (args.schema is None or args.records is None):
        p.error('produce needs --schema and --records')
    if args.mode == 'consume' and args.count is None:
        p.error('consume needs --count')
    return args


def emit(obj):
    print(json.dumps(obj), flush=True)


def fail(message, code=1):
    print(f'{sys.argv[0]}: {message}', file=sys.stderr, flush=True)
    sys.exit(code)


def registry_client(url):
    # Every wait has a limit: the client's own default is longer than a test's.
    return SchemaRegistryClient({'url': url, 'timeout': 10})


def value_context(topic):
    return SerializationContext(topic, MessageField.VALUE)


def create_topic(brokers, topic, timeout):
    """Creates `topic` (one partition) unless it exists: the test broker creates no topic by itself."""
    admin = AdminClient({'bootstrap.servers': brokers})
    future = admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)],
                                 operation_timeout=timeout, request_timeout=timeout)[topic]
    try:
        future.result(timeout)
    except KafkaException as e:
        if e.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
            fail(f'cannot create topic {topic}: {e}')


def produce(brokers, topic, payloads, timeout):
    """Writes the serialized values in order (no key) and waits until the broker has them all."""
    create_topic(brokers, topic, timeout)
    producer = Producer({'bootstrap.servers': brokers, 'enable.idempotence': True,
                         'message.timeout.ms': int(timeout * 1000)})
    errors = []

    def delivered(err, _msg):
        if err is not None:
            errors.append(str(err))

    for payload in payloads:
        producer.produce(topic, value=payload, on_delivery=delivered)
    left = producer.flush(timeout)
    if left > 0:
        fail(f'{left} record(s) not delivered to {topic} within {timeout} s')
    if errors:
        fail(f'delivery to {topic} failed: {errors[0]}')
    emit({'event': 'produced', 'count': len(payloads)})


def consume(brokers, topic, count, timeout, deserialize):
    """Reads `count` records of `topic` from the start, each decoded by `deserialize(bytes)`."""
    consumer = Consumer({'bootstrap.servers': brokers, 'group.id': f'interop-{uuid.uuid4()}',
                         'auto.offset.reset': 'earliest', 'enable.auto.commit': False})
    consumer.subscribe([topic])
    deadline = time.monotonic() + timeout
    got = 0
    try:
        while got < count:
            left = deadline - time.monotonic()
            if left <= 0:
                fail(f'read {got} of {count} records of {topic} within {timeout} s', 2)
            msg = consumer.poll(min(left, 1.0))
            if msg is None:
                continue
            if msg.error():
                # The topic may not exist yet when the consumer starts: wait for it within the limit.
                if msg.error().code() == -188 or 'UNKNOWN_TOPIC' in msg.error().name():
                    continue
                fail(f'consuming {topic}: {msg.error()}')
            raw = msg.value()
            value = deserialize(raw)
            key = msg.key()
            emit({'event': 'record', 'partition': msg.partition(), 'offset': msg.offset(),
                  'key_hex': None if key is None else key.hex(),
                  'schema_id': schema_id_of(raw),
                  'value': to_json(value), 'types': type_names(value)})
            got += 1
    finally:
        consumer.close()
    emit({'event': 'done', 'count': got})


def schema_id_of(raw):
    """The id in Confluent's framing (magic byte 0, then 4 bytes big-endian); None otherwise."""
    if raw is None or len(raw) < 5 or raw[0] != 0:
        return None
    return int.from_bytes(raw[1:5], 'big')


def to_json(v):
    """A decoded value as JSON: Decimal as its text (exact), datetime as epoch millis,
    date and time as ISO text, bytes as base64."""
    if isinstance(v, dict):
        return {str(k): to_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_json(x) for x in v]
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=datetime.timezone.utc)
        return (v - EPOCH) // datetime.timedelta(milliseconds=1)
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return base64.b64encode(v).decode('ascii')
    return v


def type_names(v):
    """The same shape as to_json(v), each leaf the name of its Python type (dicts and lists kept)."""
    if isinstance(v, dict):
        return {str(k): type_names(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [type_names(x) for x in v]
    return type(v).__name__
