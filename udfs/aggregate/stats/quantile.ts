// QUANTILE(x, q) and MEDIAN(x): quantiles from a t-digest (compression 100), mergeable for
// session windows. The accumulator is the plain-data digest of tdigest-state.ts.
import type { AggregateFunction, Aggregator } from '../../types.js';
import { numberLiteral, sample } from './args.js';
import { emptyTDigest, tdigestAdd, tdigestMerge, tdigestQuantile, tdigestScratch, type TDigestState } from './tdigest-state.js';

const COMPRESSION = 100;

function quantileAggregator(q: number): Aggregator<TDigestState> {
  const scratch = tdigestScratch(COMPRESSION);
  return {
    initial: emptyTDigest,
    add: (acc, [v]) => {
      const x = sample(v);
      if (x !== null) tdigestAdd(acc, x, COMPRESSION);
      return acc;
    },
    merge: (a, b) => tdigestMerge(a, b, COMPRESSION),
    result: (acc) => (acc.n === 0 ? null : tdigestQuantile(acc, q, COMPRESSION, scratch)),
  };
}

const SEMANTICS =
  'Estimated with a t-digest (Dunning; compression 100, finest in the tails): exact while the group ' +
  'holds fewer than 64 values, where the q-quantile is read at rank q * n between the sorted values ' +
  '(each at the middle of its unit of rank; Hazen\'s definition, R type 5), so q = 0 and 1 give the ' +
  'minimum and maximum and the median of an even count is the mean of the middle two. NULL when the ' +
  'group has no values; NULL and NaN values are skipped. Mergeable (session windows); not for table ' +
  'aggregations.';

export const quantile: AggregateFunction = {
  kind: 'aggregate',
  name: 'QUANTILE',
  category: 'AGGREGATE',
  description: `The approximate q-quantile of a numeric column, q a literal in [0, 1] (0.99 for the 99th percentile). ${SEMANTICS}`,
  overloads: [{
    params: [{ name: 'x', type: { kind: 'DOUBLE' } }],
    literalParams: [{ name: 'q', type: { kind: 'DOUBLE' }, description: 'the quantile, in [0, 1]' }],
    returns: { kind: 'DOUBLE' },
    create: (_t, literals) => quantileAggregator(numberLiteral(literals[0], "QUANTILE's q", 0, 1)),
  }],
  examples: [
    { call: 'QUANTILE(x, 0.25) over [1, 2, 3, 4, null, 5, 6, 7, 8]', result: 2.5 },
    { call: 'QUANTILE(x, 1) over [3, 9, 1]', result: 9 },
  ],
};

export const median: AggregateFunction = {
  kind: 'aggregate',
  name: 'MEDIAN',
  category: 'AGGREGATE',
  description: `The approximate median of a numeric column: QUANTILE(x, 0.5). ${SEMANTICS}`,
  overloads: [{
    params: [{ name: 'x', type: { kind: 'DOUBLE' } }],
    returns: { kind: 'DOUBLE' },
    create: () => quantileAggregator(0.5),
  }],
  examples: [
    { call: 'MEDIAN(x) over [5, 1, 4, 2]', result: 3 },
    { call: 'MEDIAN(x) over [2.5, 10, -1]', result: 2.5 },
  ],
};
