import { describe, it, expect } from 'vitest';
import { createRowSerde, SerdeError } from '../../src/format/index.js';
import { SqlError } from '../../src/types/sql-error.js';
import { array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct } from '../../src/types/sql-type.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { col, fromHex, hex } from './helpers.js';

const serde = (t: SqlType, isKey = false) => createRowSerde({ format: 'KAFKA' }, [col('V', t)], { isKey });

describe('KAFKA', () => {
  it('writes Kafka primitive serde bytes', () => {
    expect(hex(serde(INTEGER).serialize([1], 't'))).toBe('00000001');
    expect(hex(serde(INTEGER).serialize([-2], 't'))).toBe('fffffffe');
    expect(hex(serde(BIGINT).serialize([1], 't'))).toBe('0000000000000001');
    expect(hex(serde(BIGINT).serialize([-1], 't'))).toBe('ffffffffffffffff');
    expect(hex(serde(DOUBLE).serialize([1.1], 't'))).toBe('3ff199999999999a');
    expect(hex(serde(STRING).serialize(['é'], 't'))).toBe('c3a9');
    expect(hex(serde(BYTES).serialize([new Uint8Array([0, 255])], 't'))).toBe('00ff');
  });

  it('reads them back', () => {
    expect(serde(INTEGER).deserialize(fromHex('7fffffff'), 't')).toEqual([2147483647]);
    expect(serde(BIGINT).deserialize(fromHex('00000002540be400'), 't')).toEqual([10000000000]);
    expect(serde(DOUBLE).deserialize(fromHex('400199999999999a'), 't')).toEqual([2.2]);
    expect(serde(STRING).deserialize(new Uint8Array([]), 't')).toEqual(['']);
    expect(serde(BYTES).deserialize(fromHex('0102'), 't')).toEqual([new Uint8Array([1, 2])]);
  });

  it('maps null columns to null bytes and back', () => {
    expect(serde(INTEGER).serialize([null], 't')).toBeNull();
    expect(serde(STRING).serialize(null, 't')).toBeNull();
    expect(serde(STRING).deserialize(null, 't')).toBeNull();
  });

  it('gives a SerdeError for payloads of the wrong size', () => {
    expect(() => serde(INTEGER).deserialize(fromHex('000001'), 't')).toThrow(SerdeError);
    expect(() => serde(INTEGER).deserialize(fromHex('000001'), 't')).toThrow(/IntegerDeserializer is not 4 \(got 3 bytes\)/);
    expect(() => serde(BIGINT).deserialize(new Uint8Array(0), 't')).toThrow(/LongDeserializer is not 8/);
    expect(() => serde(DOUBLE).deserialize(new Uint8Array(9), 't')).toThrow(/is not 8/);
  });

  it('refuses types and schemas ksqlDB refuses', () => {
    for (const [t, name] of [[BOOLEAN, 'BOOLEAN'], [decimal(21, 19), 'DECIMAL'], [array(INTEGER), 'ARRAY'],
      [map(STRING, INTEGER), 'MAP'], [struct([{ name: 'F1', type: DOUBLE }]), 'STRUCT'], [DATE, 'DATE']] as const) {
      expect(() => serde(t, true)).toThrow(`The 'KAFKA' format does not support type '${name}'`);
    }
    expect(() => createRowSerde({ format: 'KAFKA' }, [col('A', INTEGER), col('B', INTEGER)], { isKey: false }))
      .toThrow("The 'KAFKA' format only supports a single field. Got: [`A` INTEGER, `B` INTEGER]");
    try {
      serde(BOOLEAN);
    } catch (e) {
      expect(e).toBeInstanceOf(SqlError);
      expect((e as SqlError).code).toBe('INVALID_STATEMENT');
    }
  });

  it('ignores any key bytes when there are no columns', () => {
    const s = createRowSerde({ format: 'KAFKA' }, [], { isKey: true });
    expect(s.deserialize(fromHex('6967'), 't')).toEqual([]);
    expect(s.serialize([], 't')).toBeNull();
  });

  it('reads STRING as UTF-8, malformed bytes as U+FFFD (as StringDeserializer), ASCII ids alike every time', () => {
    const key = serde(STRING, true);
    const read = (bytes: Uint8Array): unknown => key.deserialize(bytes, 't')![0];
    expect(read(Buffer.from('sensor-17'))).toBe('sensor-17');
    expect(read(Buffer.from('sensor-17'))).toBe('sensor-17'); // again, from the cache
    expect(read(Buffer.from('sensor-18'))).toBe('sensor-18');
    expect(read(Buffer.from('x'.repeat(40)))).toBe('x'.repeat(40)); // longer than the cache takes
    expect(read(Buffer.from('café ☕'))).toBe('café ☕');
    expect(read(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
    expect(read(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa'); // a BOM is kept
  });
});
