// COUNT_DISTINCT: an approximate distinct count from the same HyperLogLog and hashes as ksqlDB's,
// so it gives the same (estimated) numbers. NULLs are not counted; no undo, so streams only.
import type { AggregateFunction, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { cardinality, emptyRegisters, mergeRegisters, offerHash } from './hyper-log-log.js';
import { murmurDouble, murmurInteger, murmurLong, murmurString } from './murmur-hash.js';
import { javaStringFor } from '../../src/values/java-string.js';
import { toDouble } from './numeric.js';

/** MurmurHash.hash(Object): numbers by their bits, strings by UTF-8, anything else by toString(). */
function hasherFor(t: SqlType): (v: unknown) => number {
  switch (t.kind) {
    case 'INTEGER':
    case 'BIGINT':
      // A BIGINT past 2^53 is a bigint (src/values/long.ts): hashed by its exact 64 bits.
      return (v) => (typeof v === 'bigint' ? murmurLong(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))) : murmurInteger(v as number));
    case 'DOUBLE':
      return (v) => murmurDouble(toDouble(v));
    case 'STRING':
      return (v) => murmurString(v as string);
    default: {
      const text = javaStringFor(t);
      return (v) => murmurString(text(v));
    }
  }
}

function countDistinctOf(t: SqlType): Aggregator<number[]> {
  const hash = hasherFor(t);
  return {
    initial: emptyRegisters,
    add: (acc, [v]) => {
      if (v !== null) offerHash(acc, hash(v));
      return acc;
    },
    merge: (a, b) => mergeRegisters(a, b),
    result: cardinality,
  };
}

export const countDistinct: AggregateFunction = {
  kind: 'aggregate',
  name: 'COUNT_DISTINCT',
  category: 'AGGREGATE',
  description:
    'Returns the approximate number of distinct values in a group. The implementation is probabilistic (HyperLogLog) ' +
    'with a typical accuracy (standard error) of less than 1%.',
  overloads: [
    {
      params: [{ name: 'col', type: { kind: 'GENERIC', name: 'T' } }],
      returns: { kind: 'BIGINT' },
      create: (argTypes) => countDistinctOf(argTypes[0]),
    },
  ],
  examples: [{ call: 'COUNT_DISTINCT(col) over ["a", "b", "a", null, "c"]', result: 3 }],
};
