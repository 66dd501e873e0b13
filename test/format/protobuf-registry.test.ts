// PROTOBUF against a real registry (Apicurio 2.6's Confluent-compatible API): the schema ksqlDB
// derives is registered as .proto text under <topic>-value, found again by id and as the
// subject's latest, records written with its id read back, and a source's columns inferred from
// a .proto schema another client registered, including one importing another by reference.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Column } from '../../src/types/schema.js';
import { formatType } from '../../src/types/sql-type.js';
import { ConfluentRegistry } from '../../src/format/registry/confluent-registry.js';
import { createProtobufSerde } from '../../src/format/protobuf/protobuf-serde.js';
import { protoSchemas } from '../../src/format/protobuf/proto-schemas.js';
import { inferProtobufColumns, registerProtobufSchema } from '../../src/format/protobuf/protobuf-registration.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from '../registry/registry-fixture.js';

const run = `${process.pid}-${Date.now()}`;
let registry: ConfluentRegistry;

describe.skipIf(!registryEnabled)('PROTOBUF with a real schema registry', () => {
  beforeAll(async () => {
    registry = new ConfluentRegistry({ urls: [await registryUrl()], timeoutMs: 10_000 });
  }, REGISTRY_START_MS);

  it('registers the derived schema as text and writes and reads records with its id', async () => {
    const topic = `pb-sink-${run}`;
    const cols: Column[] = [
      { name: 'ID', type: { kind: 'BIGINT' }, namespace: 'VALUE' },
      { name: 'TAGS', type: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'STRING' } }, namespace: 'VALUE' },
      { name: 'S', type: { kind: 'STRUCT', fields: [{ name: 'X', type: { kind: 'DOUBLE' } }] }, namespace: 'VALUE' },
    ];
    const id = await registerProtobufSchema(registry, topic, false, cols, { format: 'PROTOBUF' });
    const stored = await registry.byId(id!);
    expect(stored.schemaType).toBe('PROTOBUF');
    expect(stored.schema).toContain('message ConnectDefault1');
    expect((await registry.latest(`${topic}-value`))?.id).toBe(id);
    // A second engine (fresh caches) reads the record through the registry alone.
    const writer = createProtobufSerde(cols, { isKey: false, schemas: protoSchemas(registry) });
    const bytes = writer.serialize([7, new Map([['a', 'b']]), { X: 1.5 }], topic)!;
    const other = new ConfluentRegistry({ urls: [await registryUrl()], timeoutMs: 10_000 });
    const reader = createProtobufSerde(cols, { isKey: false, schemas: protoSchemas(other) });
    await reader.prefetch!(bytes);
    expect(reader.deserialize(bytes, topic)).toEqual([7, new Map([['a', 'b']]), { X: 1.5 }]);
  });

  it('infers columns from .proto text others registered, references included', async () => {
    const ev = `pb-event-${run}.proto`;
    await registry.register(ev, { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\n\nmessage Event {\n  int64 timestamp = 1;\n}\n' });
    const topic = `pb-src-${run}`;
    await registry.register(`${topic}-value`, {
      schemaType: 'PROTOBUF',
      schema: `syntax = "proto3";\n\nimport "${ev}";\n\nmessage Logistics {\n  Event event = 1;\n  repeated string tags = 2;\n}\n`,
      references: [{ name: ev, subject: ev, version: 1 }],
    });
    const r = await inferProtobufColumns(registry, topic, false);
    expect(r.columns.map((c) => `${c.name} ${formatType(c.type)}`).join(', ')).toBe('EVENT STRUCT<`TIMESTAMP` BIGINT>, TAGS ARRAY<STRING>');
  });
});
