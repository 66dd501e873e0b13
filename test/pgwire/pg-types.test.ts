import { describe, it, expect } from 'vitest';
import { pgColumn } from '../../server/pgwire/pg-types.js';
import { Decimal } from '../../src/types/decimal.js';
import { array, BYTES, DATE, decimal, DOUBLE, map, STRING, struct, TIME, TIMESTAMP, INTEGER, BOOLEAN } from '../../src/types/sql-type.js';

const text = (t: Parameters<typeof pgColumn>[1], v: unknown): string | null => pgColumn('c', t).write(v);

describe('values as Postgres text', () => {
  it('writes dates, times and timestamps as Postgres prints them (ISO, UTC, no zero fraction)', () => {
    expect(text(DATE, 18690)).toBe('2021-03-04');
    expect(text(TIME, (5 * 3600 + 6 * 60 + 7) * 1000 + 89)).toBe('05:06:07.089');
    expect(text(TIMESTAMP, Date.UTC(2021, 2, 4, 5, 6, 7))).toBe('2021-03-04 05:06:07');
    expect(text(TIMESTAMP, Date.UTC(2021, 2, 4, 5, 6, 7, 89))).toBe('2021-03-04 05:06:07.089');
  });

  it('writes bytes as bytea hex, decimals exactly, and doubles with Postgres spellings of NaN and infinity', () => {
    expect(text(BYTES, new Uint8Array([0, 255, 16]))).toBe('\\x00ff10');
    expect(text(decimal(10, 2), new Decimal(12345n, 2))).toBe('123.45');
    expect([NaN, Infinity, -Infinity, 0.1].map((v) => text(DOUBLE, v))).toEqual(['NaN', 'Infinity', '-Infinity', '0.1']);
    expect(text(BOOLEAN, false)).toBe('f');
  });

  it('writes arrays, maps and structs as json (oid 114), and NULL as a null field', () => {
    const t = struct([{ name: 'A', type: array(INTEGER) }, { name: 'M', type: map(STRING, STRING) }]);
    expect(pgColumn('c', t).oid).toBe(114);
    expect(text(t, { A: [1, 2], M: new Map([['k', 'v']]) })).toBe('{"A":[1,2],"M":{"k":"v"}}');
    expect(text(INTEGER, null)).toBeNull();
  });
});
