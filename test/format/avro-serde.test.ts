// The AVRO serde against what ksqlDB writes: the schemas it registers (taken from ksqlDB's QTT
// cases), Confluent's framing, Avro's binary encoding (checked byte by byte and with avsc, the
// library Confluent's JavaScript serializer uses), and bad records as clear SerdeErrors.
import { describe, it, expect } from 'vitest';
import avsc from 'avsc';
import { createRowSerde, SerdeError } from '../../src/format/index.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { avroSchemaFromColumns } from '../../src/format/avro/avro-schema-from-columns.js';
import { registerAvroSchema } from '../../src/format/avro/avro-registration.js';
import { Decimal } from '../../src/types/decimal.js';
import type { Column } from '../../src/types/schema.js';
import { array, BIGINT, DATE, decimal, INTEGER, map, STRING, struct, TIMESTAMP } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';

const col = (name: string, type: Column['type'], namespace: Column['namespace'] = 'VALUE'): Column => ({ name, type, namespace });

function framed(id: number, schema: unknown, value: unknown): Uint8Array {
  const body = avsc.Type.forSchema(schema as avsc.Schema).toBuffer(value);
  return Buffer.concat([Buffer.from([0, 0, 0, 0, id]), body]);
}

describe('AVRO schemas as ksqlDB registers them', () => {
  it('matches the value and key schemas of ksqlDB\'s QTT case "STRUCT - key - inference"', () => {
    expect(avroSchemaFromColumns([col('FOO', INTEGER)], { unwrapped: false })).toEqual({
      type: 'record', name: 'KsqlDataSourceSchema', namespace: 'io.confluent.ksql.avro_schemas',
      fields: [{ name: 'FOO', type: ['null', 'int'], default: null }],
      'connect.name': 'io.confluent.ksql.avro_schemas.KsqlDataSourceSchema',
    });
    expect(avroSchemaFromColumns([col('ROWKEY', struct([{ name: 'F1', type: STRING }]), 'KEY')],
      { unwrapped: true, fullName: 'io.confluent.ksql.avro_schemas.OutputKey' })).toEqual({
      type: 'record', name: 'OutputKey', namespace: 'io.confluent.ksql.avro_schemas',
      fields: [{ name: 'F1', type: ['null', 'string'], default: null }],
      'connect.name': 'io.confluent.ksql.avro_schemas.OutputKey',
    });
  });

  it('refuses what Avro cannot hold, with ksqlDB\'s messages', () => {
    expect(() => avroSchemaFromColumns([col('M', map(INTEGER, STRING))], { unwrapped: false })).toThrow('Avro only supports MAPs with STRING keys');
    expect(() => avroSchemaFromColumns([col('1AvroDoesNotLikeFieldsThatStartWithNumbers', INTEGER)], { unwrapped: false }))
      .toThrow('Schema is not compatible with Avro: Illegal initial character: 1AvroDoesNotLikeFieldsThatStartWithNumbers');
  });

  it('says a registry is needed when there is none', () => {
    expect(() => createRowSerde({ format: 'AVRO' }, [col('A', INTEGER)], { isKey: false })).toThrow(SqlError);
    expect(() => createRowSerde({ format: 'AVRO' }, [col('A', INTEGER)], { isKey: false })).toThrow(/needs a schema registry/);
  });
});

