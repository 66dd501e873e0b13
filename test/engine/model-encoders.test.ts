// The pieces in front of a model that a trainer calls for every row: labels to classes, SQL
// values to the model's numbers (checked there for values a model must not learn), and the
// features' statistics. Their fast paths (a BOOLEAN label's class without the map, the numbers
// before the categories) must give what the general path gives.
import { describe, expect, it } from 'vitest';
import { LabelEncoder } from '../../src/engine/models/label-encoder.js';
import { FeatureEncoder } from '../../src/engine/models/feature-encoder.js';
import { FeatureStats } from '../../src/engine/models/feature-stats.js';
import { DOUBLE, STRING } from '../../src/types/sql-type.js';

describe('LabelEncoder', () => {
  it('gives TRUE and the text true one class, before and after a restore', () => {
    const l = new LabelEncoder();
    expect(l.classOf(false, true)).toBe(0);
    expect(l.classOf('true', true)).toBe(1);
    expect(l.classOf(true, true)).toBe(1);
    expect(l.classOf(true, true)).toBe(1);
    expect(l.classOf('false', false)).toBe(0);
    const r = new LabelEncoder();
    r.classOf(true, true); // a class the restore must forget
    r.restore(l.snapshot());
    expect(r.classOf(true, false)).toBe(1);
    expect(r.classOf(false, false)).toBe(0);
  });

  it('refuses a new class beyond the limit, and an unknown one when not learning', () => {
    const l = new LabelEncoder();
    expect(l.classOf(true, false)).toBe(-1);
    expect(l.classOf('a', true, 1)).toBe(0);
    expect(l.classOf(true, true, 1)).toBe(-1);
    expect(l.size).toBe(1);
  });
});

describe('FeatureEncoder', () => {
  const features = [{ name: 'A', categorical: false }, { name: 'C', categorical: true }, { name: 'B', categorical: false }];

  it('writes the numbers first and names the first one a model must not learn', () => {
    const e = new FeatureEncoder(features, 4);
    expect(e.numbers([1.5, 'x', null], 0)).toBe(-1);
    expect(Array.from(e.categories([1.5, 'x', null], 0, false))).toEqual([1.5, 0, 0, 0, 0, NaN]); // the shared buffer; an unseen category sets no slot
    expect(e.numbers([0, 'x', Infinity, 2e200], 1)).toBe(2); // from 1: A=x (NaN: missing), B=Infinity
    expect(e.numbers([2e200, 'x', -Infinity], 0)).toBe(0);
  });

  it('grows the vocabulary only when learning, and encode() is numbers then categories', () => {
    const e = new FeatureEncoder(features, 4);
    expect(Array.from(e.encode([1, 'red', 2], 0, false))).toEqual([1, 0, 0, 0, 0, 2]); // unseen while predicting: no slot
    expect(Array.from(e.encode([1, 'red', 2], 0, true))).toEqual([1, 1, 0, 0, 0, 2]);
    e.numbers([3, 'blue', 4], 0);
    expect(Array.from(e.categories([3, 'blue', 4], 0, true))).toEqual([3, 0, 1, 0, 0, 4]);
    expect(e.snapshot().vocab).toEqual([null, ['red', 'blue'], null]);
  });
});

describe('FeatureStats', () => {
  it('keeps count, mean, deviation, min and max of numbers, and counts categories', () => {
    const features = [{ name: 'A', type: DOUBLE, categorical: false }, { name: 'C', type: STRING, categorical: true }];
    const s = new FeatureStats(features);
    const e = new FeatureEncoder(features, 4);
    for (const row of [[1, 'a'], [3, null], [null, 'b'], [8, 'a']]) s.add(row, 0, e.encode(row, 0, true), e.start);
    const sum = s.summary();
    expect(sum.A.COUNT).toBe(3);
    expect(sum.A.MEAN).toBeCloseTo(4, 12);
    expect(sum.A.STDDEV).toBeCloseTo(Math.sqrt(13), 12);
    expect([sum.A.MIN, sum.A.MAX]).toEqual([1, 8]);
    expect(sum.C).toEqual({ COUNT: 3, MEAN: null, STDDEV: null, MIN: null, MAX: null });
  });
});
