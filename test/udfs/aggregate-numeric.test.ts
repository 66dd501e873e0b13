// COUNT, SUM, SUM_LIST, AVG, MIN and MAX: adding, retracting (tables), merging (sessions).
import { describe, expect, it } from 'vitest';
import { count } from '../../udfs/aggregate/count.js';
import { sum } from '../../udfs/aggregate/sum.js';
import { sumList } from '../../udfs/aggregate/sum-list.js';
import { avg } from '../../udfs/aggregate/avg.js';
import { min } from '../../udfs/aggregate/min.js';
import { max } from '../../udfs/aggregate/max.js';
import { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';
import { dec, emitted, fold, json, prepare, rows, stored, t } from './aggregate-harness.js';

describe('COUNT', () => {
  it('COUNT(*) counts every row, COUNT(col) the non-NULL ones', () => {
    const star = prepare(count, []);
    expect(star.returnType).toEqual(t.bigint);
    expect(star.agg.result(fold(star.agg, [[], [], []]))).toBe(3);
    const col = prepare(count, [t.string]);
    expect(emitted(col.agg, rows('a', null, 'b'))).toEqual([1, 1, 2]);
  });

  it('counts back to zero when a table retracts its rows', () => {
    const { agg } = prepare(count, [t.bigint]);
    let acc = fold(agg, rows(3, 3));
    acc = agg.remove!(acc, [3]);
    expect(agg.result(acc)).toBe(1);
    acc = agg.remove!(acc, [null]);
    expect(agg.result(acc)).toBe(1);
    expect(agg.result(agg.remove!(acc, [3]))).toBe(0);
  });

  it('adds counts when sessions merge', () => {
    const { agg } = prepare(count, []);
    expect(agg.result(agg.merge!(fold(agg, [[], []]), fold(agg, [[]])))).toBe(3);
  });
});

describe('SUM', () => {
  it('keeps the argument type and ignores NULLs', () => {
    expect(prepare(sum, [t.int]).returnType).toEqual(t.int);
    expect(prepare(sum, [t.bigint]).returnType).toEqual(t.bigint);
    expect(prepare(sum, [t.double]).returnType).toEqual(t.double);
    expect(prepare(sum, [t.decimal(6, 2)]).returnType).toEqual(t.decimal(6, 2));
    const { agg } = prepare(sum, [t.double]);
    expect(emitted(agg, rows(5.4, null, 100.1))).toEqual([5.4, 5.4, 105.5]);
  });

  it('sums nothing (or only NULLs) to 0', () => {
    const { agg } = prepare(sum, [t.int]);
    expect(agg.result(agg.initial())).toBe(0);
    expect(agg.result(fold(agg, rows(null, null)))).toBe(0);
  });

  it('wraps INTEGER sums as Java int arithmetic does', () => {
    const { agg } = prepare(sum, [t.int]);
    expect(agg.result(fold(agg, rows(2147483647, 1)))).toBe(-2147483648);
  });

  it('sums BIGINT past the int range', () => {
    const { agg } = prepare(sum, [t.bigint]);
    expect(agg.result(fold(agg, rows(2147483648, 100)))).toBe(2147483748);
  });

  it('sums DECIMAL exactly at the type\'s scale', () => {
    const { agg } = prepare(sum, [t.decimal(6, 2)]);
    const acc = fold(agg, rows(dec('0.10'), dec('0.20'), null, dec('1000.05')));
    const result = agg.result(stored(acc)) as Decimal;
    expect(result).toBeInstanceOf(Decimal);
    expect(result.toString()).toBe('1000.35');
    expect(result.scale).toBe(2);
  });

  it('fails with ksqlDB\'s message when a DECIMAL sum needs more digits than its precision', () => {
    const { agg } = prepare(sum, [t.decimal(4, 1)]);
    const acc = fold(agg, rows(dec('500.9'), dec('300.8')));
    expect(json(agg.result(acc))).toBe('801.7');
    let error: unknown;
    try {
      agg.add(acc, [dec('400.8')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).code).toBe('EVALUATION_ERROR');
    expect((error as SqlError).message).toBe(
      'Numeric field overflow: A field with precision 4 and scale 1 must round to an absolute value less than 10^3. Got 1203',
    );
  });

  it('undoes rows for tables and adds sums for sessions', () => {
    const ints = prepare(sum, [t.int]).agg;
    expect(ints.result(ints.remove!(fold(ints, rows(100, 5)), [100]))).toBe(5);
    expect(ints.result(ints.remove!(fold(ints, rows(100)), [null]))).toBe(100);
    expect(ints.result(ints.merge!(fold(ints, rows(1, 2)), fold(ints, rows(3))))).toBe(6);
    const decs = prepare(sum, [t.decimal(4, 1)]).agg;
    const acc = decs.remove!(fold(decs, rows(dec('5.4'), dec('100.1'))), [dec('5.4')]);
    expect(json(decs.result(acc))).toBe('100.1');
    expect(json(decs.result(decs.merge!(acc, fold(decs, rows(dec('0.5'))))))).toBe('100.6');
  });

  it('takes a DECIMAL at another scale at its type\'s scale', () => {
    const { agg } = prepare(sum, [t.decimal(6, 2)]);
    expect(json(agg.result(fold(agg, rows(new Decimal(15n, 1)))))).toBe('1.50');
  });
});

describe('SUM_LIST', () => {
  it('sums the elements of every row\'s array, skipping NULL elements and NULL arrays', () => {
    const { agg, returnType } = prepare(sumList, [t.array(t.double)]);
    expect(returnType).toEqual(t.double);
    expect(emitted(agg, rows([1.0, 1.0], [2.0, 2.0], null, [1.5, null]))).toEqual([2, 6, 6, 7.5]);
  });

  it('types the sum as the element type and wraps INTEGER', () => {
    expect(prepare(sumList, [t.array(t.int)]).returnType).toEqual(t.int);
    expect(prepare(sumList, [t.array(t.bigint)]).returnType).toEqual(t.bigint);
    const { agg } = prepare(sumList, [t.array(t.int)]);
    expect(agg.result(fold(agg, rows([2147483647], [1])))).toBe(-2147483648);
  });

  it('undoes and merges', () => {
    const { agg } = prepare(sumList, [t.array(t.bigint)]);
    const acc = fold(agg, rows([1, 2], [3]));
    expect(agg.result(agg.remove!(acc, [[1, 2]]))).toBe(3);
    expect(agg.result(agg.merge!(fold(agg, rows([1])), fold(agg, rows([2, 2]))))).toBe(5);
  });
});

describe('AVG', () => {
  it('returns a DOUBLE average of the non-NULL values', () => {
    const { agg, returnType } = prepare(avg, [t.int]);
    expect(returnType).toEqual(t.double);
    expect(emitted(agg, rows(1, 2, 2, null))).toEqual([1, 1.5, 1.6666666666666667, 1.6666666666666667]);
  });

  it('is 0.0 with no values', () => {
    const { agg } = prepare(avg, [t.double]);
    expect(agg.result(agg.initial())).toBe(0);
    expect(agg.result(fold(agg, rows(null)))).toBe(0);
  });

  it('handles BIGINT and DOUBLE', () => {
    expect(prepare(avg, [t.bigint]).agg.result(fold(prepare(avg, [t.bigint]).agg, rows(2, -2, 0)))).toBe(0);
    const { agg } = prepare(avg, [t.double]);
    expect(agg.result(fold(agg, rows(-1.8, 100.2)))).toBeCloseTo(49.2, 12);
  });

  it('retracts table rows, down to no rows at all', () => {
    const { agg } = prepare(avg, [t.int]);
    let acc = fold(agg, rows(1, 2));
    acc = agg.remove!(acc, [1]);
    expect(agg.result(acc)).toBe(2);
    acc = agg.add(agg.remove!(acc, [null]), [4]);
    expect(agg.result(acc)).toBe(3);
    acc = agg.remove!(agg.remove!(acc, [2]), [4]);
    expect(agg.result(acc)).toBe(0);
  });

  it('merges sessions', () => {
    const { agg } = prepare(avg, [t.int]);
    expect(agg.result(agg.merge!(fold(agg, rows(1, 2)), stored(fold(agg, rows(6)))))).toBe(3);
  });

  it('takes a DECIMAL through the DOUBLE overload', () => {
    const { agg } = prepare(avg, [t.decimal(4, 1)]);
    expect(agg.result(fold(agg, rows(dec('1.5'), dec('2.5'))))).toBe(2);
  });
});

describe('MIN and MAX', () => {
  it('ignore NULLs and return NULL when nothing else was seen', () => {
    const mx = prepare(max, [t.int]).agg;
    expect(emitted(mx, rows(null, -2147483647, 5, null, 2000, 100))).toEqual([null, -2147483647, 5, 5, 2000, 2000]);
    const mn = prepare(min, [t.int]).agg;
    expect(emitted(mn, rows(null, 5, -3, 7))).toEqual([null, 5, -3, -3]);
  });

  it('cover ksqlDB\'s types, each returning its own type', () => {
    for (const type of [t.int, t.bigint, t.double, t.decimal(4, 2), t.date, t.time, t.timestamp, t.string, t.bytes]) {
      expect(prepare(max, [type]).returnType).toEqual(type);
      expect(prepare(min, [type]).returnType).toEqual(type);
    }
    expect(() => prepare(max, [t.boolean])).toThrow();
  });

  it('compare strings by UTF-16 code units', () => {
    expect(prepare(max, [t.string]).agg.result(fold(prepare(max, [t.string]).agg, rows('b', 'a', 'ba', 'B')))).toBe('ba');
  });

  it('compare DECIMALs by value and keep their scale', () => {
    const mx = prepare(max, [t.decimal(4, 2)]).agg;
    const mn = prepare(min, [t.decimal(4, 2)]).agg;
    const values = rows(dec('9.50'), dec('-10.00'), dec('10.01'), dec('-0.50'), null);
    expect(json(mx.result(stored(fold(mx, values))))).toBe('10.01');
    expect(json(mn.result(fold(mn, values)))).toBe('-10.00');
    expect(mn.result(fold(mn, values))).toBeInstanceOf(Decimal);
  });

  it('compare BYTES as Java\'s ByteBuffer does: signed bytes, then length', () => {
    const mx = prepare(max, [t.bytes]).agg;
    const b = (...xs: number[]): Uint8Array => new Uint8Array(xs);
    expect(mx.result(fold(mx, rows(b(0x80), b(0x7f), b(0x01, 0x02))))).toEqual(b(0x7f));
    const mn = prepare(min, [t.bytes]).agg;
    expect(mn.result(fold(mn, rows(b(0x01, 0x02), b(0x01), b(0x05))))).toEqual(b(0x01));
  });

  it('order doubles as Double.compareTo: -0.0 below 0.0, NaN above everything', () => {
    const mx = prepare(max, [t.double]).agg;
    expect(Object.is(mx.result(fold(mx, rows(-0, 0))), 0)).toBe(true);
    expect(mx.result(fold(mx, rows(1, NaN, 1e308)))).toBeNaN();
    const mn = prepare(min, [t.double]).agg;
    expect(Object.is(mn.result(fold(mn, rows(0, -0))), -0)).toBe(true);
  });

  it('merge sessions but cannot undo (streams only)', () => {
    const mx = prepare(max, [t.timestamp]).agg;
    expect(mx.remove).toBeUndefined();
    expect(mx.result(mx.merge!(fold(mx, rows(5, 9)), fold(mx, rows(7))))).toBe(9);
    expect(mx.result(mx.merge!(mx.initial(), fold(mx, rows(7))))).toBe(7);
    expect(mx.result(mx.merge!(fold(mx, rows(7)), mx.initial()))).toBe(7);
    expect(prepare(min, [t.date]).agg.remove).toBeUndefined();
  });
});
