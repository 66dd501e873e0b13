// AVG: sum and count kept apart (the sum in the argument's type, so INTEGER sums wrap as in
// ksqlDB); the result is sum / count as DOUBLE, and 0.0 when no non-NULL value was seen.
import type { AggregateFunction, Aggregator } from '../types.js';
import { int32, toDouble } from './numeric.js';

interface SumCount { sum: number; count: number }

function average(wrap: (n: number) => number, num: (v: unknown) => number): Aggregator<SumCount> {
  return {
    initial: () => ({ sum: 0, count: 0 }),
    add: (acc, [v]) => {
      if (v === null) return acc;
      acc.sum = wrap(acc.sum + num(v));
      acc.count++;
      return acc;
    },
    remove: (acc, [v]) => {
      if (v === null) return acc;
      acc.sum = wrap(acc.sum - num(v));
      acc.count--;
      return acc;
    },
    merge: (a, b) => ({ sum: wrap(a.sum + b.sum), count: a.count + b.count }),
    result: (acc) => (acc.count === 0 ? 0 : acc.sum / acc.count),
  };
}

const asNumber = (v: unknown): number => v as number;
const plain = (n: number): number => n;

export const avg: AggregateFunction = {
  kind: 'aggregate',
  name: 'AVG',
  category: 'AGGREGATE',
  description:
    'Returns the average value of the column computed as the sum divided by the count. Applicable only to numeric types.',
  overloads: [
    { params: [{ name: 'col', type: { kind: 'INTEGER' } }], returns: { kind: 'DOUBLE' }, create: () => average(int32, asNumber) },
    { params: [{ name: 'col', type: { kind: 'BIGINT' } }], returns: { kind: 'DOUBLE' }, create: () => average(plain, Number) }, // a BIGINT past 2^53 is a bigint
    { params: [{ name: 'col', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, create: () => average(plain, toDouble) },
  ],
  examples: [
    { call: 'AVG(col) over [1, 2, 2]', result: 1.6666666666666667 },
    { call: 'AVG(col) over [1.5, null, 2.5]', result: 2 },
  ],
};
