import { describe, expect, it } from 'vitest';
import { collectionFunctions } from '../../udfs/collections/index.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { callFunction, fails, functionsByName } from './call-function.js';
import { checkFunctions } from './function-checks.js';

const { fn, call } = functionsByName(collectionFunctions);
const d = (s: string): Decimal => Decimal.fromString(s);
const texts = (v: unknown): unknown => (v === null ? null : (v as (Decimal | null)[]).map((x) => (x === null ? null : x.toString())));

checkFunctions(collectionFunctions);

describe('set-like array functions (QTT array-set-functions.json)', () => {
  it('ARRAY_DISTINCT keeps first occurrences, NULL included', () => {
    expect(call('ARRAY_DISTINCT', [false, true, false])).toEqual([false, true]);
    expect(call('ARRAY_DISTINCT', [0, 0, 1, 0, -1])).toEqual([0, 1, -1]);
    expect(call('ARRAY_DISTINCT', [0.0, 0.2, -12345.678, 0.2])).toEqual([0, 0.2, -12345.678]);
    expect(call('ARRAY_DISTINCT', ['foo', 'Food', null, 'food', null])).toEqual(['foo', 'Food', null, 'food']);
    expect(texts(call('ARRAY_DISTINCT', [d('1.0'), d('1.1'), d('1.1'), d('-0.2'), null, d('1.0')]))).toEqual(['1.0', '1.1', '-0.2', null]);
    expect(call('ARRAY_DISTINCT', [])).toEqual([]);
    expect(call('ARRAY_DISTINCT', null)).toBeNull();
  });
  it('ARRAY_DISTINCT compares nested arrays and maps by content', () => {
    expect(call('ARRAY_DISTINCT', [['foo', 'bar', 'foo'], ['foo', 'bar', 'foo'], ['foo']])).toEqual([['foo', 'bar', 'foo'], ['foo']]);
    const m = (o: Record<string, number | null>): Map<string, number | null> => new Map(Object.entries(o));
    expect(call('ARRAY_DISTINCT', [m({ apple: 1, banana: 2 }), m({ apple: 3, banana: 4 }), m({ banana: 2, apple: 1 })]))
      .toEqual([m({ apple: 1, banana: 2 }), m({ apple: 3, banana: 4 })]);
    expect(call('ARRAY_DISTINCT', [m({ apple: null, banana: 2 }), m({ apple: 1, banana: 2 })])).toHaveLength(2);
    expect(call('ARRAY_DISTINCT', [null, ['foo'], null])).toEqual([null, ['foo']]);
    expect(call('ARRAY_DISTINCT', [{ A: 1, B: 'x' }, { A: 1, B: 'x' }])).toEqual([{ A: 1, B: 'x' }]);
    const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
    expect(call('ARRAY_DISTINCT', [b('ab'), b('ab'), b('b')])).toEqual([b('ab'), b('b')]);
    expect(call('ARRAY_DISTINCT', [NaN, NaN])).toEqual([NaN]);
  });
  it('ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_UNION', () => {
    const a = [0, 0, 1, 0, -1];
    expect(call('ARRAY_EXCEPT', a, [1, -2])).toEqual([0, -1]);
    expect(call('ARRAY_EXCEPT', a, [1, -1, 0])).toEqual([]);
    expect(call('ARRAY_EXCEPT', [], [1, -2])).toEqual([]);
    expect(call('ARRAY_EXCEPT', a, [])).toEqual([0, 1, -1]);
    expect(call('ARRAY_EXCEPT', null, [1])).toBeNull();
    expect(call('ARRAY_EXCEPT', a, null)).toBeNull();
    expect(call('ARRAY_INTERSECT', a, [1, -2, 0])).toEqual([0, 1]);
    expect(call('ARRAY_INTERSECT', a, [3, 4])).toEqual([]);
    expect(call('ARRAY_INTERSECT', a, null)).toBeNull();
    expect(call('ARRAY_UNION', a, [1, -2, 0])).toEqual([0, 1, -1, -2]);
    expect(call('ARRAY_UNION', a, [3, 4])).toEqual([0, 1, -1, 3, 4]);
    expect(call('ARRAY_UNION', [], [1, -2])).toEqual([1, -2]);
    expect(call('ARRAY_UNION', null, [1, -2])).toBeNull();
    expect(call('ARRAY_UNION', ['foo', 'bar', 'foo'], ['foo', 'baz'])).toEqual(['foo', 'bar', 'baz']);
  });
  it('ARRAY_CONCAT keeps duplicates and tolerates one NULL side', () => {
    expect(call('ARRAY_CONCAT', [0, 0, 1], [1, -2])).toEqual([0, 0, 1, 1, -2]);
    expect(call('ARRAY_CONCAT', null, [1, -2])).toEqual([1, -2]);
    expect(call('ARRAY_CONCAT', [0, 3, 2], null)).toEqual([0, 3, 2]);
    expect(call('ARRAY_CONCAT', null, null)).toBeNull();
  });
});

