// JSON_SR against a real schema registry (Apicurio's Confluent API, or SCHEMA_REGISTRY_URL) and a
// client nobody here wrote: Confluent's JavaScript JSON serializer and deserializer. An Eddy
// sink's schema is registered as a JSON schema and read back with its type; Confluent's
// deserializer, validating against it (Ajv strict mode off: see below), reads the records Eddy writes; and records Confluent's
// serializer writes are read by Eddy with columns inferred from the registry.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry/dist/schemaregistry-client.js';
import { JsonDeserializer, JsonSerializer } from '@confluentinc/schemaregistry/dist/serde/json.js';
import { SerdeType } from '@confluentinc/schemaregistry/dist/serde/serde.js';
import { ConfluentRegistry } from '../../src/format/registry/confluent-registry.js';
import { createJsonSrSerde } from '../../src/format/json-sr/json-sr-serde.js';
import { inferJsonSrColumns, registerJsonSrSchema } from '../../src/format/json-sr/json-sr-registration.js';
import { jsonSchemaText } from '../../src/format/json-sr/json-schema-from-columns.js';
import { schemaCache } from '../../src/format/avro/schema-cache.js';
import { Decimal } from '../../src/types/decimal.js';
import type { Column } from '../../src/types/schema.js';
import { array, BIGINT, decimal, DOUBLE, INTEGER, STRING, struct, type SqlType } from '../../src/types/sql-type.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from '../registry/registry-fixture.js';

const run = randomUUID().slice(0, 8);
const col = (name: string, type: SqlType): Column => ({ name, type, namespace: 'VALUE' });

describe.runIf(registryEnabled)('JSON_SR on a real schema registry', () => {
  let url: string;
  let registry: ConfluentRegistry;
  let client: SchemaRegistryClient;
  beforeAll(async () => {
    url = await registryUrl();
    registry = new ConfluentRegistry({ urls: [url] });
    client = new SchemaRegistryClient({ baseURLs: [url] });
  }, REGISTRY_START_MS);

  it('registers a sink schema as a JSON schema and infers the same columns back', async () => {
    const topic = `orders-${run}`;
    const cols = [col('ID', BIGINT), col('NAME', STRING), col('PRICE', decimal(10, 2)), col('TAGS', array(STRING)), col('AT', struct([{ name: 'X', type: INTEGER }]))];
    const id = await registerJsonSrSchema(registry, topic, false, cols, { format: 'JSON_SR' });
    const latest = await registry.latest(`${topic}-value`);
    expect(latest).toMatchObject({ id, schemaType: 'JSON', version: 1 });
    // Apicurio keeps the text as registered (its type JSON, not Avro's default).
    expect(latest!.schema).toBe(jsonSchemaText(cols, { unwrapped: false }));
    const inferred = await inferJsonSrColumns(registry, topic, false, { unwrapped: false });
    expect(inferred).toEqual({ columns: cols, schemaId: id });
    // Registering the same columns again finds the schema: no new version.
    expect(await registerJsonSrSchema(registry, topic, false, cols, { format: 'JSON_SR' })).toBe(id);
    expect((await registry.latest(`${topic}-value`))?.version).toBe(1);
  });

  it('writes records Confluent\'s JSON deserializer reads, validating them against the registered schema', async () => {
    const topic = `sink-${run}`;
    const cols = [col('ID', BIGINT), col('NAME', STRING), col('SCORE', DOUBLE), col('TAGS', array(STRING)), col('AT', struct([{ name: 'X', type: INTEGER }]))];
    await registerJsonSrSchema(registry, topic, false, cols, { format: 'JSON_SR' });
    const serde = createJsonSrSerde(cols, { isKey: false, unwrapped: false, cache: schemaCache(registry) });
    const bytes = serde.serialize([7, 'seven', 7.5, ['a', null], { X: 3 }], topic)!;
    // Ajv's strict mode (the JS client's default) refuses the Connect keywords ksqlDB's schemas
    // carry ("connect.index", "connect.type"); Java's deserializer ignores them. strict: false.
    await expect(new JsonDeserializer(client, SerdeType.VALUE, { validate: true }).deserialize(topic, Buffer.from(bytes)))
      .rejects.toThrow(/unknown keyword: "connect\./);
    const des = new JsonDeserializer(client, SerdeType.VALUE, { validate: true, strict: false });
    expect(await des.deserialize(topic, Buffer.from(bytes))).toEqual({ ID: 7, NAME: 'seven', SCORE: 7.5, TAGS: ['a', null], AT: { X: 3 } });
    // Nulls are allowed by the oneOf schemas ksqlDB registers.
    const nulls = serde.serialize([null, null, null, null, null], topic)!;
    expect(await des.deserialize(topic, Buffer.from(nulls))).toEqual({ ID: null, NAME: null, SCORE: null, TAGS: null, AT: null });
  });

  it('reads records Confluent\'s JSON serializer writes, with columns inferred from the registry', async () => {
    const topic = `source-${run}`;
    const schema = {
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' }, amount: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
    };
    await client.register(`${topic}-value`, { schemaType: 'JSON', schema: JSON.stringify(schema) });
    const ser = new JsonSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false, validate: true });
    const bytes = await ser.serialize(topic, { id: 42, name: 'answer', amount: 4.25, tags: ['x'] });

    const { columns } = await inferJsonSrColumns(registry, topic, false, { unwrapped: false });
    const names = columns.map((c) => `${c.name} ${c.type.kind}`).sort();
    expect(names).toEqual(['AMOUNT DOUBLE', 'ID BIGINT', 'NAME STRING', 'TAGS ARRAY']);
    const serde = createJsonSrSerde(columns, { isKey: false, unwrapped: false, cache: schemaCache(registry) });
    const row = serde.deserialize(bytes, topic)!;
    const byName = Object.fromEntries(columns.map((c, i) => [c.name, row[i]]));
    expect(byName).toEqual({ ID: 42, NAME: 'answer', AMOUNT: 4.25, TAGS: ['x'] });
  });

  it('writes decimals as JSON numbers with their scale, which Confluent\'s deserializer reads as numbers', async () => {
    const topic = `money-${run}`;
    const cols = [col('PRICE', decimal(6, 4))];
    await registerJsonSrSchema(registry, topic, false, cols, { format: 'JSON_SR' });
    const serde = createJsonSrSerde(cols, { isKey: false, unwrapped: false, cache: schemaCache(registry) });
    const bytes = serde.serialize([Decimal.fromString('10.0000')], topic)!;
    expect(Buffer.from(bytes.subarray(5)).toString()).toBe('{"PRICE":10.0000}');
    const des = new JsonDeserializer(client, SerdeType.VALUE, { validate: true, strict: false });
    expect(await des.deserialize(topic, Buffer.from(bytes))).toEqual({ PRICE: 10 });
  });
});
