// PROTOBUF and PROTOBUF_NOSR as ksqlDB writes and reads them: the registered schema texts of
// ksqlDB's QTT cases (protobuf.json, post.topics), the Confluent framing with message indexes,
// the protobuf binary byte for byte, proto3 defaults for NULLs (and NULLs kept with the OPTIONAL
// and WRAPPER representations), the registry schemas of the QTT inference cases read back, and
// bad records as SerdeErrors.
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/types/schema.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { SerdeError } from '../../src/format/serde.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { protoSchemaText } from '../../src/format/protobuf/proto-schema-from-columns.js';
import { createProtobufSerde } from '../../src/format/protobuf/protobuf-serde.js';
import { protoSchemas } from '../../src/format/protobuf/proto-schemas.js';
import { registerProtobufSchema } from '../../src/format/protobuf/protobuf-registration.js';

const col = (name: string, type: SqlType): Column => ({ name, type, namespace: 'VALUE' });
const PRIMS: Column[] = [
  col('I', { kind: 'INTEGER' }), col('L', { kind: 'BIGINT' }), col('D', { kind: 'DOUBLE' }),
  col('B', { kind: 'BOOLEAN' }), col('S', { kind: 'STRING' }),
];
const hex = (b: Uint8Array | null): string => Buffer.from(b!).toString('hex');

describe('the schema ksqlDB registers (QTT protobuf.json post.topics)', () => {
  it('plain proto3 fields by default', () => {
    expect(protoSchemaText(PRIMS)).toBe('syntax = "proto3";\n\nmessage ConnectDefault1 {\n  int32 I = 1;\n  int64 L = 2;\n  double D = 3;\n  bool B = 4;\n  string S = 5;\n}\n');
  });
  it('optional fields with the OPTIONAL representation', () => {
    expect(protoSchemaText(PRIMS, { nullable: 'OPTIONAL' })).toBe('syntax = "proto3";\n\nmessage ConnectDefault1 {\n  optional int32 I = 1;\n  optional int64 L = 2;\n  optional double D = 3;\n  optional bool B = 4;\n  optional string S = 5;\n}\n');
  });
  it('wrapper types with the WRAPPER representation', () => {
    expect(protoSchemaText(PRIMS, { nullable: 'WRAPPER' })).toBe('syntax = "proto3";\n\nimport "google/protobuf/wrappers.proto";\n\nmessage ConnectDefault1 {\n  google.protobuf.Int32Value I = 1;\n  google.protobuf.Int64Value L = 2;\n  google.protobuf.DoubleValue D = 3;\n  google.protobuf.BoolValue B = 4;\n  google.protobuf.StringValue S = 5;\n}\n');
  });
  it('nested structs and maps as ConnectDefaultN messages, numbered depth-first', () => {
    const text = protoSchemaText([
      col('S', { kind: 'STRUCT', fields: [{ name: 'F0', type: { kind: 'STRUCT', fields: [{ name: 'X', type: { kind: 'INTEGER' } }] } }] }),
      col('M', { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'DOUBLE' } }),
      col('A', { kind: 'ARRAY', item: { kind: 'BIGINT' } }),
    ]);
    expect(text).toBe('syntax = "proto3";\n\nmessage ConnectDefault1 {\n  ConnectDefault2 S = 1;\n  repeated ConnectDefault4Entry M = 2;\n  repeated int64 A = 3;\n\n'
      + '  message ConnectDefault2 {\n    ConnectDefault3 F0 = 1;\n\n    message ConnectDefault3 {\n      int32 X = 1;\n    }\n  }\n'
      + '  message ConnectDefault4Entry {\n    string key = 1;\n    double value = 2;\n  }\n}\n');
  });
  it('refuses MAP keys other than STRING, with ksqlDB\'s message', () => {
    expect(() => protoSchemaText([col('FOO', { kind: 'MAP', key: { kind: 'INTEGER' }, value: { kind: 'DOUBLE' } })]))
      .toThrow('PROTOBUF format only supports MAP types with STRING keys');
  });
});

async function serdeFor(columns: Column[], opts: { nullable?: 'OPTIONAL' | 'WRAPPER' } = {}) {
  const registry = new InProcessRegistry();
  const spec = { format: 'PROTOBUF' as const, options: opts.nullable ? { nullableRepresentation: opts.nullable } : undefined };
  const id = await registerProtobufSchema(registry, 't', false, columns, spec as never);
  const serde = createProtobufSerde(columns, { isKey: false, schemas: protoSchemas(registry), nullable: opts.nullable });
  return { serde, id: id!, registry };
}

