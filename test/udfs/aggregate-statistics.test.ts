// STDDEV_SAMP, STDDEV_SAMPLE, CORRELATION and COUNT_DISTINCT (with its hash and HyperLogLog).
import { describe, expect, it } from 'vitest';
import { stddevSamp } from '../../udfs/aggregate/stddev-samp.js';
import { stddevSample } from '../../udfs/aggregate/stddev-sample.js';
import { correlation } from '../../udfs/aggregate/correlation.js';
import { countDistinct } from '../../udfs/aggregate/count-distinct.js';
import { murmurDouble, murmurInteger, murmurString } from '../../udfs/aggregate/murmur-hash.js';
import { cardinality, emptyRegisters, mergeRegisters, offerHash } from '../../udfs/aggregate/hyper-log-log.js';
import { javaBigDecimal, javaDouble, javaStringFor, javaTimestamp } from '../../src/values/java-string.js';
import { Decimal } from '../../src/types/decimal.js';
import { emitted, fold, prepare, rows, stored, t } from './aggregate-harness.js';

const variance = (xs: number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
};

describe('STDDEV_SAMPLE', () => {
  it('is the sample standard deviation of the non-NULL values, 0.0 below two values', () => {
    const { agg, returnType } = prepare(stddevSample, [t.int]);
    expect(returnType).toEqual(t.double);
    const out = emitted(agg, rows(2, null, 4, 4, 4, 5, 5, 7, 9)) as number[];
    expect(out.slice(0, 2)).toEqual([0, 0]);
    expect(out[2]).toBeCloseTo(Math.sqrt(2), 14);
    expect(out.at(-1)).toBeCloseTo(Math.sqrt(variance([2, 4, 4, 4, 5, 5, 7, 9])), 12);
  });

  it('works over BIGINT and DOUBLE', () => {
    const longs = prepare(stddevSample, [t.bigint]).agg;
    expect(longs.result(fold(longs, rows(500, 100)))).toBeCloseTo(282.842712474619, 10);
    const doubles = prepare(stddevSample, [t.double]).agg;
    expect(doubles.result(fold(doubles, rows(10.0, 12.0, 13.0, 14.0, 16.0)))).toBeCloseTo(Math.sqrt(5), 14);
  });

  it('merges sessions exactly (Chan et al.)', () => {
    const { agg } = prepare(stddevSample, [t.double]);
    const merged = agg.merge!(fold(agg, rows(1.5, 2.5, 10)), stored(fold(agg, rows(-3, 7))));
    expect(agg.result(merged)).toBeCloseTo(Math.sqrt(variance([1.5, 2.5, 10, -3, 7])), 12);
    expect(agg.result(agg.merge!(agg.initial(), fold(agg, rows(1, 3))))).toBeCloseTo(Math.sqrt(2), 14);
  });

  it('has an undo for tables (ksqlDB\'s formula, exact when the last row is retracted)', () => {
    const { agg } = prepare(stddevSample, [t.int]);
    const acc = agg.remove!(fold(agg, rows(3, 8)), [8]);
    expect(agg.result(acc)).toBe(0);
    expect(agg.result(agg.remove!(fold(agg, rows(3)), [null]))).toBe(0);
  });
});

describe('STDDEV_SAMP', () => {
  it('returns the sample variance (ksqlDB\'s documented quirk)', () => {
    const { agg, returnType } = prepare(stddevSamp, [t.int]);
    expect(returnType).toEqual(t.double);
    expect(emitted(agg, rows(10, 12, 13, 14, 16))).toEqual([0, 2, 2.333333333333333, 2.9166666666666665, 5]);
  });

  it('merges INTEGER sessions with integer division of the means, as ksqlDB does', () => {
    const { agg } = prepare(stddevSamp, [t.int]);
    // Means 1.5 and 4 truncate to 1 and 4: M2 = 0.5 + 0 + (2 × 1 × 9) / 3 = 6.5, over 2.
    expect(agg.result(agg.merge!(fold(agg, rows(1, 2)), fold(agg, rows(4))))).toBe(3.25);
    const doubles = prepare(stddevSamp, [t.double]).agg;
    expect(doubles.result(doubles.merge!(fold(doubles, rows(1, 2)), fold(doubles, rows(4))))).toBeCloseTo(variance([1, 2, 4]), 14);
  });
});

