// EARLIEST_BY_OFFSET and LATEST_BY_OFFSET, including session merges in Kafka Streams' order:
// a fresh accumulator merged with each overlapping session in turn, then the new row added.
import { describe, expect, it } from 'vitest';
import { earliestByOffset } from '../../udfs/aggregate/earliest-by-offset.js';
import { latestByOffset } from '../../udfs/aggregate/latest-by-offset.js';
import type { AggregateFunction, Aggregator } from '../../udfs/types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';
import { dec, emitted, fold, json, prepare, rows, stored, t } from './aggregate-harness.js';

/** Two sessions (built from their rows in order) joined by a late row that falls between them. */
function sessionMerge(agg: Aggregator, first: unknown[], second: unknown[], late: unknown): unknown {
  const one = fold(agg, rows(...first));
  const two = fold(agg, rows(...second));
  let acc = agg.initial();
  acc = agg.merge!(acc, one);
  acc = agg.merge!(acc, two);
  return json(agg.result(agg.add(acc, [late])));
}

const run = (fn: AggregateFunction, type: SqlType, literals: unknown[], values: unknown[]): unknown[] =>
  emitted(prepare(fn, [type], literals).agg, rows(...values));

describe('EARLIEST_BY_OFFSET', () => {
  it('types: T for one value, ARRAY<T> for N', () => {
    expect(prepare(earliestByOffset, [t.string]).returnType).toEqual(t.string);
    expect(prepare(earliestByOffset, [t.string], [true]).returnType).toEqual(t.string);
    expect(prepare(earliestByOffset, [t.string], [2]).returnType).toEqual(t.array(t.string));
    expect(prepare(earliestByOffset, [t.string], [2, false]).returnType).toEqual(t.array(t.string));
  });

  it('keeps the first value, skipping NULLs by default', () => {
    expect(run(earliestByOffset, t.int, [], [12, null, 13])).toEqual([12, 12, 12]);
    expect(run(earliestByOffset, t.int, [true], [null, 13])).toEqual([null, 13]);
    expect(run(earliestByOffset, t.int, [false], [null, 13])).toEqual([null, null]);
    expect(run(earliestByOffset, t.int, [], [null, null])).toEqual([null, null]);
  });

  it('keeps the first N values', () => {
    expect(run(earliestByOffset, t.int, [2], [12, null, 13, 14])).toEqual([[12], [12], [12, 13], [12, 13]]);
    expect(run(earliestByOffset, t.int, [2, false], [12, null, 13])).toEqual([[12], [12, null], [12, null]]);
    expect(run(earliestByOffset, t.int, [2], [null, null])).toEqual([[], []]);
  });

  it('keeps any type, decimals and maps included', () => {
    expect(run(earliestByOffset, t.decimal(3, 2), [true], [dec('3.40'), dec('8.90')])).toEqual(['3.40', '3.40']);
    const { agg } = prepare(earliestByOffset, [t.map(t.string, t.double)]);
    const acc = stored(fold(agg, rows(new Map([['a', 1.5]]), new Map([['b', 2]]))));
    expect(agg.result(acc)).toEqual(new Map([['a', 1.5]]));
  });

  it('merges sessions to the value processed first', () => {
    expect(sessionMerge(prepare(earliestByOffset, [t.int]).agg, [1], [3], 2)).toBe(1);
    expect(sessionMerge(prepare(earliestByOffset, [t.int], [true]).agg, [null], [1], null)).toBe(1);
    expect(sessionMerge(prepare(earliestByOffset, [t.int], [false]).agg, [null], [1], null)).toBe(null);
    expect(sessionMerge(prepare(earliestByOffset, [t.int], [2, true]).agg, [null], [1], null)).toEqual([1]);
    expect(sessionMerge(prepare(earliestByOffset, [t.int], [2, false]).agg, [null], [1], null)).toEqual([null, 1]);
    expect(sessionMerge(prepare(earliestByOffset, [t.int], [2]).agg, [1, 2], [3], 4)).toEqual([1, 2]);
  });

  it('cannot undo (streams only) and rejects N below 1', () => {
    expect(prepare(earliestByOffset, [t.int]).agg.remove).toBeUndefined();
    expect(() => prepare(earliestByOffset, [t.int], [0])).toThrow(SqlError);
    expect(() => prepare(earliestByOffset, [t.int], [0])).toThrow('earliestN must be 1 or greater');
  });
});

