// EWMA(x, alpha): the exponentially weighted moving average, as River's EWMean
// (src/ml/stats/ewma.ts): the first value starts it, each later value x makes it
// alpha · x + (1 - alpha) · ewma. The accumulator also keeps the first value and its weight in
// the average, (1 - alpha)^(n - 1), which makes merging two runs exact.
import type { AggregateFunction, Aggregator } from '../../types.js';
import { numberLiteral, sample } from './args.js';

interface EwmaState {
  n: number;
  mean: number;
  /** The run's first value, and the weight it still has in `mean`. */
  first: number;
  w: number;
}

function ewmaAggregator(alpha: number): Aggregator<EwmaState> {
  const keep = 1 - alpha;
  return {
    initial: () => ({ n: 0, mean: 0, first: 0, w: 1 }),
    add: (acc, [v]) => {
      const x = sample(v);
      if (x === null) return acc;
      if (acc.n === 0) {
        acc.mean = x;
        acc.first = x;
        acc.w = 1;
      } else {
        acc.mean = alpha * x + keep * acc.mean;
        acc.w *= keep;
      }
      acc.n++;
      return acc;
    },
    // b continues a: b's first value, which started b at full weight, gets alpha of it and a's
    // average the rest, as if b's values had been added after a's.
    merge: (a, b) => {
      if (b.n === 0) return { ...a };
      if (a.n === 0) return { ...b };
      return {
        n: a.n + b.n,
        mean: b.mean + keep * b.w * (a.mean - b.first),
        first: a.first,
        w: a.w * keep * b.w,
      };
    },
    result: (acc) => (acc.n === 0 ? null : acc.mean),
  };
}

export const ewma: AggregateFunction = {
  kind: 'aggregate',
  name: 'EWMA',
  category: 'AGGREGATE',
  description:
    'The exponentially weighted moving average of a numeric column in arrival order: the first value ' +
    'starts it, then each value x makes it alpha * x + (1 - alpha) * EWMA (alpha, a literal in (0, 1], is the ' +
    'weight of the newest value; 1 gives the latest value). NULL before the first value; NULL and NaN values ' +
    'are skipped. Session windows merge exactly in time order; not for table aggregations.',
  overloads: [{
    params: [{ name: 'x', type: { kind: 'DOUBLE' } }],
    literalParams: [{ name: 'alpha', type: { kind: 'DOUBLE' }, description: 'the weight of the newest value, in (0, 1]' }],
    returns: { kind: 'DOUBLE' },
    create: (_types, literals) => ewmaAggregator(numberLiteral(literals[0], "EWMA's alpha", 0, 1, { min: true })),
  }],
  examples: [
    { call: 'EWMA(x, 0.5) over [10, 20, null, 40]', result: 27.5 },
    { call: 'EWMA(x, 1) over [1, 2, 3]', result: 3 },
  ],
};
