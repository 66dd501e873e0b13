// The binary format (format code 1): what clients asking for binary results decode, and what
// pgjdbc and psycopg send as binary parameters. Checked against independent decoders: node-postgres's
// pg-types (what pg users get), and bytes recorded from a real PostgreSQL 15 server's send functions
// (`SELECT encode(numeric_send(...), 'hex')`) where pg-types has no parser or a known bug (it reads
// timestamps before 2000 as sign-magnitude).
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { binaryWriter, decodeBinaryParam, numericBinary, numericFromBinary, textToBinary } from '../../server/pgwire/pg-binary.js';
import { PgProtocolError } from '../../server/pgwire/sqlstate.js';
import { Decimal } from '../../src/types/decimal.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP, type SqlType,
} from '../../src/types/sql-type.js';

const require = createRequire(import.meta.url);
const pgTypes = require('pg-types') as { getTypeParser(oid: number, format: 'binary'): (b: Buffer) => unknown };
const pgParse = (oid: number, b: Buffer | null): unknown => (b === null ? null : pgTypes.getTypeParser(oid, 'binary')(b));

const write = (t: SqlType | undefined, v: unknown): Buffer | null => binaryWriter(t)(v);
const hex = (b: Buffer | null): string | undefined => b?.toString('hex');

/** numeric_send of PostgreSQL 15 for each value (ndigits, weight, sign, dscale, base-10000 digits). */
const PG_NUMERIC: [string, string][] = [
  ['0', '0000000000000000'],
  ['0.00', '0000000000000002'],
  ['1', '00010000000000000001'],
  ['-1', '00010000400000000001'],
  ['12.5', '0002000000000001000c1388'],
  ['-123.4500', '0002000040000004007b1194'],
  ['10000', '00010001000000000001'],
  ['123456789012345678901234567890.000123', '000a000700000006000c0d801ed204d2162e23340d801ed2000108fc'],
  ['0.000001', '0001fffe000000060064'],
  ['-0.0001', '0001ffff400000040001'],
  ['0.00000000000000000001', '0001fffb000000140001'],
  ['99999999', '0002000100000000270f270f'],
  ['1000000.5', '0003000100000001006400001388'],
];

