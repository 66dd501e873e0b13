// One behaviour suite over both SchemaRegistry implementations: the Confluent client against a
// real registry (Apicurio's ccompat API, started by scripts/local-registry.sh, or
// SCHEMA_REGISTRY_URL), and the in-process registry an engine uses when none is configured.
// Subjects are fresh per run: the real registry is shared by the whole test run.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfluentRegistry } from '../../src/format/registry/confluent-registry.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { SchemaRegistryError, type SchemaRegistry, type SchemaToRegister } from '../../src/format/registry/schema-registry.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from './registry-fixture.js';

const run = randomUUID().slice(0, 8);
const subject = (name: string): string => `${name}-${run}-value`;

/** A ksqlDB-style value schema with the given fields, unique to this run (its doc). */
function avro(fields: object[]): SchemaToRegister {
  return {
    schemaType: 'AVRO',
    schema: JSON.stringify({ type: 'record', name: 'KsqlDataSourceSchema', namespace: 'io.confluent.ksql.avro_schemas', doc: run, fields }),
  };
}
const ID = { name: 'ID', type: ['null', 'long'], default: null };
const NAME_WITH_DEFAULT = { name: 'NAME', type: ['null', 'string'], default: null };
const PRICE_NO_DEFAULT = { name: 'PRICE', type: 'double' };

async function rejection(p: Promise<unknown>): Promise<SchemaRegistryError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(SchemaRegistryError);
  return e as SchemaRegistryError;
}

const implementations: { name: string; enabled: boolean; make: () => Promise<SchemaRegistry> }[] = [
  { name: 'Confluent client on a real registry', enabled: registryEnabled, make: async () => new ConfluentRegistry({ urls: [await registryUrl()] }) },
  { name: 'in-process registry', enabled: true, make: async () => new InProcessRegistry() },
];

