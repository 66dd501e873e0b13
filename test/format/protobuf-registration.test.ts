// PROTOBUF and the registry before records flow: columns inferred from a subject's latest schema
// (upper-cased, as ksqlDB's QTT cases show) or a schema id (spelling kept), a message picked by
// full name, schemas importing others through references, and sink schemas registered under
// <topic>-key / <topic>-value so the serializer writes with their id.
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/types/schema.js';
import { formatType } from '../../src/types/sql-type.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { createProtobufSerde } from '../../src/format/protobuf/protobuf-serde.js';
import { protoSchemas } from '../../src/format/protobuf/proto-schemas.js';
import {
  inferProtobufColumns, loadProtobufSchemaId, registerProtobufSchema,
} from '../../src/format/protobuf/protobuf-registration.js';

const show = (cols: Column[]): string => cols.map((c) => `${c.name} ${formatType(c.type)}`).join(', ');

describe('PROTOBUF schema inference', () => {
  it('takes a subject\'s latest schema, upper-casing names ("protobuf inference - primitives", "partial schema")', async () => {
    const registry = new InProcessRegistry();
    await registry.register('input-value', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; import "confluent/type/decimal.proto"; message ConfluentDefault1 {bool c1 = 1; int32 c2 = 2; int64 c3 = 3; double c4 = 4; string c5 = 5; confluent.type.Decimal c6 = 6 [(confluent.field_meta) = { params: [{ value: "4", key: "precision" }, { value: "2", key: "scale" }]}];}' });
    const r = await inferProtobufColumns(registry, 'input', false);
    expect(show(r.columns)).toBe('C1 BOOLEAN, C2 INTEGER, C3 BIGINT, C4 DOUBLE, C5 STRING, C6 DECIMAL(4, 2)');
  });

  it('maps the other scalars, enums, repeated fields, nested messages and maps as ksqlDB does', async () => {
    const registry = new InProcessRegistry();
    await registry.register('input-value', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message ConfluentDefault1 {float c1 = 1; uint32 c2 = 2; uint64 c3 = 3; sint32 c4 = 4; sint64 c5 = 5; enum Suit {SPADES = 0;} Suit c6 = 6; repeated string c7 = 7; message Something {int32 f1 = 1;} Something c8 = 8; map<string, int64> c9 = 9;}' });
    const r = await inferProtobufColumns(registry, 'input', false);
    expect(show(r.columns)).toBe('C1 DOUBLE, C2 BIGINT, C3 BIGINT, C4 INTEGER, C5 BIGINT, C6 STRING, C7 ARRAY<STRING>, C8 STRUCT<`F1` INTEGER>, C9 MAP<STRING, BIGINT>');
  });

  it('keeps the spelling with a schema id, and resolves imports through references ("external references")', async () => {
    const registry = new InProcessRegistry();
    await registry.register('event.proto', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\n\nmessage Event {\n int64 timestamp = 1;\n}' });
    const id = await registry.register('input-value', {
      schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\n\nimport "event.proto"; \n\nmessage Logistics {\n Event event = 1;\n}',
      references: [{ name: 'event.proto', subject: 'event.proto', version: 1 }],
    });
    expect(show((await inferProtobufColumns(registry, 'input', false, { schemaId: id })).columns)).toBe('event STRUCT<`timestamp` BIGINT>');
    expect(show((await inferProtobufColumns(registry, 'input', false)).columns)).toBe('EVENT STRUCT<`TIMESTAMP` BIGINT>');
    // and records of it decode once prefetch fetched the referenced schema too
    const serde = createProtobufSerde([{ name: 'EVENT', type: { kind: 'STRUCT', fields: [{ name: 'TIMESTAMP', type: { kind: 'BIGINT' } }] }, namespace: 'VALUE' }],
      { isKey: false, schemas: protoSchemas(registry) });
    const bytes = Buffer.from(`00${id.toString(16).padStart(8, '0')}00` + '0a020801', 'hex');
    await serde.prefetch!(bytes);
    expect(serde.deserialize(bytes, 'input')).toEqual([{ TIMESTAMP: 1 }]);
  });

  it('picks a message by full name, and says the schema is missing when it is not there', async () => {
    const registry = new InProcessRegistry();
    await registry.register('input-key', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message ProtobufKey1 {uint32 k1 = 1;} message ProtobufKey2 {string k1 = 1;}' });
    expect(show((await inferProtobufColumns(registry, 'input', true, { fullName: 'ProtobufKey2' })).columns)).toBe('K1 STRING');
    await expect(inferProtobufColumns(registry, 'input', true, { fullName: 'ProtobufKey1000' }))
      .rejects.toThrow("Schema for message keys on topic 'input' does not exist in the Schema Registry.");
    await expect(inferProtobufColumns(registry, 'input_topic', false))
      .rejects.toThrow("Schema for message values on topic 'input_topic' does not exist in the Schema Registry.");
  });
});

describe('PROTOBUF sink schemas', () => {
  const cols: Column[] = [{ name: 'K1', type: { kind: 'STRING' }, namespace: 'KEY' }];

  it('are registered under <topic>-key, and the serializer writes with that id', async () => {
    const registry = new InProcessRegistry();
    await registry.register('other', { schemaType: 'AVRO', schema: '"string"' }); // ids need not start at 1
    const id = await registerProtobufSchema(registry, 'OUT', true, cols, { format: 'PROTOBUF' });
    expect((await registry.latest('OUT-key'))?.schema).toBe('syntax = "proto3";\n\nmessage ConnectDefault1 {\n  string K1 = 1;\n}\n');
    const serde = createProtobufSerde(cols, { isKey: true, schemas: protoSchemas(registry) });
    expect(Buffer.from(serde.serialize(['A'], 'OUT')!).toString('hex')).toBe(`00${id!.toString(16).padStart(8, '0')}00` + '0a0141');
    expect(() => serde.serialize(['A'], 'ELSEWHERE')).toThrow(/not registered in the schema registry \(subject ELSEWHERE-key\)/);
  });

  it('use a full name as the message name, and with a schema id write that schema\'s message and indexes', async () => {
    const registry = new InProcessRegistry();
    await registerProtobufSchema(registry, 'OUT', false, cols, { format: 'PROTOBUF', options: { fullSchemaName: 'my.pkg.ProtobufValue2' } });
    expect((await registry.latest('OUT-value'))?.schema).toBe('syntax = "proto3";\npackage my.pkg;\n\nmessage ProtobufValue2 {\n  string K1 = 1;\n}\n');
    const id = await registry.register('X-value', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message ProtobufValue1 {float c1 = 1;} message ProtobufValue2 {string k1 = 1;}' });
    await loadProtobufSchemaId(registry, id);
    const serde = createProtobufSerde(cols, { isKey: false, schemas: protoSchemas(registry), schemaId: id, fullName: 'ProtobufValue2' });
    expect(Buffer.from(serde.serialize(['A'], 'OUT')!).toString('hex')).toBe(`00${id.toString(16).padStart(8, '0')}0202` + '0a0141');
  });

  it('with ifAbsent leave a subject that has a schema alone', async () => {
    const registry = new InProcessRegistry();
    await registry.register('T-value', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message M {int32 a = 1;}' });
    expect(await registerProtobufSchema(registry, 'T', false, cols, { format: 'PROTOBUF' }, true)).toBeUndefined();
    expect((await registry.latest('T-value'))?.version).toBe(1);
  });
});
