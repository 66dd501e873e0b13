// The JSON serializer that writes bytes straight into slabs: its bytes are exactly those of the
// text writers (Double.toString digits, Jackson's escapes, UTF-8), record for record, and a
// record's bytes stay as they were while later records are written.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ByteSlab, utf8Bytes } from '../../src/format/bytes.js';
import { writeJsonDouble, writeJsonInteger } from '../../src/format/json-number-bytes.js';
import { createJsonSerde } from '../../src/format/json-serde.js';
import { fieldPrefixes, jsonWriter } from '../../src/format/json-write.js';
import { javaDoubleToString, javaLongText } from '../../src/values/java-number.js';
import { Decimal } from '../../src/types/decimal.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP, type SqlType,
} from '../../src/types/sql-type.js';
import { col } from './helpers.js';

const slab = new ByteSlab();
const doubleText = (d: number): string => {
  slab.begin();
  writeJsonDouble(slab, d);
  return Buffer.from(slab.take()).toString('latin1');
};
const javaJson = (d: number): string => (Number.isFinite(d) ? javaDoubleToString(d) : `"${javaDoubleToString(d)}"`);

function doubleFromBits(hi: number, lo: number): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setUint32(0, hi);
  dv.setUint32(4, lo);
  return dv.getFloat64(0);
}

/** The doubles either side of d. */
function neighbours(d: number): number[] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, d);
  const bits = dv.getBigUint64(0);
  return [bits - 1n, bits + 1n].map((b) => { dv.setBigUint64(0, BigInt.asUintN(64, b)); return dv.getFloat64(0); });
}

describe('DOUBLE digits written as bytes', () => {
  it('are Double.toString on edge cases: zeros, NaN, infinities, subnormals, powers of ten, the plain-notation bounds', () => {
    const cases = [0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308,
      1, -1, 0.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 100, 1234567, 9999999, 9999999.999999998, 1e7, 1e-3, 0.00099999, 2 ** 31, 2 ** 53,
      2 ** 54, 2 ** 63, 123456.789, 0.057, 73.4, -73.4, 4.35, 0.001234, 1000000.1];
    for (let e = -324; e <= 308; e++) cases.push(Number(`1e${e}`), Number(`-1e${e}`), Number(`9.99e${e}`));
    for (const d of [...cases]) cases.push(...neighbours(d));
    for (const d of cases) expect(doubleText(d), String(d)).toBe(javaJson(d));
  });

  it('are Double.toString for millions of doubles: any bits, short decimals, integers', () => {
    let seed = 12345;
    const next = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
    const mismatches: number[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      let d: number;
      switch (i % 4) {
        case 0: d = doubleFromBits(next(), next()); break; // every exponent, subnormals, NaNs
        case 1: d = Math.round((next() / 2 ** 32 - 0.5) * 10 ** (next() % 9)) / 10 ** (next() % 8); break; // few decimals
        case 2: d = (next() / 2 ** 32) * 10 ** ((next() % 14) - 5); break; // 17 significant digits near plain range
        default: d = (next() - 2 ** 31) * (next() % 3 === 0 ? 1 : 0.25); break; // integers and quarters
      }
      if (doubleText(d) !== javaJson(d)) mismatches.push(d);
    }
    expect(mismatches.slice(0, 5).map((d) => [d, doubleText(d), javaJson(d)])).toEqual([]);
  });
});

describe('integers written as bytes', () => {
  it('are Java int and long text', () => {
    const ints = [0, -0, 1, -1, 9, 10, 99, 100, 2147483647, -2147483648, -2147483647, 123456789, 1000000000];
    for (const v of ints) {
      slab.begin();
      writeJsonInteger(slab, v | 0);
      expect(Buffer.from(slab.take()).toString(), String(v)).toBe(String(v | 0));
    }
    const longs = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, -(2 ** 53), 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 1e300, -0,
      1_700_000_000_123, -1_700_000_000_001, 1e9 * 2 ** 21, 3_000_000_000, 10_000_000_000, 12_000_000_005, 2 ** 31 + 0.5, -(2 ** 40) - 0.25];
    for (let i = 0; i < 2000; i++) longs.push(Math.floor((Math.random() - 0.5) * 2 ** (32 + (i % 22))));
    for (const v of longs) {
      slab.begin();
      writeJsonInteger(slab, v);
      expect(Buffer.from(slab.take()).toString(), String(v)).toBe(javaLongText(v));
    }
  });
});

