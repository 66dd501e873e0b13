// COLLECT_LIST, COLLECT_SET, HISTOGRAM, ATTR, TOPK and TOPKDISTINCT.
import { describe, expect, it } from 'vitest';
import { collectList, COLLECT_LIST_LIMIT } from '../../udfs/aggregate/collect-list.js';
import { collectSet, COLLECT_SET_LIMIT } from '../../udfs/aggregate/collect-set.js';
import { histogram, HISTOGRAM_LIMIT } from '../../udfs/aggregate/histogram.js';
import { attr } from '../../udfs/aggregate/attr.js';
import { topk, TOPK_MAX_OTHER_COLUMNS } from '../../udfs/aggregate/topk.js';
import { topkDistinct } from '../../udfs/aggregate/topk-distinct.js';
import { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';
import { dec, emitted, fold, json, prepare, rows, stored, t } from './aggregate-harness.js';

const complex = t.array(t.struct({ A: t.string, M: t.map(t.string, t.double), D: t.decimal(4, 1) }));

describe('COLLECT_LIST', () => {
  it('collects every value, NULLs included, as ARRAY<T>', () => {
    const { agg, returnType } = prepare(collectList, [t.string]);
    expect(returnType).toEqual(t.array(t.string));
    expect(emitted(agg, rows('baz', 'baz', 'foo', null))).toEqual([['baz'], ['baz', 'baz'], ['baz', 'baz', 'foo'], ['baz', 'baz', 'foo', null]]);
  });

  it('round-trips complex values (maps, decimals) through a plain accumulator', () => {
    const { agg, returnType } = prepare(collectList, [complex]);
    expect(returnType).toEqual(t.array(complex));
    const value = [{ A: 'x', M: new Map([['k', 1.5]]), D: dec('12.3') }, null];
    const acc = stored(fold(agg, rows(value, [null], null)));
    const out = agg.result(acc) as unknown[];
    expect(out).toHaveLength(3);
    const first = (out[0] as Record<string, unknown>[])[0];
    expect(first.M).toBeInstanceOf(Map);
    expect(first.D).toBeInstanceOf(Decimal);
    expect(json(out)).toEqual([[{ A: 'x', M: { k: 1.5 }, D: '12.3' }, null], [null], null]);
  });

  it('stops at ksql.functions.collect_list.limit', () => {
    const { agg } = prepare(collectList, [t.int], [], { [COLLECT_LIST_LIMIT]: '2' });
    expect(agg.result(fold(agg, rows(1, 2, 3)))).toEqual([1, 2]);
    const unlimited = prepare(collectList, [t.int], [], { [COLLECT_LIST_LIMIT]: '-1' }).agg;
    expect(unlimited.result(fold(unlimited, rows(1, 2, 3)))).toEqual([1, 2, 3]);
    expect(() => prepare(collectList, [t.int], [], { [COLLECT_LIST_LIMIT]: 'lots' })).toThrow(SqlError);
  });

  it('undoes by removing the last equal value, and ignores values it never kept', () => {
    const { agg } = prepare(collectList, [t.int], [], { [COLLECT_LIST_LIMIT]: '3' });
    let acc = fold(agg, rows(1, 2, 1));
    acc = agg.remove!(acc, [9]);
    expect(agg.result(acc)).toEqual([1, 2, 1]);
    acc = agg.remove!(acc, [1]);
    expect(agg.result(acc)).toEqual([1, 2]);
    acc = agg.remove!(acc, [null]);
    expect(agg.result(acc)).toEqual([1, 2]);
  });

  it('undoes complex values by equality, maps in any order', () => {
    const type = t.map(t.string, t.int);
    const { agg } = prepare(collectList, [type]);
    const acc = fold(agg, rows(new Map([['a', 1], ['b', 2]]), new Map([['c', 3]])));
    expect(json(agg.result(agg.remove!(acc, [new Map([['b', 2], ['a', 1]])])))).toEqual([{ c: 3 }]);
  });

  it('merges the first session\'s values then the second\'s, up to the limit', () => {
    const { agg } = prepare(collectList, [t.int], [], { [COLLECT_LIST_LIMIT]: '4' });
    expect(agg.result(agg.merge!(fold(agg, rows(1, 2, null)), fold(agg, rows(3, 4, 5))))).toEqual([1, 2, null, 3]);
  });
});

describe('COLLECT_SET', () => {
  it('collects distinct values in first-seen order, NULL once', () => {
    const { agg, returnType } = prepare(collectSet, [t.string]);
    expect(returnType).toEqual(t.array(t.string));
    expect(emitted(agg, rows('baz', 'baz', 'foo', null, null, 'foo'))).toEqual([
      ['baz'], ['baz'], ['baz', 'foo'], ['baz', 'foo', null], ['baz', 'foo', null], ['baz', 'foo', null],
    ]);
  });

  it('treats maps with the same entries as equal, and equal structs and decimals as one', () => {
    const maps = prepare(collectSet, [t.map(t.string, t.bigint)]).agg;
    const m = (...e: [string, number][]): Map<string, number> => new Map(e);
    expect(json(maps.result(fold(maps, rows(m(['a', 1], ['b', 2]), m(['b', 2], ['a', 1]), m(['a', 2])))))).toEqual([
      { a: 1, b: 2 }, { a: 2 },
    ]);
    const structs = prepare(collectSet, [t.struct({ A: t.string, B: t.bigint })]).agg;
    expect(structs.result(fold(structs, rows({ A: 'x', B: 1 }, { B: 1, A: 'x' }, { A: 'x', B: null })))).toEqual([
      { A: 'x', B: 1 }, { A: 'x', B: null },
    ]);
    const decimals = prepare(collectSet, [t.decimal(4, 1)]).agg;
    expect(json(decimals.result(fold(decimals, rows(dec('5.4'), null, dec('5.4'), null))))).toEqual(['5.4', null]);
  });

  it('keeps -0.0 and 0.0 apart and NaN once, as Java\'s Double.equals does', () => {
    const { agg } = prepare(collectSet, [t.double]);
    const out = agg.result(fold(agg, rows(0, -0, NaN, NaN))) as number[];
    expect(out).toHaveLength(3);
    expect(Object.is(out[1], -0)).toBe(true);
  });

  it('stops at ksql.functions.collect_set.limit', () => {
    const { agg } = prepare(collectSet, [t.int], [], { [COLLECT_SET_LIMIT]: '1' });
    expect(emitted(agg, rows(0, 100))).toEqual([[0], [0]]);
  });

  it('still dedupes after the accumulator went through a state store', () => {
    const { agg } = prepare(collectSet, [t.bytes]);
    const b = (...xs: number[]): Uint8Array => new Uint8Array(xs);
    const acc = agg.add(stored(fold(agg, rows(b(1), b(2)))), [b(1)]);
    expect(json(agg.result(acc))).toEqual(['AQ==', 'Ag==']);
  });

  it('merges without duplicates up to the limit, and cannot undo', () => {
    const { agg } = prepare(collectSet, [t.int], [], { [COLLECT_SET_LIMIT]: '3' });
    expect(agg.result(agg.merge!(fold(agg, rows(1, 2)), fold(agg, rows(2, 3, 4))))).toEqual([1, 2, 3]);
    expect(agg.remove).toBeUndefined();
  });
});

describe('HISTOGRAM', () => {
  it('counts each distinct string into MAP<STRING, BIGINT>', () => {
    const { agg, returnType } = prepare(histogram, [t.string]);
    expect(returnType).toEqual(t.map(t.string, t.bigint));
    expect(emitted(agg, rows('baz', 'baz', 'foo'))).toEqual([{ baz: 1 }, { baz: 2 }, { baz: 2, foo: 1 }]);
    const out = agg.result(fold(agg, rows('b', '1', 'a'))) as Map<string, number>;
    expect([...out.keys()]).toEqual(['b', '1', 'a']);
  });

  it('counts NULL under a NULL key', () => {
    const { agg } = prepare(histogram, [t.string]);
    expect([...(agg.result(fold(agg, rows(null, 'a', null))) as Map<unknown, number>)]).toEqual([[null, 2], ['a', 1]]);
  });

  it('drops a key when a table retracts its last occurrence', () => {
    const { agg } = prepare(histogram, [t.string]);
    let acc = fold(agg, rows('alice', 'bob', 'bob'));
    acc = agg.remove!(acc, ['bob']);
    expect(json(agg.result(acc))).toEqual({ alice: 1, bob: 1 });
    acc = agg.remove!(stored(acc), ['bob']);
    expect(json(agg.result(acc))).toEqual({ alice: 1 });
    expect(json(agg.result(agg.remove!(acc, ['nobody'])))).toEqual({ alice: 1 });
  });

  it(`ignores new strings beyond ${HISTOGRAM_LIMIT} distinct ones but still counts known ones`, () => {
    const { agg } = prepare(histogram, [t.string]);
    let acc = fold(agg, Array.from({ length: HISTOGRAM_LIMIT }, (_, i) => [`k${i}`]));
    acc = fold(agg, rows('extra', 'k0'), acc);
    const out = agg.result(acc) as Map<string, number>;
    expect(out.size).toBe(HISTOGRAM_LIMIT);
    expect(out.get('k0')).toBe(2);
    expect(out.has('extra')).toBe(false);
  });

  it('merges counts', () => {
    const { agg } = prepare(histogram, [t.string]);
    expect(json(agg.result(agg.merge!(fold(agg, rows('a', 'b')), fold(agg, rows('b', 'c')))))).toEqual({ a: 1, b: 2, c: 1 });
  });
});

describe('ATTR', () => {
  it('returns the single value, NULL once a second value (NULL included) appears', () => {
    const { agg, returnType } = prepare(attr, [t.string]);
    expect(returnType).toEqual(t.string);
    expect(emitted(agg, rows('s', 's', 's'))).toEqual(['s', 's', 's']);
    expect(emitted(agg, rows('1', '2', '1'))).toEqual(['1', null, null]);
    expect(emitted(agg, rows('1', null, '1'))).toEqual(['1', null, null]);
    expect(emitted(agg, rows(null, '2', '2'))).toEqual([null, null, null]);
    expect(emitted(agg, rows(null, null))).toEqual([null, null]);
  });

  it('handles structs and arrays', () => {
    const { agg } = prepare(attr, [t.struct({ A: t.string, B: t.int })]);
    expect(emitted(agg, rows({ A: 'a', B: 1 }, { A: 'a', B: 1 }))).toEqual([{ A: 'a', B: 1 }, { A: 'a', B: 1 }]);
    const lists = prepare(attr, [t.array(t.int)]).agg;
    expect(lists.result(fold(lists, rows([1, 2], [1, 2])))).toEqual([1, 2]);
  });

  it('becomes valid again as a table retracts the odd values', () => {
    const { agg } = prepare(attr, [t.string]);
    let acc = fold(agg, rows('1', '1'));
    acc = agg.remove!(acc, ['1']);
    expect(agg.result(acc)).toBe('1');
    acc = agg.remove!(acc, ['1']);
    expect(agg.result(acc)).toBe(null);
    acc = agg.add(acc, ['2']);
    expect(agg.result(acc)).toBe('2');
    acc = agg.add(stored(acc), ['3']);
    expect(agg.result(acc)).toBe(null);
    acc = agg.remove!(acc, ['3']);
    expect(agg.result(acc)).toBe('2');
  });

  it('merges counts', () => {
    const { agg } = prepare(attr, [t.int]);
    expect(agg.result(agg.merge!(fold(agg, rows(1)), fold(agg, rows(1))))).toBe(1);
    expect(agg.result(agg.merge!(fold(agg, rows(1)), fold(agg, rows(2))))).toBe(null);
  });
});

describe('TOPK', () => {
  it('keeps the k largest, duplicates included, largest first', () => {
    const { agg, returnType } = prepare(topk, [t.int], [3]);
    expect(returnType).toEqual(t.array(t.int));
    expect(emitted(agg, rows(0, 100, 99, 7, 100, null))).toEqual([
      [0], [100, 0], [100, 99, 0], [100, 99, 7], [100, 100, 99], [100, 100, 99],
    ]);
    const strings = prepare(topk, [t.string], [3]).agg;
    expect(strings.result(fold(strings, rows('a', 'b', 'c', 'b', 'd')))).toEqual(['d', 'c', 'b']);
  });

  it('returns structs of sort_col and the other columns, later ties after earlier ones', () => {
    const { agg, returnType } = prepare(topk, [t.int, t.string], [3]);
    expect(returnType).toEqual(t.array(t.struct({ sort_col: t.int, col0: t.string })));
    expect(emitted(agg, [[0, 'zero'], [100, 'one'], [99, 'two'], [null, 'three'], [100, null]]).at(-1)).toEqual([
      { sort_col: 100, col0: 'one' }, { sort_col: 100, col0: null }, { sort_col: 99, col0: 'two' },
    ]);
  });

  it('carries other columns of any type, decimals and maps included', () => {
    const { agg, returnType } = prepare(topk, [t.double, t.decimal(3, 1), t.map(t.string, t.int)], [1]);
    expect(returnType).toEqual(t.array(t.struct({ sort_col: t.double, col0: t.decimal(3, 1), col1: t.map(t.string, t.int) })));
    const acc = stored(fold(agg, [[1.5, dec('1.0'), new Map([['a', 1]])], [2.5, dec('2.0'), null]]));
    expect(json(agg.result(acc))).toEqual([{ sort_col: 2.5, col0: '2.0', col1: null }]);
  });

  it(`lists overloads for up to ${TOPK_MAX_OTHER_COLUMNS} other columns`, () => {
    const many = Array.from({ length: TOPK_MAX_OTHER_COLUMNS }, () => t.string);
    expect(() => prepare(topk, [t.bigint, ...many], [1])).not.toThrow();
    expect(() => prepare(topk, [t.bigint, ...many, t.string], [1])).toThrow();
  });

  it('merges two sessions\' lists, the first winning ties', () => {
    const { agg } = prepare(topk, [t.int, t.string], [3]);
    const a = fold(agg, [[5, 'a5'], [3, 'a3']]);
    const b = fold(agg, [[5, 'b5'], [4, 'b4']]);
    expect(agg.result(agg.merge!(a, b))).toEqual([
      { sort_col: 5, col0: 'a5' }, { sort_col: 5, col0: 'b5' }, { sort_col: 4, col0: 'b4' },
    ]);
    expect(agg.remove).toBeUndefined();
  });

  it('takes a DECIMAL through the DOUBLE overload', () => {
    const { agg, returnType } = prepare(topk, [t.decimal(3, 1)], [2]);
    expect(returnType).toEqual(t.array(t.double));
    expect(agg.result(fold(agg, rows(dec('1.5'), dec('-2.0'), dec('3.5'))))).toEqual([3.5, 1.5]);
  });

  it('rejects k below 1', () => {
    expect(() => prepare(topk, [t.int], [0])).toThrow(SqlError);
  });
});

describe('TOPKDISTINCT', () => {
  it('keeps the k largest distinct values', () => {
    const { agg, returnType } = prepare(topkDistinct, [t.int], [3]);
    expect(returnType).toEqual(t.array(t.int));
    expect(emitted(agg, rows(0, 100, 99, 7, 100))).toEqual([[0], [100, 0], [100, 99, 0], [100, 99, 7], [100, 99, 7]]);
  });

  it('handles DECIMAL, BYTES and temporal types', () => {
    const decimals = prepare(topkDistinct, [t.decimal(2, 1)], [3]);
    expect(decimals.returnType).toEqual(t.array(t.decimal(2, 1)));
    expect(emitted(decimals.agg, rows(dec('9.8'), dec('8.9'), null, dec('7.8'), dec('6.5'), dec('9.9')))).toEqual([
      ['9.8'], ['9.8', '8.9'], ['9.8', '8.9'], ['9.8', '8.9', '7.8'], ['9.8', '8.9', '7.8'], ['9.9', '9.8', '8.9'],
    ]);
    const bytes = prepare(topkDistinct, [t.bytes], [3]).agg;
    const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
    expect(json(bytes.result(fold(bytes, rows(b('B'), b('F'), b('G'), null, b('A'), b('F')))))).toEqual(['Rw==', 'Rg==', 'Qg==']);
    const dates = prepare(topkDistinct, [t.date], [2]).agg;
    expect(dates.result(fold(dates, rows(0, -7, 100, 100)))).toEqual([100, 0]);
  });

  it('merges without repeating a value in both lists', () => {
    const { agg } = prepare(topkDistinct, [t.string], [3]);
    expect(agg.result(agg.merge!(fold(agg, rows('d', 'b')), fold(agg, rows('d', 'c', 'a'))))).toEqual(['d', 'c', 'b']);
    expect(agg.result(agg.merge!(agg.initial(), fold(agg, rows('x'))))).toEqual(['x']);
  });

  it('decimal results are Decimals at the column\'s scale', () => {
    const { agg } = prepare(topkDistinct, [t.decimal(5, 2)], [1]);
    const [top] = agg.result(fold(agg, rows(dec('1.50'), dec('-3.00')))) as Decimal[];
    expect(top).toBeInstanceOf(Decimal);
    expect(top.toString()).toBe('1.50');
  });
});
