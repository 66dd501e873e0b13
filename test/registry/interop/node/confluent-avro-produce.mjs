// A plain Node program, as a user outside this project would write it: registers an Avro schema
// under <topic>-value with @confluentinc/schemaregistry's client, then writes records with its
// AvroSerializer (useLatestVersion: the serializer's own way to use a registered schema; without
// it, it derives a schema from each value) and kafkajs. Imports the serde and client modules
// directly: the package root loads the cloud KMS SDKs (slow).
//
//   node confluent-avro-produce.mjs --brokers B --registry URL --topic T --schema JSON --records JSON
//
// Values are JSON; as avsc takes them without logical types: a decimal is its text turned into
// the unscaled two's-complement bytes, a timestamp-millis its epoch millis. Prints
// {"event":"produced","count":N,"schema_id":id} on success; errors go to stderr, exit 1.
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry/dist/schemaregistry-client.js';
import { AvroSerializer } from '@confluentinc/schemaregistry/dist/serde/avro.js';
import { SerdeType } from '@confluentinc/schemaregistry/dist/serde/serde.js';

const { values: args } = parseArgs({
  options: {
    brokers: { type: 'string' }, registry: { type: 'string' }, topic: { type: 'string' },
    schema: { type: 'string' }, records: { type: 'string' }, timeout: { type: 'string', default: '30' },
  },
});
for (const name of ['brokers', 'registry', 'topic', 'schema', 'records']) {
  if (args[name] === undefined) fail(`--${name} is required`);
}
const timeoutMs = Number(args.timeout) * 1000;
// Every wait has a limit.
setTimeout(() => fail(`not done within ${args.timeout} s`), timeoutMs).unref();

function fail(message) {
  process.stderr.write(`confluent-avro-produce: ${message}\n`);
  process.exit(1);
}

/** `value` (parsed JSON) as avsc takes it for `schema`, with no logical types configured. */
function fromJson(schema, value, named) {
  if (value === null || value === undefined) return null;
  if (typeof schema === 'string') return named.has(schema) ? fromJson(named.get(schema), value, named) : value;
  if (Array.isArray(schema)) {
    const branches = schema.filter((s) => s !== 'null');
    return branches.length === 1 ? fromJson(branches[0], value, named) : value;
  }
  if (schema.name && ['record', 'enum', 'fixed'].includes(schema.type)) {
    named.set(schema.name, schema);
    if (schema.namespace) named.set(`${schema.namespace}.${schema.name}`, schema);
  }
  switch (schema.type) {
    case 'record': return Object.fromEntries(schema.fields.map((f) => [f.name, fromJson(f.type, value[f.name], named)]));
    case 'array': return value.map((v) => fromJson(schema.items, v, named));
    case 'map': return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(schema.values, v, named)]));
    default: break;
  }
  if (schema.logicalType === 'decimal') return unscaledBytes(String(value), schema.scale ?? 0);
  if (typeof schema.type === 'object') return fromJson(schema.type, value, named);
  return value;
}

/** A decimal's text ("-12.3") at `scale` as Avro writes it: the unscaled value, big-endian two's complement. */
function unscaledBytes(text, scale) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) fail(`not a decimal: ${text}`);
  const frac = (m[3] ?? '').padEnd(scale, '0');
  if (frac.length > scale) fail(`${text} has more than ${scale} decimal places`);
  let n = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  const bytes = [];
  do {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  } while (!(n === 0n && (bytes[0] & 0x80) === 0) && !(n === -1n && (bytes[0] & 0x80) !== 0));
  return Buffer.from(bytes);
}

let schema, records;
try {
  schema = JSON.parse(args.schema);
  records = JSON.parse(args.records);
} catch (e) {
  fail(`--schema and --records must be JSON: ${e.message}`);
}

const client = new SchemaRegistryClient({ baseURLs: [args.registry], maxRetries: 1, createAxiosDefaults: { timeout: 10_000 } });
const schemaId = await client.register(`${args.topic}-value`, { schemaType: 'AVRO', schema: args.schema });
const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
const messages = [];
for (const r of records) messages.push({ value: await serializer.serialize(args.topic, fromJson(schema, r, new Map())) });

const kafka = new Kafka({ clientId: 'confluent-avro-produce', brokers: args.brokers.split(','), logLevel: logLevel.ERROR });
const admin = kafka.admin();
await admin.connect();
// The test broker creates no topic by itself; an existing topic is fine.
await admin.createTopics({ topics: [{ topic: args.topic, numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
await producer.send({ topic: args.topic, messages, timeout: timeoutMs });
await producer.disconnect();
process.stdout.write(`${JSON.stringify({ event: 'produced', count: messages.length, schema_id: schemaId })}\n`);
