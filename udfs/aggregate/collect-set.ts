// COLLECT_SET: the distinct values in first-seen order, NULL included, up to
// ksql.functions.collect_set.limit entries. No undo, so streams only (as in ksqlDB).
import type { AggregateFunction, Aggregator, AggregateConfig } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { keyFor, type ValueKey } from './value-key.js';
import { readLimit } from './limit-config.js';

export const COLLECT_SET_LIMIT = 'ksql.functions.collect_set.limit';

function collectSetOf(t: SqlType, config: AggregateConfig): Aggregator<unknown[]> {
  const codec = codecFor(t);
  const key = keyFor(t);
  const limit = readLimit(config, COLLECT_SET_LIMIT);
  // Membership index per accumulator, rebuilt when a state store hands back a fresh copy.
  const index = new WeakMap<unknown[], Set<ValueKey>>();
  const keysOf = (acc: unknown[]): Set<ValueKey> => {
    let keys = index.get(acc);
    if (!keys) index.set(acc, (keys = new Set(acc.map(key))));
    return keys;
  };
  const offer = (acc: unknown[], keys: Set<ValueKey>, p: unknown): void => {
    const k = key(p);
    if (!keys.has(k)) {
      keys.add(k);
      acc.push(p);
    }
  };
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if (acc.length < limit) offer(acc, keysOf(acc), codec.toPlain(v));
      return acc;
    },
    merge: (a, b) => {
      const keys = keysOf(a);
      for (const p of b) {
        if (a.length >= limit) break;
        offer(a, keys, p);
      }
      return a;
    },
    result: (acc) => acc.map(codec.fromPlain),
  };
}

export const collectSet: AggregateFunction = {
  kind: 'aggregate',
  name: 'COLLECT_SET',
  category: 'AGGREGATE',
  description: 'Gather all of the distinct values from an input grouping into a single Array.',
  overloads: [
    {
      params: [{ name: 'col', type: { kind: 'GENERIC', name: 'T' } }],
      returns: (argTypes) => ({ kind: 'ARRAY', item: argTypes[0] }),
      create: (argTypes, _literals, config) => collectSetOf(argTypes[0], config),
      description: `Values beyond ${COLLECT_SET_LIMIT} entries are ignored.`,
    },
  ],
  examples: [{ call: 'COLLECT_SET(col) over [1, 2, null, 2, 1]', result: [1, 2, null] }],
};