describe('ARRAY_CONTAINS, ARRAY_REMOVE (QTT arraycontains.json, array-remove.json)', () => {
  it('ARRAY_CONTAINS', () => {
    expect(call('ARRAY_CONTAINS', ['Red', 'Green'], 'Pink')).toBe(false);
    expect(call('ARRAY_CONTAINS', ['Pink', null], 'Pink')).toBe(true);
    expect(call('ARRAY_CONTAINS', null, 'Pink')).toBe(false);
    expect(call('ARRAY_CONTAINS', ['a', null], null)).toBe(true);
    expect(call('ARRAY_CONTAINS', ['a'], null)).toBe(false);
    expect(call('ARRAY_CONTAINS', [d('1.50')], d('1.5'))).toBe(true);
    expect(call('ARRAY_CONTAINS', [[1, 2]], [1, 2])).toBe(true);
  });
  it('ARRAY_REMOVE', () => {
    expect(call('ARRAY_REMOVE', [false, true, false], true)).toEqual([false, false]);
    expect(call('ARRAY_REMOVE', [0, null, 1, 0, -1], -1)).toEqual([0, null, 1, 0]);
    expect(call('ARRAY_REMOVE', [0.3, -12345.678, null, 0.3], 0.3)).toEqual([-12345.678, null]);
    expect(texts(call('ARRAY_REMOVE', [d('1.0'), d('-0.2'), d('1.0'), d('-9.9')], d('-0.2')))).toEqual(['1.0', '1.0', '-9.9']);
    expect(call('ARRAY_REMOVE', ['foo', 'Food', null, 'food'], null)).toEqual(['foo', 'Food', 'food']);
    expect(call('ARRAY_REMOVE', [], 'x')).toEqual([]);
    expect(call('ARRAY_REMOVE', null, 'x')).toBeNull();
    expect(call('ARRAY_REMOVE', [['foo', 'bar'], null, ['foo']], ['foo'])).toEqual([['foo', 'bar'], null]);
    const m = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));
    expect(call('ARRAY_REMOVE', [m({ apple: 1, banana: 2 }), m({ apple: 3 }), null], m({ banana: 2, apple: 1 }))).toEqual([m({ apple: 3 }), null]);
  });
});