describe('CORRELATION', () => {
  it('is Pearson\'s r over rows where both values are present', () => {
    const { agg, returnType } = prepare(correlation, [t.double, t.double]);
    expect(returnType).toEqual(t.double);
    const out = emitted(agg, [[1, 2], [2, null], [2, 4.5], [3, 5.5]]) as number[];
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(1);
    expect(out[3]).toBeCloseTo(3.5 / Math.sqrt(2 * 6.5), 14);
  });

  it('is NaN for a constant column and -1.0 for a falling line', () => {
    const { agg } = prepare(correlation, [t.int, t.int]);
    expect(agg.result(fold(agg, [[1, 5], [2, 5], [3, 5]]))).toBeNaN();
    expect(agg.result(fold(agg, [[1, 3], [2, 1]]))).toBe(-1);
  });

  it('retracts rows for tables and merges sessions', () => {
    const { agg } = prepare(correlation, [t.double, t.double]);
    let acc = fold(agg, [[1, 2], [5, 0], [3, 6]]);
    acc = agg.remove!(acc, [5, 0]);
    expect(agg.result(acc)).toBeCloseTo(1, 14);
    const merged = agg.merge!(fold(agg, [[1, 2]]), fold(agg, [[2, 4], [3, 6]]));
    expect(agg.result(merged)).toBeCloseTo(1, 14);
  });
});

describe('COUNT_DISTINCT', () => {
  it('counts distinct non-NULL values as a BIGINT', () => {
    const { agg, returnType } = prepare(countDistinct, [t.string]);
    expect(returnType).toEqual(t.bigint);
    expect(emitted(agg, rows('one', 'two', 'one', 'two', null))).toEqual([1, 2, 2, 2, 2]);
  });

  it('hashes as stream-lib\'s MurmurHash does', () => {
    // Reference values computed in Java with the same algorithm (int arithmetic, UTF-8 bytes).
    expect(['', 'a', 'abc', 'abcd', 'hello world', 'é€😀'].map(murmurString)).toEqual([
      -1285986640, 713507990, -1465591341, 1555318719, 1964480955, -875670306,
    ]);
    expect([0, 1, -1, 2147483648, -5000000000, 9007199254740991].map(murmurInteger)).toEqual([
      0, 1527037976, -2037786185, -430375848, 651983913, -1282313121,
    ]);
    expect([0, -0, 1.5, NaN, 1e300].map(murmurDouble)).toEqual([0, 630388283, -1688758945, -813195245, -654847078]);
  });

  it('estimates as stream-lib\'s HyperLogLog does (log2m = 14)', () => {
    const estimate = (n: number, hash: (i: number) => number): number => {
      const registers = emptyRegisters();
      for (let i = 0; i < n; i++) offerHash(registers, hash(i));
      return cardinality(registers);
    };
    // Reference estimates from the same Java run: exact for small sets, within ~2% beyond.
    expect(estimate(1000, (i) => murmurString('v' + i))).toBe(1000);
    expect(estimate(1000, murmurInteger)).toBe(1002);
    expect(estimate(50000, (i) => murmurString('v' + i))).toBe(50829);
    expect(estimate(50000, murmurInteger)).toBe(50309);
  });

  it('merges sessions as a register-wise maximum', () => {
    const a = emptyRegisters(), b = emptyRegisters();
    for (let i = 0; i < 3000; i++) offerHash(a, murmurString('v' + i));
    for (let i = 2000; i < 6000; i++) offerHash(b, murmurString('v' + i));
    expect(cardinality(mergeRegisters(a, b))).toBe(6001);
    const { agg } = prepare(countDistinct, [t.bigint]);
    expect(agg.result(agg.merge!(fold(agg, rows(1, 2, 3)), stored(fold(agg, rows(3, 4)))))).toBe(4);
    expect(agg.remove).toBeUndefined();
  });

  it('hashes other types through Java\'s toString', () => {
    expect(javaDouble(1e7)).toBe('1.0E7');
    expect(javaDouble(0.001)).toBe('0.001');
    expect(javaDouble(1e-4)).toBe('1.0E-4');
    expect(javaDouble(-3e20)).toBe('-3.0E20');
    expect(javaDouble(100)).toBe('100.0');
    expect(javaBigDecimal(new Decimal(12345n, 2))).toBe('123.45');
    expect(javaBigDecimal(new Decimal(-15n, 8))).toBe('-1.5E-7');
    expect(javaBigDecimal(new Decimal(0n, 3))).toBe('0.000');
    expect(javaTimestamp(1500)).toBe('1970-01-01 00:00:01.5');
    expect(javaTimestamp(-1)).toBe('1969-12-31 23:59:59.999');
    expect(javaStringFor(t.date)(19000)).toBe('2022-01-08');
    expect(javaStringFor(t.time)(3723000)).toBe('01:02:03');
    expect(javaStringFor(t.array(t.int))([1, 2, 3])).toBe('[1, 2, 3]');
    expect(javaStringFor(t.struct({ A: t.string, B: t.int }))({ A: 'x', B: null })).toBe('Struct{A=x}');
    const { agg } = prepare(countDistinct, [t.decimal(4, 2)]);
    expect(agg.result(fold(agg, rows(new Decimal(150n, 2), new Decimal(150n, 2), new Decimal(1n, 2))))).toBe(2);
  });
});
