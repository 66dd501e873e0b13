// COLLECT_LIST: every value in arrival order, NULLs included, up to
// ksql.functions.collect_list.limit entries (later values are silently dropped).
import type { AggregateFunction, Aggregator, AggregateConfig } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { equalsFor } from './value-key.js';
import { readLimit } from './limit-config.js';

export const COLLECT_LIST_LIMIT = 'ksql.functions.collect_list.limit';

function collectListOf(t: SqlType, config: AggregateConfig): Aggregator<unknown[]> {
  const codec = codecFor(t);
  const equals = equalsFor(t);
  const limit = readLimit(config, COLLECT_LIST_LIMIT);
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if (acc.length < limit) acc.push(codec.toPlain(v));
      return acc;
    },
    // As ksqlDB: drop the last equal entry; none means the value was never kept (over the limit).
    remove: (acc, [v]) => {
      const p = codec.toPlain(v);
      for (let i = acc.length - 1; i >= 0; i--) {
        if (equals(acc[i], p)) {
          acc.splice(i, 1);
          break;
        }
      }
      return acc;
    },
    merge: (a, b) => {
      const room = limit - a.length;
      for (let i = 0; i < b.length && i < room; i++) a.push(b[i]);
      return a;
    },
    result: (acc) => acc.map(codec.fromPlain),
  };
}

export const collectList: AggregateFunction = {
  kind: 'aggregate',
  name: 'COLLECT_LIST',
  category: 'AGGREGATE',
  description: 'Gather all of the values from an input grouping into a single Array field.',
  overloads: [
    {
      params: [{ name: 'col', type: { kind: 'GENERIC', name: 'T' } }],
      returns: (argTypes) => ({ kind: 'ARRAY', item: argTypes[0] }),
      create: (argTypes, _literals, config) => collectListOf(argTypes[0], config),
      description: `Values beyond ${COLLECT_LIST_LIMIT} entries are ignored.`,
    },
  ],
  examples: [{ call: 'COLLECT_LIST(col) over [1, 2, null, 2]', result: [1, 2, null, 2] }],
};