describe('result values in binary format', () => {
  it('writes booleans, integers and doubles that pg-types reads back exactly', () => {
    expect([true, false].map((v) => pgParse(16, write(BOOLEAN, v)))).toEqual([true, false]);
    const ints = [0, -1, 2147483647, -2147483648, 42];
    expect(ints.map((v) => pgParse(23, write(INTEGER, v)))).toEqual(ints);
    // pg returns int8 as a string (exact beyond 2^53).
    expect([0, -5, 9007199254740991, -9007199254740991].map((v) => pgParse(20, write(BIGINT, v))))
      .toEqual(['0', '-5', '9007199254740991', '-9007199254740991']);
    const doubles = [1.5, -0.1, 1e300, 2.2250738585072014e-308, Infinity, -Infinity];
    expect(doubles.map((v) => pgParse(701, write(DOUBLE, v)))).toEqual(doubles);
    // pg-types reads NaN as Infinity and subnormals as 0: PostgreSQL 15's float8send bytes instead.
    expect(hex(write(DOUBLE, NaN))).toBe('7ff8000000000000');
    expect(hex(write(DOUBLE, 5e-324))).toBe('0000000000000001');
    expect(hex(write(DOUBLE, -Infinity))).toBe('fff0000000000000');
  });

  it('writes strings as UTF-8 bytes, and NULL as a null value', () => {
    expect(pgParse(25, write(STRING, "héllo ✓ 'quoted'"))).toBe("héllo ✓ 'quoted'");
    for (const t of [BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP, decimal(4, 2), array(INTEGER)]) {
      expect(write(t, null)).toBeNull();
      expect(write(t, undefined)).toBeNull();
    }
  });

  it('writes decimals as numeric_send does, byte for byte', () => {
    for (const [text, bytes] of PG_NUMERIC) {
      expect(hex(write(decimal(38, 10), Decimal.fromString(text))), text).toBe(bytes);
    }
  });

  it('writes decimals that pg-types reads back (within its float precision; it cannot read values below 1)', () => {
    for (const text of ['12.5', '-123.45', '99999999', '-1.5', '1000000.25', '0']) {
      expect(pgParse(1700, write(decimal(12, 4), Decimal.fromString(text)))).toBe(Number(text));
    }
  });

  it('writes timestamps with milliseconds that pg-types reads back', () => {
    for (const iso of ['2024-01-02T03:04:05.678Z', '2000-01-01T00:00:00.000Z', '2038-01-19T03:14:07.999Z']) {
      const ms = Date.parse(iso);
      // 1184 (timestamptz) has the same binary format as 1114; its parser does not shift by the local zone.
      expect((pgParse(1184, write(TIMESTAMP, ms)) as Date).toISOString()).toBe(iso);
    }
  });

  it('writes dates, times and timestamps before 2000 as PostgreSQL 15 does', () => {
    const days = (iso: string) => Date.parse(iso) / 86400000;
    expect(hex(write(DATE, days('2000-01-01')))).toBe('00000000');
    expect(hex(write(DATE, days('1999-12-31')))).toBe('ffffffff');
    expect(hex(write(DATE, 0))).toBe('ffffd533');
    expect(hex(write(DATE, days('2024-02-29')))).toBe('00002279');
    expect(hex(write(DATE, days('0001-01-01')))).toBe('fff4dbf9');
    expect(hex(write(TIME, 0))).toBe('0000000000000000');
    expect(hex(write(TIME, (3 * 3600 + 4 * 60 + 5) * 1000 + 678))).toBe('00000002925fabb0');
    expect(hex(write(TIME, 86399999))).toBe('000000141dd75c18');
    expect(hex(write(TIMESTAMP, Date.parse('1969-07-20T20:17:40.123Z')))).toBe('fffc96188bb04178');
    expect(hex(write(TIMESTAMP, Date.parse('1900-01-01T00:00:00.001Z')))).toBe('fff4c9ee7c0b83e8');
    expect(hex(write(TIMESTAMP, Date.parse('2024-01-02T03:04:05.678Z')))).toBe('0002b0ec85204bb0');
  });

  it('writes bytes raw, and arrays, maps and structs as their json text', () => {
    expect(hex(write(BYTES, new Uint8Array([0, 255, 16])))).toBe('00ff10');
    const t = struct([{ name: 'A', type: array(INTEGER) }, { name: 'M', type: map(STRING, DOUBLE) }]);
    expect(write(t, { A: [1, 2], M: new Map([['k', 1.5]]) })?.toString('utf8')).toBe('{"A":[1,2],"M":{"k":1.5}}');
  });

  it('writes untyped cells (SHOW, DESCRIBE) as the bytes of their text', () => {
    expect(write(undefined, 'x')?.toString()).toBe('x');
    expect(write(undefined, 12)?.toString()).toBe('12');
    expect(write(undefined, { a: 1 })?.toString()).toBe('{"a":1}');
  });
});

describe('catalog text in binary format', () => {
  it('converts text of the catalog types to what pg-types reads as the same value', () => {
    expect(pgParse(16, textToBinary(16, 't'))).toBe(true);
    expect(pgParse(16, textToBinary(16, 'f'))).toBe(false);
    expect(pgParse(21, textToBinary(21, '-7'))).toBe(-7);
    expect(pgParse(23, textToBinary(23, '2147483647'))).toBe(2147483647);
    expect(pgParse(26, textToBinary(26, '2200'))).toBe(2200);
    expect(pgParse(20, textToBinary(20, '-9000000000000000000'))).toBe('-9000000000000000000');
    expect(pgParse(700, textToBinary(700, '1.5'))).toBe(1.5);
    expect(pgParse(701, textToBinary(701, '-0.25'))).toBe(-0.25);
    expect(hex(textToBinary(701, 'NaN'))).toBe('7ff8000000000000');
    expect(pgParse(25, textToBinary(25, 'pg_catalog'))).toBe('pg_catalog');
    expect(textToBinary(19, 'name').toString()).toBe('name');
    expect(textToBinary(1043, 'värchar').toString()).toBe('värchar');
    expect(textToBinary(114, '{"a":1}').toString()).toBe('{"a":1}');
    expect(hex(textToBinary(3802, '{"a": [1, "x"]}'))).toBe('017b2261223a205b312c202278225d7d'); // PG 15's jsonb_send
    expect(hex(textToBinary(1700, '-123.4500'))).toBe('0002000040000004007b1194');
  });

  it('refuses types it has no binary format for, with 0A000', () => {
    const e = errorOf(() => textToBinary(1186, '1 day'));
    expect(e).toBeInstanceOf(PgProtocolError);
    expect((e as PgProtocolError).code).toBe('0A000');
  });
});