describe('PROTOBUF records', () => {
  it('are magic byte 0, the schema id, message index 0 and the protobuf binary', async () => {
    const { serde, id } = await serdeFor(PRIMS);
    const bytes = serde.serialize([1, 1, 1.2, true, 'foo'], 't');
    const d = Buffer.alloc(8);
    d.writeDoubleLE(1.2);
    expect(hex(bytes)).toBe(`00${id.toString(16).padStart(8, '0')}00` + '0801' + '1001' + `19${d.toString('hex')}` + '2001' + '2a03666f6f');
    expect(serde.deserialize(bytes, 't')).toEqual([1, 1, 1.2, true, 'foo']);
  });

  it('write NULLs and zeros as nothing: they read back as proto3 defaults (QTT "protobuf primitives with null")', async () => {
    const { serde } = await serdeFor(PRIMS);
    const a = serde.serialize([null, 0, null, false, null], 't');
    expect(hex(a).slice(10)).toBe('00'); // header and message index only
    expect(serde.deserialize(a, 't')).toEqual([0, 0, 0, false, '']);
    expect(serde.deserialize(serde.serialize([0, null, 0, null, ''], 't'), 't')).toEqual([0, 0, 0, false, '']);
  });

  it('keep NULLs apart from zeros with the OPTIONAL and WRAPPER representations', async () => {
    for (const nullable of ['OPTIONAL', 'WRAPPER'] as const) {
      const { serde } = await serdeFor(PRIMS, { nullable });
      for (const row of [[null, 0, null, false, null], [0, null, 0, null, '']]) {
        expect(serde.deserialize(serde.serialize(row, 't'), 't')).toEqual(row);
      }
    }
    const { serde } = await serdeFor(PRIMS, { nullable: 'OPTIONAL' });
    expect(hex(serde.serialize([0, null, null, null, null], 't')).slice(12)).toBe('0800'); // an optional 0 is written
    const w = await serdeFor(PRIMS, { nullable: 'WRAPPER' });
    expect(hex(w.serde.serialize([0, null, null, null, null], 't')).slice(12)).toBe('0a00'); // an empty Int32Value
  });

  it('round-trip arrays, maps, structs and the logical types, as ksqlDB defaults nested NULLs', async () => {
    const cols = [
      col('A', { kind: 'ARRAY', item: { kind: 'BIGINT' } }),
      col('M', { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'DOUBLE' } }),
      col('S', { kind: 'STRUCT', fields: [{ name: 'F0', type: { kind: 'INTEGER' } }] }),
      col('DEC', { kind: 'DECIMAL', precision: 4, scale: 2 }),
      col('DT', { kind: 'DATE' }), col('TM', { kind: 'TIME' }), col('TS', { kind: 'TIMESTAMP' }), col('BY', { kind: 'BYTES' }),
    ];
    const { serde } = await serdeFor(cols);
    const row = [[12, 34, -999, 2 ** 40], new Map([['a', 1.1], ['b', 2.2]]), { F0: 1 }, Decimal.fromString('10.01'),
      19000, 45296789, 1700000000123, Buffer.from('hi')];
    const back = serde.deserialize(serde.serialize(row, 't'), 't')!;
    expect(back.slice(0, 7)).toEqual(row.slice(0, 7));
    expect(Buffer.from(back[7] as Uint8Array).toString()).toBe('hi');
    // QTT "serialize nested ...": NULL containers read back empty, a NULL struct stays NULL, a NULL field in it 0.
    expect(serde.deserialize(serde.serialize([null, null, { F0: null }, null, null, null, null, null], 't'), 't'))
      .toEqual([[], new Map(), { F0: 0 }, null, null, null, null, null]);
    expect(serde.deserialize(serde.serialize([null, null, null, null, null, null, null, null], 't'), 't'))
      .toEqual([[], new Map(), null, null, null, null, null, null]);
  });

  it('write a DECIMAL as confluent.type.Decimal: unscaled bytes, precision, scale', async () => {
    const { serde } = await serdeFor([col('DEC', { kind: 'DECIMAL', precision: 4, scale: 2 })]);
    // 10.01 → unscaled 1001 = 0x03e9, precision 4, scale 2
    expect(hex(serde.serialize([Decimal.fromString('10.01')], 't')).slice(12)).toBe('0a08' + '0a0203e9' + '1004' + '1802');
  });

  it('fail bad records with a SerdeError naming the topic', async () => {
    const { serde } = await serdeFor(PRIMS);
    const good = serde.serialize([1, 2, 3, true, 'x'], 't')!;
    expect(() => serde.deserialize(Buffer.from([1, 0, 0, 0, 1, 0]), 't')).toThrow(/Failed to deserialize value from topic: t\. Unknown magic byte/);
    expect(() => serde.deserialize(good.subarray(0, good.length - 1), 't')).toThrow(SerdeError);
    const unknown = Buffer.from(good);
    unknown.writeInt32BE(999, 1);
    expect(serde.prefetch!(unknown)).toBeInstanceOf(Promise);
    await serde.prefetch!(unknown);
    expect(() => serde.deserialize(unknown, 't')).toThrow(/schema id 999 is not in the schema registry/);
    expect(() => serde.serialize([1, 'x', 3, true, 'x'], 't')).toThrow(/Failed to serialize value to topic: t\..*expected: Number.*path: \.L/);
  });
});

