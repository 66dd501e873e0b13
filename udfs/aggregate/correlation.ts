// CORRELATION(x, y): Pearson's coefficient from running sums, the single-pass formula ksqlDB uses
// (so results agree to the last bit). Rows with a NULL in x or y are skipped; too few rows or a
// constant column give NaN.
import type { AggregateFunction, Aggregator } from '../types.js';
import { toDouble } from './numeric.js';

interface Sums { x: number; y: number; xx: number; yy: number; xy: number; n: number }

function apply(acc: Sums, x: number, y: number, sign: 1 | -1): Sums {
  acc.x += sign * x;
  acc.y += sign * y;
  acc.xx += sign * (x * x);
  acc.yy += sign * (y * y);
  acc.xy += sign * (x * y);
  acc.n += sign;
  return acc;
}

const correlationAggregator: Aggregator<Sums> = {
  initial: () => ({ x: 0, y: 0, xx: 0, yy: 0, xy: 0, n: 0 }),
  add: (acc, [x, y]) => (x === null || y === null ? acc : apply(acc, toDouble(x), toDouble(y), 1)),
  remove: (acc, [x, y]) => (x === null || y === null ? acc : apply(acc, toDouble(x), toDouble(y), -1)),
  merge: (a, b) => ({ x: a.x + b.x, y: a.y + b.y, xx: a.xx + b.xx, yy: a.yy + b.yy, xy: a.xy + b.xy, n: a.n + b.n }),
  result: (s) => {
    const numerator = s.n * s.xy - s.x * s.y;
    const denominatorX = s.n * s.xx - s.x * s.x;
    const denominatorY = s.n * s.yy - s.y * s.y;
    return numerator / Math.sqrt(denominatorX * denominatorY);
  },
};

export const correlation: AggregateFunction = {
  kind: 'aggregate',
  name: 'CORRELATION',
  category: 'AGGREGATE',
  description: 'Computes the Pearson correlation coefficient between two columns of data.',
  overloads: [
    {
      params: [
        { name: 'x', type: { kind: 'DOUBLE' } },
        { name: 'y', type: { kind: 'DOUBLE' } },
      ],
      returns: { kind: 'DOUBLE' },
      create: () => correlationAggregator,
    },
  ],
  examples: [
    { call: 'CORRELATION(x, y) over [[1, 2], [2, 4], [3, 6]]', result: 1 },
    { call: 'CORRELATION(x, y) over [[1.5, 8.0], [-1.0, -2.0], [-4.5, -1.0]]', result: 0.7580764521133173 },
  ],
};
