// ZSCORE(x): how unusual the latest value is against the values before it in the group — score,
// then learn, as the streaming z-score of src/ml/stats/zscore.ts. The accumulator is the
// Welford moments [n, mean, M2] of the earlier values and the latest value apart.
import type { AggregateFunction, Aggregator } from '../../types.js';
import { sample } from './args.js';
import { addMoments2, emptyMoments2, mergeMoments2, type Moments2 } from './moments-state.js';

interface ZState {
  /** Moments of every value before `last`. */
  before: Moments2;
  /** The latest value, null before the first. */
  last: number | null;
}

/** z of x against moments m (ddof = 1): 0 when a constant history is matched, ±Infinity when left. */
export function zOf(m: Moments2, x: number): number | null {
  if (m[0] < 2) return null;
  const sd = Math.sqrt(m[2] / (m[0] - 1));
  const d = x - m[1];
  if (sd > 0) return d / sd;
  return d === 0 ? 0 : d > 0 ? Infinity : -Infinity;
}

const zscoreAggregator: Aggregator<ZState> = {
  initial: () => ({ before: emptyMoments2(), last: null }),
  add: (acc, [v]) => {
    const x = sample(v);
    if (x === null) return acc;
    if (acc.last !== null) addMoments2(acc.before, acc.last);
    acc.last = x;
    return acc;
  },
  // Sessions merge oldest first: b's values follow a's, so a's latest value joins the history.
  merge: (a, b) => {
    if (b.last === null) return { before: [...a.before], last: a.last };
    if (a.last === null) return { before: [...b.before], last: b.last };
    const history = [...a.before] as Moments2;
    addMoments2(history, a.last);
    return { before: mergeMoments2(history, b.before), last: b.last };
  },
  result: (acc) => (acc.last === null ? null : zOf(acc.before, acc.last)),
};

export const zscore: AggregateFunction = {
  kind: 'aggregate',
  name: 'ZSCORE',
  category: 'AGGREGATE',
  description:
    'The z-score of the latest value of the group against the mean and sample standard deviation ' +
    '(n - 1) of the values before it, (x - mean) / stddev: an outlier scores high as it arrives. NULL until ' +
    'two values precede the latest; 0 when the history is constant and matched, +/-Infinity when it is left. ' +
    'NULL and NaN values are skipped. Session windows merge in time order; not for table aggregations.',
  overloads: [{
    params: [{ name: 'x', type: { kind: 'DOUBLE' } }],
    returns: { kind: 'DOUBLE' },
    create: () => zscoreAggregator,
  }],
  examples: [
    { call: 'ZSCORE(x) over [10, 12, 11, 9, 10, 30]', result: 17.190337178417774 },
    { call: 'ZSCORE(x) over [10, 12, null]', result: null },
  ],
};
