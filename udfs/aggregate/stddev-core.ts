// The Youngs-Cramer running variance behind STDDEV_SAMP and STDDEV_SAMPLE, step for step as
// ksqlDB computes it, including where Java's int and long arithmetic truncates or wraps: the
// legacy STDDEV_SAMP counts in an int and merges with integer division; STDDEV_SAMPLE does not.
import type { AggregateOverload, Aggregator } from '../types.js';
import { int32, toDouble } from './numeric.js';

interface Moments { sum: number; count: number; m2: number }

type Kind = 'INTEGER' | 'BIGINT' | 'DOUBLE';

interface Arithmetic {
  /** The sum's own type: INTEGER sums wrap. */
  sum(a: number, b: number): number;
  delta(acc: Moments, v: number): number;
  /** count × count in the count's type (an int for STDDEV_SAMP). */
  times(a: number, b: number): number;
  mean(sum: number, count: number): number;
}

function arithmetic(kind: Kind, legacy: boolean): Arithmetic {
  const wrapSum = kind === 'INTEGER' ? int32 : (n: number) => n;
  const times = legacy ? Math.imul : (a: number, b: number) => a * b;
  // Legacy integer kinds: v * (count + 1) - (sum + v) is evaluated in int (or long) arithmetic.
  const delta =
    legacy && kind === 'INTEGER'
      ? (acc: Moments, v: number) => int32(Math.imul(v, acc.count + 1) - int32(acc.sum + v))
      : (acc: Moments, v: number) => v * (acc.count + 1) - wrapSum(acc.sum + v);
  const mean =
    legacy && kind !== 'DOUBLE' ? (s: number, c: number) => Math.trunc(s / c) : (s: number, c: number) => s / c;
  return { sum: (a, b) => wrapSum(a + b), delta, times, mean };
}

export function varianceAggregator(kind: Kind, legacy: boolean, finish: (m2: number, count: number) => number): Aggregator<Moments> {
  const a = arithmetic(kind, legacy);
  const num = kind === 'DOUBLE' ? toDouble : (v: unknown) => Number(v); // a BIGINT past 2^53 is a bigint
  const wrapInner = legacy && kind === 'INTEGER' ? int32 : (n: number) => n;
  return {
    initial: () => ({ sum: 0, count: 0, m2: 0 }),
    add: (acc, [raw]) => {
      if (raw === null) return acc;
      const v = num(raw);
      const newCount = acc.count + 1;
      let newM2 = 0;
      if (newCount - 1 > 0) {
        const d = a.delta(acc, v);
        newM2 = (d * d) / a.times(newCount, newCount - 1);
      }
      acc.count = newCount;
      acc.sum = a.sum(v, acc.sum);
      acc.m2 = newM2 + acc.m2;
      return acc;
    },
    // ksqlDB's undo reuses the add formula's delta (with the pre-undo sum and count); kept as is.
    remove: (acc, [raw]) => {
      if (raw === null) return acc;
      const v = num(raw);
      const newCount = acc.count - 1;
      let newM2 = 0;
      if (newCount > 0) {
        const d = a.delta(acc, v);
        newM2 = (d * d) / a.times(newCount, newCount + 1);
      }
      acc.count = newCount;
      acc.sum = a.sum(acc.sum, -v);
      acc.m2 = acc.m2 - newM2;
      return acc;
    },
    merge: (x, y) => {
      const count = x.count + y.count;
      let m2: number;
      if (x.count === 0 || y.count === 0) m2 = x.m2 + y.m2;
      else {
        const inner = wrapInner(a.mean(x.sum, x.count) - a.mean(y.sum, y.count));
        m2 = x.m2 + y.m2 + (a.times(x.count, y.count) * inner * inner) / count;
      }
      return { sum: a.sum(x.sum, y.sum), count, m2 };
    },
    result: (acc) => (acc.count < 2 ? 0 : finish(acc.m2, acc.count)),
  };
}

export function stddevOverloads(legacy: boolean, finish: (m2: number, count: number) => number): AggregateOverload[] {
  return (['INTEGER', 'BIGINT', 'DOUBLE'] as const).map((kind) => ({
    params: [{ name: 'col', type: { kind } }],
    returns: { kind: 'DOUBLE' },
    create: () => varianceAggregator(kind, legacy, finish),
  }));
}
