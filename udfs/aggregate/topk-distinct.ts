// TOPKDISTINCT(col, k): the k largest distinct non-NULL values of col, largest first.
import type { AggregateFunction, AggregateOverload, Aggregator } from '../types.js';
import type { PrimitiveKind, SqlType } from '../../src/types/sql-type.js';
import { compareFor } from '../../src/values/java-compare.js';
import { codecFor } from './plain-value.js';
import { checkK, mergeTopDistinct, offerTop } from './top-k-list.js';

const KINDS: (PrimitiveKind | 'DECIMAL')[] = [
  'INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP', 'BYTES',
];

function topDistinct(t: SqlType, k: number): Aggregator<unknown[]> {
  const compare = compareFor(t);
  const codec = codecFor(t);
  const self = (e: unknown): unknown => e;
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if (v === null) return acc;
      const p = codec.toPlain(v);
      if (acc.length === k && compare(p, acc[k - 1]) <= 0) return acc;
      if (acc.some((e) => compare(e, p) === 0)) return acc;
      offerTop(acc, p, p, k, self, compare);
      return acc;
    },
    merge: (a, b) => mergeTopDistinct(a, b, k, compare),
    result: (acc) => acc.map(codec.fromPlain),
  };
}

export const topkDistinct: AggregateFunction = {
  kind: 'aggregate',
  name: 'TOPKDISTINCT',
  category: 'AGGREGATE',
  description: 'Computes the top k distinct values for a column, per key.',
  overloads: KINDS.map(
    (kind): AggregateOverload => ({
      params: [{ name: 'col', type: { kind } as AggregateOverload['params'][number]['type'] }],
      literalParams: [{ name: 'k', type: { kind: 'INTEGER' }, description: 'how many values to keep' }],
      returns: (argTypes) => ({ kind: 'ARRAY', item: argTypes[0] }),
      create: (argTypes, literals) => topDistinct(argTypes[0], checkK(literals[0])),
      description: `The top k distinct values of a ${kind} column.`,
    }),
  ),
  examples: [{ call: 'TOPKDISTINCT(col, 2) over [3, 5, null, 5, 1]', result: [5, 3] }],
};