describe('the AVRO serde', () => {
  const cols = [col('NAME', STRING), col('N', INTEGER)];

  it('writes magic byte, schema id and the Avro binary, byte for byte', async () => {
    const registry = new InProcessRegistry();
    const id = await registerAvroSchema(registry, 't', false, cols, { format: 'AVRO' });
    const serde = createRowSerde({ format: 'AVRO' }, cols, { isKey: false, registry });
    // union index 1 (0x02), "x" (length 1 = 0x02, 0x78); union index 1, 5 zig-zag = 0x0a.
    expect([...serde.serialize(['x', 5], 't')!]).toEqual([0, 0, 0, 0, id, 0x02, 0x02, 0x78, 0x02, 0x0a]);
    // Nulls are union index 0.
    expect([...serde.serialize([null, null], 't')!]).toEqual([0, 0, 0, 0, id, 0x00, 0x00]);
    expect(serde.serialize(null, 't')).toBeNull();
  });

  it('round-trips decimals, dates, timestamps, arrays, maps and structs', async () => {
    const registry = new InProcessRegistry();
    const rich = [
      col('D', decimal(6, 2)), col('DAY', DATE), col('AT', TIMESTAMP), col('BIG', BIGINT),
      col('TAGS', array(STRING)), col('M', map(STRING, INTEGER)), col('S', struct([{ name: 'X', type: INTEGER }])),
    ];
    await registerAvroSchema(registry, 't', false, rich, { format: 'AVRO' });
    const serde = createRowSerde({ format: 'AVRO' }, rich, { isKey: false, registry });
    const row = [Decimal.fromString('-12.50'), 19000, 1700000000123, 2n ** 53n + 1n, ['a', null], new Map([['k', 1]]), { X: 3 }];
    const bytes = serde.serialize(row, 't');
    expect(serde.prefetch!(bytes)).toBeUndefined(); // its own schema: nothing to fetch
    const back = serde.deserialize(bytes, 't')!;
    expect((back[0] as Decimal).toString()).toBe('-12.50');
    expect(back.slice(1)).toEqual(row.slice(1));
  });

  it('reads another writer\'s schema: fields by name ignoring case, enums as text, missing fields NULL', async () => {
    const registry = new InProcessRegistry();
    const writer = {
      type: 'record', name: 'Other', fields: [
        { name: 'extra', type: 'long' }, { name: 'name', type: { type: 'enum', name: 'E', symbols: ['A', 'B'] } },
      ],
    };
    const id = await registry.register('t-value', { schemaType: 'AVRO', schema: JSON.stringify(writer) });
    const serde = createRowSerde({ format: 'AVRO' }, cols, { isKey: false, registry });
    const bytes = framed(id, writer, { extra: 9, name: 'B' });
    const wait = serde.prefetch!(bytes);
    expect(wait).toBeInstanceOf(Promise); // a schema id not seen yet is fetched once
    await wait;
    expect(serde.deserialize(bytes, 't')).toEqual(['B', null]);
    expect(serde.prefetch!(bytes)).toBeUndefined();
  });

  it('fails bad records with a SerdeError saying what is wrong', async () => {
    const registry = new InProcessRegistry();
    const serde = createRowSerde({ format: 'AVRO' }, cols, { isKey: false, registry });
    expect(() => serde.deserialize(Buffer.from('{"NAME":"x"}'), 't')).toThrow(SerdeError);
    expect(() => serde.deserialize(Buffer.from('{"NAME":"x"}'), 't')).toThrow('Unknown magic byte!');
    const unknown = framed(77, 'int', 1);
    await serde.prefetch!(unknown);
    expect(() => serde.deserialize(unknown, 't')).toThrow(/schema id 77 is not in the schema registry \(in-process\)/);
    const id = await registerAvroSchema(registry, 't', false, cols, { format: 'AVRO' });
    const truncated = Buffer.from([0, 0, 0, 0, id!, 0x02, 0x08, 0x78]);
    await serde.prefetch!(truncated);
    expect(() => serde.deserialize(truncated, 't')).toThrow(SerdeError);
  });

  it('writes a single key column bare, and a null key as no bytes', async () => {
    const registry = new InProcessRegistry();
    const key = [col('K', BIGINT, 'KEY')];
    const id = await registerAvroSchema(registry, 't', true, key, { format: 'AVRO' });
    expect(JSON.parse((await registry.byId(id!)).schema)).toBe('long');
    const serde = createRowSerde({ format: 'AVRO' }, key, { isKey: true, registry });
    expect([...serde.serialize([-1], 't')!]).toEqual([0, 0, 0, 0, id, 0x01]);
    expect(serde.serialize([null], 't')).toBeNull();
    expect(serde.deserialize(serde.serialize([42], 't'), 't')).toEqual([42]);
  });
});
