// QUANTILE(x, q) and MEDIAN(x): quantiles from a t-digest (compression 100), mergeable for
// session windows. The accumulator is src/ml's TDigest; the changelog stores its toJSON form,
// which comes back as that plain data after a restore and becomes a TDigest again on first use.
import type { AggregateFunction, Aggregator } from '../../types.js';
import { numberLiteral, sample } from './args.js';
import { TDigest, type TDigestJSON } from '../../../src/ml/stats/t-digest.js';

const COMPRESSION = 100;

const digestOf = (acc: TDigest | TDigestJSON): TDigest =>
  (acc instanceof TDigest ? acc : TDigest.fromJSON(acc, COMPRESSION));

function quantileAggregator(q: number): Aggregator<TDigest | TDigestJSON> {
  return {
    initial: () => new TDigest(COMPRESSION),
    add: (acc, [v]) => {
      const d = digestOf(acc);
      const x = sample(v);
      if (x !== null) d.add(x);
      return d;
    },
    merge: (a, b) => TDigest.merged(digestOf(a), digestOf(b)),
    result: (acc) => {
      const d = digestOf(acc);
      return d.count === 0 ? null : d.quantile(q);
    },
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