describe('LATEST_BY_OFFSET', () => {
  it('types: T for one value, ARRAY<T> for N', () => {
    expect(prepare(latestByOffset, [t.bytes]).returnType).toEqual(t.bytes);
    expect(prepare(latestByOffset, [t.bytes], [3]).returnType).toEqual(t.array(t.bytes));
  });

  it('keeps the last value, skipping NULLs by default', () => {
    expect(run(latestByOffset, t.int, [], [12, null, 13])).toEqual([12, 12, 13]);
    expect(run(latestByOffset, t.int, [true], [12, null, 13])).toEqual([12, 12, 13]);
    expect(run(latestByOffset, t.int, [false], [12, null, 13])).toEqual([12, null, 13]);
    expect(run(latestByOffset, t.int, [], [null, null])).toEqual([null, null]);
  });

  it('keeps the last N values, oldest first', () => {
    expect(run(latestByOffset, t.int, [2], [12, null, 13, 14])).toEqual([[12], [12], [12, 13], [13, 14]]);
    expect(run(latestByOffset, t.int, [2, false], [12, null, 13])).toEqual([[12], [12, null], [null, 13]]);
    expect(run(latestByOffset, t.int, [2], [null])).toEqual([[]]);
  });

  it('keeps complex values', () => {
    const type = t.array(t.struct({ A: t.string, D: t.decimal(4, 1) }));
    const { agg } = prepare(latestByOffset, [type]);
    const acc = stored(fold(agg, rows([{ A: 'a', D: dec('1.0') }], [{ A: 'b', D: null }])));
    expect(json(agg.result(acc))).toEqual([{ A: 'b', D: null }]);
  });

  it('merges sessions to the value processed last, a NULL losing when NULLs are ignored', () => {
    expect(sessionMerge(prepare(latestByOffset, [t.int]).agg, [1], [3], 2)).toBe(2);
    expect(sessionMerge(prepare(latestByOffset, [t.int], [false]).agg, [1], [null], 2)).toBe(2);
    expect(sessionMerge(prepare(latestByOffset, [t.int], [2, true]).agg, [1], [null], 2)).toEqual([1, 2]);
    expect(sessionMerge(prepare(latestByOffset, [t.int], [2, false]).agg, [1], [null], 2)).toEqual([null, 2]);
    expect(sessionMerge(prepare(latestByOffset, [t.int], [2, false]).agg, [null], [null], null)).toEqual([null, null]);
    const { agg } = prepare(latestByOffset, [t.int]);
    expect(json(agg.result(agg.merge!(fold(agg, rows(1)), fold(agg, rows(null)))))).toBe(1);
    expect(json(agg.result(agg.merge!(fold(agg, rows(null)), fold(agg, rows(1)))))).toBe(1);
  });

  it('merges N-value sessions to the latest N', () => {
    const { agg } = prepare(latestByOffset, [t.int], [2]);
    const older = fold(agg, rows(1, 2));
    const newer = fold(agg, rows(3, 4));
    expect(agg.result(agg.merge!(newer, older))).toEqual([3, 4]);
  });

  it('cannot undo (streams only) and rejects N below 1', () => {
    expect(prepare(latestByOffset, [t.int], [2]).agg.remove).toBeUndefined();
    expect(() => prepare(latestByOffset, [t.int], [-1, true])).toThrow('latestN must be 1 or greater');
  });
});