describe('records written with the registry schemas of ksqlDB\'s QTT inference cases', () => {
  async function written(schema: string, body: string, columns: Column[], indexes = '00') {
    const registry = new InProcessRegistry();
    const id = await registry.register('input-value', { schemaType: 'PROTOBUF', schema });
    const serde = createProtobufSerde(columns, { isKey: false, schemas: protoSchemas(registry) });
    const bytes = Buffer.from(`00${id.toString(16).padStart(8, '0')}${indexes}${body}`, 'hex');
    await serde.prefetch!(bytes);
    return serde.deserialize(bytes, 'input');
  }

  it('reads float, uint32, uint64, sint32 and sint64 ("protobuf inference - other scalars")', async () => {
    const f = Buffer.alloc(4);
    f.writeFloatLE(1.1234);
    const body = `0d${f.toString('hex')}` + '1001' + '1880c0ee8ed20b' + '2002' + '288080dd9da417';
    const row = await written('syntax = "proto3"; message ConfluentDefault1 {float c1 = 1; uint32 c2 = 2; uint64 c3 = 3; sint32 c4 = 4; sint64 c5 = 5;}', body,
      [col('C1', { kind: 'DOUBLE' }), col('C2', { kind: 'BIGINT' }), col('C3', { kind: 'BIGINT' }), col('C4', { kind: 'INTEGER' }), col('C5', { kind: 'BIGINT' })]);
    expect(row).toEqual([1.1233999729156494, 1, 400000000000, 1, 400000000000]);
  });

  it('reads enums as their symbol and a Decimal with its field_meta ("should convert enum to STRING", "partial schema")', async () => {
    expect(await written('syntax = "proto3"; message ConfluentDefault1 {enum Suit {SPADES = 0; HEARTS = 1; DIAMONDS = 2; CLUBS = 4;} Suit c1 = 1;}',
      '0801', [col('C1', { kind: 'STRING' })])).toEqual(['HEARTS']);
    expect(await written('syntax = "proto3"; message ConfluentDefault1 {enum Suit {SPADES = 0; HEARTS = 1;} Suit c1 = 1;}',
      '', [col('C1', { kind: 'STRING' })])).toEqual(['SPADES']);
    const decimal = 'syntax = "proto3"; import "confluent/type/decimal.proto"; message ConfluentDefault1 {bool c1 = 1; confluent.type.Decimal c6 = 6 [(confluent.field_meta) = { params: [{ value: "4", key: "precision" }, { value: "2", key: "scale" }]}];}';
    const row = await written(decimal, '0801' + '3208' + '0a0203e9' + '1004' + '1802', [col('C1', { kind: 'BOOLEAN' }), col('C6', { kind: 'DECIMAL', precision: 4, scale: 2 })]);
    expect(row![1]).toEqual(Decimal.fromString('10.01'));
  });

  it('reads wrappers as their value, NULL when absent ("wrapped primitives")', async () => {
    const schema = 'syntax = "proto3"; import \'google/protobuf/wrappers.proto\'; message ConfluentDefault1 {google.protobuf.BoolValue c1 = 1; google.protobuf.Int32Value c2 = 2;}';
    expect(await written(schema, '0a020801' + '1200', [col('C1', { kind: 'BOOLEAN' }), col('C2', { kind: 'INTEGER' })])).toEqual([true, 0]);
    expect(await written(schema, '', [col('C1', { kind: 'BOOLEAN' }), col('C2', { kind: 'INTEGER' })])).toEqual([null, null]);
  });

  it('picks the message the indexes name ("specify a protobuf schema from multiple definitions")', async () => {
    const schema = 'syntax = "proto3"; message ProtobufValue1 {float c1 = 1; uint32 c2 = 2;} message ProtobufValue2 {uint32 c1 = 1;}';
    expect(await written(schema, '0864', [col('C1', { kind: 'BIGINT' })], '0202')).toEqual([100]);
  });
});

describe('PROTOBUF_NOSR', () => {
  it('is the bare protobuf binary of the columns\' message', () => {
    const serde = createProtobufSerde(PRIMS, { isKey: false });
    const bytes = serde.serialize([1, 0, null, true, 'foo'], 't');
    expect(hex(bytes)).toBe('0801' + '2001' + '2a03666f6f');
    expect(serde.deserialize(bytes, 't')).toEqual([1, 0, 0, true, 'foo']);
    expect(serde.deserialize(new Uint8Array(0), 't')).toEqual([0, 0, 0, false, '']);
    expect(() => serde.deserialize(Buffer.from('0a05ff', 'hex'), 't')).toThrow(SerdeError);
  });
});