describe('parameters in binary format', () => {
  it('decodes numeric_send bytes to the exact decimal text, keeping the scale', () => {
    for (const [text, bytes] of PG_NUMERIC) expect(numericFromBinary(Buffer.from(bytes, 'hex'))).toBe(text);
    expect(numericFromBinary(Buffer.from('00000000c0000000', 'hex'))).toBe('NaN');
    expect(numericFromBinary(Buffer.from('00000000d0000020', 'hex'))).toBe('Infinity');
    expect(numericFromBinary(Buffer.from('00000000f0000020', 'hex'))).toBe('-Infinity');
  });

  it('round-trips decimals of any size and scale through numeric', () => {
    for (const text of ['98765432109876543210.0123456789', '-0.00000001', '5', '-10000.0000', '0.1']) {
      expect(numericFromBinary(numericBinary(Decimal.fromString(text)))).toBe(text);
    }
  });

  it('decodes what pgjdbc and psycopg send: integers, floats, booleans', () => {
    const b = (h: string) => Buffer.from(h, 'hex');
    expect(decodeBinaryParam(23, b('ffffffd6'))).toBe(-42n);
    expect(decodeBinaryParam(21, b('7fff'))).toBe(32767n);
    expect(decodeBinaryParam(20, b('7fffffffffffffff'))).toBe(2n ** 63n - 1n);
    expect(decodeBinaryParam(26, b('ffffffff'))).toBe(4294967295n);
    expect(decodeBinaryParam(700, b('3f8ccccd'))).toBe(Math.fround(1.1)); // PG 15's float4send(1.1)
    expect(decodeBinaryParam(701, b('fff0000000000000'))).toBe(-Infinity);
    expect(decodeBinaryParam(16, b('01'))).toBe(true);
    expect(decodeBinaryParam(16, b('00'))).toBe(false);
  });

  it('decodes dates, times and timestamps (before 2000 too) to Eddy values', () => {
    const b = (h: string) => Buffer.from(h, 'hex');
    expect(decodeBinaryParam(1082, b('ffffffff'))).toBe(Date.parse('1999-12-31') / 86400000);
    expect(decodeBinaryParam(1082, b('fff4dbf9'))).toBe(Date.parse('0001-01-01') / 86400000);
    expect(decodeBinaryParam(1083, b('00000002925fabb0'))).toBe((3 * 3600 + 4 * 60 + 5) * 1000 + 678);
    expect(decodeBinaryParam(1114, b('fffc96188bb04178'))).toBe(Date.parse('1969-07-20T20:17:40.123Z'));
    expect(decodeBinaryParam(1184, b('0002b0ec85204bb0'))).toBe(Date.parse('2024-01-02T03:04:05.678Z'));
    // A microsecond before 2000 is in the last millisecond of 1999, not rounded into 2000.
    expect(decodeBinaryParam(1114, b('ffffffffffffffff'))).toBe(Date.parse('1999-12-31T23:59:59.999Z'));
  });

  it('decodes text, json, jsonb, uuid and bytea', () => {
    expect(decodeBinaryParam(25, Buffer.from("it's ✓"))).toBe("it's ✓");
    expect(decodeBinaryParam(1043, Buffer.from('v'))).toBe('v');
    expect(decodeBinaryParam(3802, Buffer.from('017b2261223a205b312c202278225d7d', 'hex'))).toBe('{"a": [1, "x"]}');
    expect(decodeBinaryParam(2950, Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex'))).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expect(decodeBinaryParam(17, Buffer.from([0, 1, 255]))).toEqual(Buffer.from([0, 1, 255]));
  });

  it('refuses bytes of the wrong size or encoding with the Postgres SQLSTATE', () => {
    const code = (f: () => unknown) => (errorOf(f) as PgProtocolError).code;
    expect(code(() => decodeBinaryParam(23, Buffer.from([1, 2])))).toBe('22P03');
    expect(code(() => decodeBinaryParam(20, Buffer.alloc(4)))).toBe('22P03');
    expect(code(() => decodeBinaryParam(1700, Buffer.from('0002000000000000000c', 'hex')))).toBe('22P03');
    expect(code(() => decodeBinaryParam(1700, Buffer.from('00010000000000002710', 'hex')))).toBe('22P03'); // digit 10000
    expect(code(() => decodeBinaryParam(3802, Buffer.from('027b7d', 'hex')))).toBe('22P03');
    expect(code(() => decodeBinaryParam(25, Buffer.from([0xc3, 0x28])))).toBe('22021');
    expect(code(() => decodeBinaryParam(1114, Buffer.from('7fffffffffffffff', 'hex')))).toBe('22008'); // infinity
    expect(code(() => decodeBinaryParam(1186, Buffer.alloc(16)))).toBe('0A000'); // interval
  });
});

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