describe.each(implementations)('$name', ({ enabled, make }) => {
  let registry: SchemaRegistry;
  beforeAll(async () => { if (enabled) registry = await make(); }, REGISTRY_START_MS);

  it.runIf(enabled)('reads a registered Avro schema back by subject and by id', async () => {
    const s = avro([ID]);
    const id = await registry.register(subject('orders'), s);
    expect(id).toBeGreaterThan(0);

    const latest = await registry.latest(subject('orders'));
    expect(latest).toMatchObject({ id, schemaType: 'AVRO', subject: subject('orders'), version: 1 });
    expect(JSON.parse(latest!.schema)).toEqual(JSON.parse(s.schema));

    const byId = await registry.byId(id);
    expect(byId).toMatchObject({ id, schemaType: 'AVRO' });
    expect(JSON.parse(byId.schema)).toEqual(JSON.parse(s.schema));
  });

  it.runIf(enabled)('gives a schema registered again the same id and no new version', async () => {
    const s = avro([ID, NAME_WITH_DEFAULT]);
    const id = await registry.register(subject('again'), s);
    expect(await registry.register(subject('again'), s)).toBe(id);
    // Other whitespace, the same schema.
    const reformatted = { ...s, schema: JSON.stringify(JSON.parse(s.schema), null, 2) };
    expect(await registry.register(subject('again'), reformatted)).toBe(id);
    expect(await registry.latest(subject('again'))).toMatchObject({ id, version: 1 });
    // The same schema under another subject: the same id, that subject's version 1.
    expect(await registry.register(subject('again-elsewhere'), s)).toBe(id);
    expect(await registry.latest(subject('again-elsewhere'))).toMatchObject({ id, version: 1 });
  });

  it.runIf(enabled)('accepts a BACKWARD compatible new version and refuses an incompatible one, changing nothing', async () => {
    const orders = subject('evolving');
    const v1 = await registry.register(orders, avro([ID]));
    expect(await registry.latest(orders)).toMatchObject({ id: v1, version: 1 });

    // A new field with a default: readers of the new schema can read the old data.
    const withName = avro([ID, NAME_WITH_DEFAULT]);
    expect(await registry.compatible(orders, withName)).toBe(true);
    const v2 = await registry.register(orders, withName);
    expect(v2).not.toBe(v1);
    expect(await registry.latest(orders)).toMatchObject({ id: v2, version: 2 });

    // A new field without a default: old records have no value for it.
    const withPrice = avro([ID, NAME_WITH_DEFAULT, PRICE_NO_DEFAULT]);
    expect(await registry.compatible(orders, withPrice)).toBe(false);
    const e = await rejection(registry.register(orders, withPrice));
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/incompatible/i);
    expect(await registry.latest(orders)).toMatchObject({ id: v2, version: 2 });
  });

  it.runIf(enabled)('registers a schema once when it is registered many times at once', async () => {
    const s = avro([ID, { name: 'AT_ONCE', type: ['null', 'string'], default: null }]);
    const ids = await Promise.all(Array.from({ length: 5 }, () => registry.register(subject('at-once'), s)));
    expect(new Set(ids).size).toBe(1);
    expect(await registry.latest(subject('at-once'))).toMatchObject({ id: ids[0], version: 1 });
  });

  it.runIf(enabled)('resolves an Avro schema that references a type in another subject', async () => {
    const money = { type: 'record', name: 'Money', namespace: `eddy.r${run}`, fields: [{ name: 'CENTS', type: 'long' }] };
    await registry.register(subject('money'), { schemaType: 'AVRO', schema: JSON.stringify(money) });
    const order: SchemaToRegister = {
      schemaType: 'AVRO',
      schema: JSON.stringify({ type: 'record', name: 'Order', namespace: `eddy.r${run}`, fields: [{ name: 'TOTAL', type: `eddy.r${run}.Money` }] }),
      references: [{ name: `eddy.r${run}.Money`, subject: subject('money'), version: 1 }],
    };
    const id = await registry.register(subject('order'), order);
    const back = await registry.byId(id);
    expect(back.references).toEqual(order.references);
    expect((await registry.latest(subject('order')))?.references).toEqual(order.references);
    // Without the reference, the type name means nothing.
    const e = await rejection(registry.register(subject('order-unresolved'), { schemaType: 'AVRO', schema: order.schema }));
    expect(e.status).toBe(422);
  });

  it.runIf(enabled)('keeps JSON and PROTOBUF schemas with their type', async () => {
    const json: SchemaToRegister = {
      schemaType: 'JSON',
      schema: JSON.stringify({ type: 'object', title: run, properties: { ID: { type: 'integer' }, NAME: { type: 'string' } } }),
    };
    const jsonId = await registry.register(subject('json'), json);
    const jsonBack = await registry.byId(jsonId);
    expect(jsonBack.schemaType).toBe('JSON');
    expect(JSON.parse(jsonBack.schema)).toEqual(JSON.parse(json.schema));
    expect(await registry.latest(subject('json'))).toMatchObject({ id: jsonId, schemaType: 'JSON', version: 1 });

    const proto: SchemaToRegister = {
      schemaType: 'PROTOBUF',
      schema: `syntax = "proto3";\npackage eddy_${run};\n\nmessage Order {\n  int64 ID = 1;\n  string NAME = 2;\n}\n`,
    };
    const protoId = await registry.register(subject('proto'), proto);
    expect(protoId).not.toBe(jsonId);
    const protoBack = await registry.byId(protoId);
    expect(protoBack.schemaType).toBe('PROTOBUF');
    // A registry may give the .proto back reformatted (Confluent's does); the message is the same.
    expect(protoBack.schema.replace(/\s+/g, ' ')).toContain('message Order { int64 ID = 1; string NAME = 2; }');
    expect(await registry.latest(subject('proto'))).toMatchObject({ id: protoId, schemaType: 'PROTOBUF', version: 1 });
  });

  it.runIf(enabled)('has nothing under an unknown subject, and no schema with an unknown id', async () => {
    expect(await registry.latest(subject('nothing-here'))).toBeUndefined();
    // Anything can be the first version of a subject.
    expect(await registry.compatible(subject('nothing-here'), avro([PRICE_NO_DEFAULT]))).toBe(true);
    const e = await rejection(registry.byId(2_000_000_000));
    expect(e.status).toBe(404);
  });

  it.runIf(enabled)('refuses a schema that is not valid Avro', async () => {
    const e = await rejection(registry.register(subject('invalid'), { schemaType: 'AVRO', schema: '{"type": "record", "name": "r", "fields": [' }));
    expect(e.status).toBe(422);
    expect(await registry.latest(subject('invalid'))).toBeUndefined();
  });
});