describe('the JSON row serializer', () => {
  const types: SqlType[] = [DOUBLE, INTEGER, BIGINT, BOOLEAN, STRING, decimal(10, 2), BYTES, DATE, TIME, TIMESTAMP,
    array(DOUBLE), map(STRING, STRING), struct([{ name: 'X', type: STRING }, { name: 'Y', type: DOUBLE }])];
  const cols = types.map((t, i) => col(`C${i}_é`, t));
  const texts = types.map(jsonWriter);
  const prefixes = fieldPrefixes(cols.map((c) => c.name));
  /** What the serializer wrote before: the text writers' concatenation, UTF-8 encoded. */
  const reference = (row: unknown[]): string =>
    Buffer.from(utf8Bytes('{' + row.map((v, i) => prefixes[i] + (v === null ? 'null' : texts[i](v))).join('') + '}')).toString('hex');
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('a"b\\c\u0001\n', '\ud800x', 'é'.repeat(40)));
  const value: fc.Arbitrary<unknown>[] = [
    fc.double(), fc.integer(), fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.boolean(), text,
    fc.bigInt({ min: -(10n ** 10n) + 1n, max: 10n ** 10n - 1n }).map((u) => new Decimal(u, 2)), fc.uint8Array({ maxLength: 20 }),
    fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 86399999 }), fc.integer({ min: 0, max: 2 ** 45 }),
    fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 4 }), fc.array(fc.tuple(text, text), { maxLength: 3 }).map((e) => new Map(e)),
    fc.record({ X: fc.oneof(text, fc.constant(null)), Y: fc.double() }),
  ];
  const row = fc.tuple(...value.map((v) => fc.oneof({ weight: 5, arbitrary: v }, { weight: 1, arbitrary: fc.constant(null) })));

  it('writes the bytes the text writers give, and earlier records keep theirs', () => {
    const serde = createJsonSerde(cols, { isKey: false, unwrapped: false });
    const written: [Uint8Array, string][] = [];
    fc.assert(fc.property(row, (r) => {
      const bytes = serde.serialize(r, 't')!;
      expect(Buffer.from(bytes).toString('hex')).toBe(reference(r));
      written.push([bytes, reference(r)]);
    }), { numRuns: 3000 });
    for (const [bytes, want] of written) expect(Buffer.from(bytes).toString('hex')).toBe(want);
  });

  it('writes records longer than a slab, and values of the wrong type fail as before', () => {
    const serde = createJsonSerde([col('S', STRING), col('D', DOUBLE)], { isKey: false, unwrapped: false });
    const small = serde.serialize(['a', 1.5], 't')!;
    const big = 'x'.repeat(20000) + 'é'.repeat(5000);
    const bytes = serde.serialize([big, 0.25], 't')!;
    expect(Buffer.from(bytes).toString()).toBe(`{"S":"${big}","D":0.25}`);
    expect(Buffer.from(small).toString()).toBe('{"S":"a","D":1.5}');
    expect(() => serde.serialize(['a', 'b'], 't')).toThrow(/expected: DOUBLE, but got: String.*|DOUBLE/);
    expect(Buffer.from(serde.serialize(['b', -0.5], 't')!).toString()).toBe('{"S":"b","D":-0.5}');
    const unwrapped = createJsonSerde([col('D', DOUBLE)], { isKey: false, unwrapped: true });
    expect(Buffer.from(unwrapped.serialize([1e7], 't')!).toString()).toBe('1.0E7');
    expect(unwrapped.serialize([null], 't')).toBeNull();
    expect(Buffer.from(createJsonSerde([], { isKey: false, unwrapped: false }).serialize([], 't')!).toString()).toBe('{}');
  });
});
