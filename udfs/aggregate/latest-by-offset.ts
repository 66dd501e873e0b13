// LATEST_BY_OFFSET: the last value(s) seen. Rows reach an aggregation in offset order, so the
// last added is the latest; a session merge keeps the value processed last.
import type { Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { nextSequence, type Sequenced } from './offset-sequence.js';
import { byOffsetFunction } from './by-offset.js';

function latest(t: SqlType, ignoreNulls: boolean): Aggregator<Sequenced> {
  const codec = codecFor(t);
  // ksqlDB's merge order: with ignoreNulls a NULL loses to any value, whatever the sequence.
  const later = (a: Sequenced, b: Sequenced): boolean => {
    if (ignoreNulls && (a.v === null || b.v === null)) return b.v === null;
    return a.s >= b.s;
  };
  return {
    initial: () => ({ s: nextSequence(), v: null }),
    add: (acc, [v]) => {
      if (v === null && ignoreNulls) return acc;
      acc.s = nextSequence();
      acc.v = codec.toPlain(v);
      return acc;
    },
    merge: (a, b) => (later(a, b) ? a : b),
    result: (acc) => codec.fromPlain(acc.v),
  };
}

export const latestByOffset = byOffsetFunction({
  name: 'LATEST_BY_OFFSET',
  which: 'latest',
  description: 'This function returns the latest N values for the column, computed by offset.',
  single: latest,
  examples: [
    { call: 'LATEST_BY_OFFSET(col) over [10, 20, null]', result: 20 },
    { call: 'LATEST_BY_OFFSET(col, false) over [10, 20, null]', result: null },
    { call: 'LATEST_BY_OFFSET(col, 2) over [10, 20, null, 30]', result: [20, 30] },
    { call: 'LATEST_BY_OFFSET(col, 2, false) over [10, 20, 30, null]', result: [30, null] },
  ],
});
