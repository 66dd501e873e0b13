import { describe, expect, it } from 'vitest';
import { nullFunctions } from '../../udfs/nulls/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import { call, d, dec, DOUBLE, INT, STRING } from './scalar-harness.js';
import type { SqlType } from '../../src/types/sql-type.js';

const fn = (name: string): ScalarFunction => nullFunctions.find((f) => f.name === name)!;
const ARR: SqlType = { kind: 'ARRAY', item: { kind: 'INTEGER' } };

describe('COALESCE (QTT null)', () => {
  it('returns the first non-NULL argument', () => {
    expect(call(fn('COALESCE'), [INT, INT, INT, INT], 1, 2, 1, 2)).toBe(1);
    expect(call(fn('COALESCE'), [INT, INT, INT, INT], null, null, null, null)).toBeNull();
    expect(call(fn('COALESCE'), [STRING, STRING], null, 'x')).toBe('x');
    expect(call(fn('COALESCE'), [ARR, ARR], null, [10, 20])).toEqual([10, 20]);
    expect(call(fn('COALESCE'), [INT], 3)).toBe(3);
  });
});

describe('IFNULL (QTT null)', () => {
  it('returns the alternative for NULL only', () => {
    expect(call(fn('IFNULL'), [INT, INT], 1, 10)).toBe(1);
    expect(call(fn('IFNULL'), [INT, INT], null, 10)).toBe(10);
    expect(call(fn('IFNULL'), [ARR, ARR], [1, 2, 3], [10, 20])).toEqual([1, 2, 3]);
    expect(call(fn('IFNULL'), [INT, INT], null, null)).toBeNull();
  });
});

describe('NULLIF (QTT null)', () => {
  const nullif = fn('NULLIF');
  it('returns NULL for equal values', () => {
    expect(call(nullif, [INT, INT], 1, 10)).toBe(1);
    expect(call(nullif, [INT, INT], 10, 10)).toBeNull();
    expect(call(nullif, [INT, INT], null, 10)).toBeNull();
    expect(call(nullif, [STRING, STRING], 'x', 'x')).toBeNull();
    expect(call(nullif, [STRING, STRING], 'X', 'x')).toBe('X');
    expect(call(nullif, [STRING, STRING], 'x', null)).toBe('x');
  });
  it('compares collections deeply', () => {
    expect(call(nullif, [ARR, ARR], [1, 2, 3], [1, 2, 3])).toBeNull();
    expect(call(nullif, [ARR, ARR], [4, 5, 6], [1, 2, 3])).toEqual([4, 5, 6]);
    expect(call(nullif, [ARR, ARR], [], [1, 2, 3])).toEqual([]);
    const M: SqlType = { kind: 'MAP', key: STRING, value: INT };
    expect(call(nullif, [M, M], new Map([['a', 1]]), new Map([['a', 1]]))).toBeNull();
    const S: SqlType = { kind: 'STRUCT', fields: [{ name: 'A', type: INT }] };
    expect(call(nullif, [S, S], { A: 1 }, { A: 1 })).toBeNull();
    expect(call(nullif, [S, S], { A: 1 }, { A: 2 })).toEqual({ A: 1 });
  });
  it('compares doubles and decimals as Java equals', () => {
    expect(call(nullif, [DOUBLE, DOUBLE], Number.NaN, Number.NaN)).toBeNull();
    expect(call(nullif, [DOUBLE, DOUBLE], 0, -0)).toBe(0);
    expect(call(nullif, [dec(3, 2), dec(3, 2)], d('1.50'), d('1.50'))).toBeNull();
    expect((call(nullif, [dec(3, 2), dec(2, 1)], d('1.50'), d('1.5')) as { toString(): string }).toString()).toBe('1.50');
  });
});
