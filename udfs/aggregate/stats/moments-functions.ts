// VARIANCE, SKEWNESS and KURTOSIS: one-pass central moments (Welford/Pébay, as
// src/ml/stats/moments.ts), mergeable for session windows and exactly reversible for table
// aggregations. The accumulator is [n, mean, M2, M3, M4].
import type { AggregateFunction, Aggregator } from '../../types.js';
import { sample } from './args.js';
import {
  addMoments4, emptyMoments4, mergeMoments4, removeMoments4, sampleExcessKurtosis, sampleSkewness, sampleVariance,
  type Moments4,
} from './moments-state.js';

function momentsAggregator(finish: (s: Moments4) => number | null): Aggregator<Moments4> {
  return {
    initial: emptyMoments4,
    add: (acc, [v]) => {
      const x = sample(v);
      if (x !== null) addMoments4(acc, x);
      return acc;
    },
    remove: (acc, [v]) => {
      const x = sample(v);
      if (x !== null) removeMoments4(acc, x);
      return acc;
    },
    merge: mergeMoments4,
    result: finish,
  };
}

const overloads = (finish: (s: Moments4) => number | null): AggregateFunction['overloads'] => [{
  params: [{ name: 'x', type: { kind: 'DOUBLE' } }],
  returns: { kind: 'DOUBLE' },
  create: () => momentsAggregator(finish),
}];

const SKIPPED = 'NULL and NaN values are skipped. Mergeable (session windows) and reversible (table aggregations).';

export const variance: AggregateFunction = {
  kind: 'aggregate',
  name: 'VARIANCE',
  category: 'AGGREGATE',
  description:
    'The sample variance of a numeric column (divisor n - 1, as VAR_SAMP and pandas\' var()), from ' +
    `Welford's one-pass update; NULL below two values. ${SKIPPED}`,
  overloads: overloads(sampleVariance),
  examples: [
    { call: 'VARIANCE(x) over [2, 4, 4, 4, 5, 5, 7, 9]', result: 4.571428571428571 },
    { call: 'VARIANCE(x) over [1.5, null]', result: null },
  ],
};

export const skewness: AggregateFunction = {
  kind: 'aggregate',
  name: 'SKEWNESS',
  category: 'AGGREGATE',
  description:
    'The bias-corrected sample skewness G1 = g1 · sqrt(n(n - 1)) / (n - 2) of a numeric column (as pandas\' ' +
    'skew() and Excel\'s SKEW), from one-pass central moments; NULL below three values or when all values ' +
    `are equal. ${SKIPPED}`,
  overloads: overloads(sampleSkewness),
  examples: [
    { call: 'SKEWNESS(x) over [1, 2, 3, 10]', result: 1.763632614803888 },
    { call: 'SKEWNESS(x) over [1, 2, 3]', result: 0 },
  ],
};

export const kurtosis: AggregateFunction = {
  kind: 'aggregate',
  name: 'KURTOSIS',
  category: 'AGGREGATE',
  description:
    'The bias-corrected sample excess kurtosis G2 of a numeric column (0 for a normal distribution; as ' +
    'pandas\' kurt() and Excel\'s KURT), from one-pass central moments; NULL below four values or when all ' +
    `values are equal. ${SKIPPED}`,
  overloads: overloads(sampleExcessKurtosis),
  examples: [
    { call: 'KURTOSIS(x) over [1, 2, 3, 10]', result: 3.2279999999999998 },
    { call: 'KURTOSIS(x) over [1, 2, 3, 4, 5]', result: -1.2000000000000004 },
  ],
};