describe('ARRAY_MAX, ARRAY_MIN, ARRAY_SORT (QTT array-min-max-sort.json)', () => {
  it('finds extremes, skipping NULL', () => {
    expect(call('ARRAY_MAX', [false, true, false])).toBe(true);
    expect(call('ARRAY_MAX', [0, null, 1, 0, -1])).toBe(1);
    expect(call('ARRAY_MAX', ['foo', 'fo', 'Food', null, 'F', 'food'])).toBe('food');
    expect((call('ARRAY_MAX', [d('1.0'), d('1.1'), null, d('9.0')]) as Decimal).toString()).toBe('9.0');
    expect(call('ARRAY_MAX', [])).toBeNull();
    expect(call('ARRAY_MAX', [null])).toBeNull();
    expect(call('ARRAY_MIN', [null, false, true])).toBe(false);
    expect(call('ARRAY_MIN', [0.0, 0.1, -12345.678, null, 0.3])).toBe(-12345.678);
    expect(call('ARRAY_MIN', ['foo', 'fo', 'Food', null, 'F', 'food'])).toBe('F');
    expect((call('ARRAY_MIN', [d('1.0'), d('-0.2'), null]) as Decimal).toString()).toBe('-0.2');
    expect(call('ARRAY_MIN', [0, -0])).toBe(-0);
    expect(call('ARRAY_MAX', [1, NaN])).toBeNaN();
  });
  it('cannot order arrays', () => {
    expect(fails(() => call('ARRAY_MAX', [[1], [2]]))).toBe(true);
    expect(call('ARRAY_MAX', [[1]])).toEqual([1]);
  });
  it('sorts ascending or descending with NULLs last', () => {
    expect(call('ARRAY_SORT', [0, null, 1, 0, -1])).toEqual([-1, 0, 0, 1, null]);
    expect(call('ARRAY_SORT', ['foo', 'fo', 'Food', null, 'F', 'food'])).toEqual(['F', 'Food', 'fo', 'foo', 'food', null]);
    expect(call('ARRAY_SORT', [null, false, true])).toEqual([false, true, null]);
    expect(texts(call('ARRAY_SORT', [d('1.0'), d('1.1'), d('-0.2'), d('1.9'), d('9.0'), d('-9.9')]))).toEqual(['-9.9', '-0.2', '1.0', '1.1', '1.9', '9.0']);
    expect(call('ARRAY_SORT', ['foo', 'fo', 'Food', null, 'F', 'food'], 'desc')).toEqual(['food', 'foo', 'fo', 'Food', 'F', null]);
    expect(call('ARRAY_SORT', [0, null, 1], 'DESCENDING')).toEqual([1, 0, null]);
    expect(call('ARRAY_SORT', [2, 1], 'ascending')).toEqual([1, 2]);
    expect(call('ARRAY_SORT', [2, 1], 'sideways')).toBeNull();
    expect(call('ARRAY_SORT', [2, 1], null)).toBeNull();
    expect(call('ARRAY_SORT', null)).toBeNull();
  });
  it('does not change its input', () => {
    const input = [3, 1, 2];
    call('ARRAY_SORT', input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('ARRAY_JOIN (QTT arrayjoin.json)', () => {
  const join = (item: SqlType, args: unknown[]): unknown => callFunction(fn('ARRAY_JOIN'), args, { types: [{ kind: 'ARRAY', item }, { kind: 'STRING' }] });
  it('joins with Java text for each element type', () => {
    expect(join({ kind: 'BOOLEAN' }, [[true, null, false]])).toBe('true,null,false');
    expect(join({ kind: 'INTEGER' }, [[1, 23, -42, 0]])).toBe('1,23,-42,0');
    expect(join({ kind: 'BIGINT' }, [[-4294967297, 8589934592], ';'])).toBe('-4294967297;8589934592');
    expect(join({ kind: 'DOUBLE' }, [[1.23, -23.42, 0.0], ' '])).toBe('1.23 -23.42 0.0');
    expect(join({ kind: 'DECIMAL', precision: 5, scale: 2 }, [[d('123.45'), d('987.65')], '#'])).toBe('123.45#987.65');
    expect(join({ kind: 'STRING' }, [['Hello', 'From', '', 'Ksqldb', 'Udf'], '_'])).toBe('Hello_From__Ksqldb_Udf');
  });
  it('treats a NULL delimiter as empty', () => {
    expect(join({ kind: 'INTEGER' }, [[1, 23, -42, 0], null])).toBe('123-420');
    expect(join({ kind: 'DOUBLE' }, [[1.23, -23.42, 0.0], ''])).toBe('1.23-23.420.0');
    expect(join({ kind: 'INTEGER' }, [null, ','])).toBeNull();
  });
  it('rejects structured elements', () => {
    expect(fails(() => join({ kind: 'ARRAY', item: { kind: 'INTEGER' } }, [[[1]]]))).toBe(true);
    expect(join({ kind: 'ARRAY', item: { kind: 'INTEGER' } }, [[null]])).toBe('null');
  });
});

describe('ARRAY_LENGTH, SLICE, GENERATE_SERIES (QTT array.json, slice.json)', () => {
  it('ARRAY_LENGTH', () => {
    expect(call('ARRAY_LENGTH', [[]])).toBe(1);
    expect(call('ARRAY_LENGTH', [{}, {}, {}])).toBe(3);
    expect(call('ARRAY_LENGTH', null)).toBeNull();
  });
  it('SLICE is 1-based and inclusive, NULL out of bounds', () => {
    expect(call('SLICE', ['a', 'b', 'c', 'd'], 2, 3)).toEqual(['b', 'c']);
    expect(call('SLICE', [['a'], ['b'], ['c'], ['d']], 2, 3)).toEqual([['b'], ['c']]);
    expect(call('SLICE', [1, 2, 3], null, 2)).toEqual([1, 2]);
    expect(call('SLICE', [1, 2, 3], 2, null)).toEqual([2, 3]);
    expect(call('SLICE', [1, 2, 3], 2, 1)).toEqual([]);
    expect(call('SLICE', [1, 2, 3], 3, 1)).toBeNull();
    expect(call('SLICE', [1, 2, 3], 0, 1)).toBeNull();
    expect(call('SLICE', [1, 2, 3], 1, 4)).toBeNull();
    expect(call('SLICE', null, 1, 2)).toBeNull();
  });
  it('GENERATE_SERIES', () => {
    const series = (...args: number[]): unknown => call('GENERATE_SERIES', ...args);
    expect(series(0, 3)).toEqual([0, 1, 2, 3]);
    expect(series(-2, 1)).toEqual([-2, -1, 0, 1]);
    expect(series(4, 3)).toEqual([4, 3]);
    expect(series(4, 0)).toEqual([4, 3, 2, 1, 0]);
    expect(series(2, 2)).toEqual([2]);
    expect(series(0, 3, 1)).toEqual([0, 1, 2, 3]);
    expect(series(-2, 1, 2)).toEqual([-2, 0]);
    expect(series(0, 9, 3)).toEqual([0, 3, 6, 9]);
    expect(series(3, 0, -1)).toEqual([3, 2, 1, 0]);
    expect(series(1, -2, -2)).toEqual([1, -1]);
    expect(series(9, 0, -3)).toEqual([9, 6, 3, 0]);
    expect(fails(() => series(0, 3, 0))).toBe(true);
    expect(fails(() => series(0, 3, -1))).toBe(true);
    expect(callFunction(fn('GENERATE_SERIES'), [5000000000, 5000000002], { overload: 2 })).toEqual([5000000000, 5000000001, 5000000002]);
  });
});

describe('map functions (QTT map.json, create_map.json, array.json)', () => {
  const m = (o: Record<string, unknown>): Map<string, unknown> => new Map(Object.entries(o));
  it('MAP_KEYS, MAP_VALUES', () => {
    expect(call('MAP_KEYS', m({ foo: 10, bar: null }))).toEqual(['foo', 'bar']);
    expect(call('MAP_KEYS', m({}))).toEqual([]);
    expect(call('MAP_KEYS', null)).toBeNull();
    expect(call('MAP_VALUES', m({ foo: [null], bar: [null] }))).toEqual([[null], [null]]);
    expect(call('MAP_VALUES', m({ foo: null, bar: null }))).toEqual([null, null]);
    expect(call('MAP_VALUES', null)).toBeNull();
  });
  it('MAP_UNION prefers the second map', () => {
    expect(call('MAP_UNION', m({ foo: 10, bar: 20, baz: 30 }), m({ foo: 99, apple: -1 }))).toEqual(m({ foo: 99, bar: 20, baz: 30, apple: -1 }));
    expect(call('MAP_UNION', m({ foo: 10, bar: 20 }), m({ foo: null }))).toEqual(m({ foo: null, bar: 20 }));
    expect(call('MAP_UNION', m({}), m({}))).toEqual(m({}));
    expect(call('MAP_UNION', null, m({ foo: null }))).toEqual(m({ foo: null }));
    expect(call('MAP_UNION', null, null)).toBeNull();
  });
  it('AS_MAP pairs keys with values by position', () => {
    expect(call('AS_MAP', ['a', 'b'], [1, 2])).toEqual(m({ a: 1, b: 2 }));
    expect(call('AS_MAP', ['a', 'b'], [1, 2, 3])).toEqual(m({ a: 1, b: 2 }));
    expect(call('AS_MAP', ['a', 'b', 'c'], [1, 2])).toEqual(m({ a: 1, b: 2, c: null }));
    expect(call('AS_MAP', ['a', 'b', 'c'], [1, 2, null])).toEqual(m({ a: 1, b: 2, c: null }));
    expect(call('AS_MAP', null, [1])).toBeNull();
  });
  it('ENTRIES builds K/V structs, optionally sorted', () => {
    expect(call('ENTRIES', m({ K2: 2, K1: 1, K3: 3 }), true)).toEqual([{ K: 'K1', V: 1 }, { K: 'K2', V: 2 }, { K: 'K3', V: 3 }]);
    expect(call('ENTRIES', m({ K2: 'b', K1: 'a' }), false)).toEqual([{ K: 'K2', V: 'b' }, { K: 'K1', V: 'a' }]);
    expect(call('ENTRIES', null, true)).toBeNull();
    expect(fn('ENTRIES').overloads.map((o) => (o.params[0].type as { value: { kind: string } }).value.kind))
      .toEqual(['INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'STRING']);
  });
});

describe('lambda functions (QTT filter.json, transform-*.json, reduce-*.json)', () => {
  const m = (o: Record<string, unknown>): Map<string, unknown> => new Map(Object.entries(o));
  it('FILTER arrays and maps', () => {
    expect(call('FILTER', [3, 6, 2, 10], (x: number) => x > 5)).toEqual([6, 10]);
    expect(call('FILTER', [5, null], (x: number | null) => (x === null ? null : x > 5))).toEqual([]);
    expect(call('FILTER', null, () => true)).toBeNull();
    const filterMap = (...args: unknown[]): unknown => callFunction(fn('FILTER'), args, { overload: 1 });
    expect(filterMap(m({ a: 15, abc: 7, abcd: 15 }), (k: string, v: number) => k.length * 5 > 15 && v % 5 === 0)).toEqual(m({ abcd: 15 }));
    expect(filterMap(m({}), () => true)).toEqual(m({}));
    expect(filterMap(null, () => true)).toBeNull();
    // Collectors.toMap rejects a NULL value that passes the filter.
    expect(fails(() => filterMap(m({ a: null }), () => true))).toBe(true);
    expect(filterMap(m({ a: null, b: 1 }), (_k: string, v: unknown) => v !== null)).toEqual(m({ b: 1 }));
  });
  it('TRANSFORM arrays and maps', () => {
    expect(call('TRANSFORM', [3, 6], (x: number) => x + 5)).toEqual([8, 11]);
    expect(call('TRANSFORM', ['check', null, 'null'], (x: string | null) => (x === null ? null : x.toUpperCase()))).toEqual(['CHECK', null, 'NULL']);
    expect(call('TRANSFORM', null, (x: number) => x)).toBeNull();
    expect(call('TRANSFORM', m({ a: [2, 4, 5], b: [-1, -2] }), (k: string) => k + '_test', (_k: string, v: number[]) => Math.min(...v) + 1))
      .toEqual(m({ a_test: 3, b_test: -1 }));
    // A NULL value or a repeated key fails the whole call (ksqlDB then yields NULL).
    expect(fails(() => call('TRANSFORM', m({ q: [] }), (k: string) => k, () => null))).toBe(true);
    expect(fails(() => call('TRANSFORM', m({ '1': 1, '2': 2 }), () => 'same', (_k: string, v: number) => v))).toBe(true);
  });
  it('REDUCE arrays and maps', () => {
    const sum = (s: number, x: number): number => s + x;
    expect(call('REDUCE', [3, 6], 2, sum)).toBe(11);
    expect(call('REDUCE', null, 2, sum)).toBe(2);
    expect(call('REDUCE', [1, 2], null, sum)).toBeNull();
    expect(call('REDUCE', null, null, sum)).toBeNull();
    expect(call('REDUCE', ['blah', 'blah', 'blaaah'], '', (s: string, x: string) => s + x)).toBe('blahblahblaaah');
    const f = (s: number, k: string, v: number): number => (k.length > 3 ? s + v : s - v);
    expect(callFunction(fn('REDUCE'), [m({ '123': 3, '12': 7, '1234': 2 }), 0, f], { overload: 1 })).toBe(-8);
    expect(callFunction(fn('REDUCE'), [null, 0, f], { overload: 1 })).toBe(0);
  });
});

describe('AS_VALUE (QTT as_value.json)', () => {
  it('is the identity', () => {
    expect(call('AS_VALUE', 'k')).toBe('k');
    expect(call('AS_VALUE', null)).toBeNull();
  });
});
