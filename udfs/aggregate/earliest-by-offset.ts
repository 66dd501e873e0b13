// EARLIEST_BY_OFFSET: the first value(s) seen. Rows reach an aggregation in offset order, so the
// first added is the earliest; a session merge keeps the value processed first.
import type { Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { nextSequence, type Sequenced } from './offset-sequence.js';
import { byOffsetFunction } from './by-offset.js';

function earliest(t: SqlType, ignoreNulls: boolean): Aggregator<Sequenced | null> {
  const codec = codecFor(t);
  return {
    initial: () => null,
    add: (acc, [v]) => (acc !== null || (v === null && ignoreNulls) ? acc : { s: nextSequence(), v: codec.toPlain(v) }),
    merge: (a, b) => (a === null ? b : b === null ? a : a.s < b.s ? a : b),
    result: (acc) => (acc === null ? null : codec.fromPlain(acc.v)),
  };
}

export const earliestByOffset = byOffsetFunction({
  name: 'EARLIEST_BY_OFFSET',
  which: 'earliest',
  description: 'This function returns the oldest N values for the column, computed by offset.',
  single: earliest,
  examples: [
    { call: 'EARLIEST_BY_OFFSET(col) over [null, 10, 20]', result: 10 },
    { call: 'EARLIEST_BY_OFFSET(col, false) over [null, 10, 20]', result: null },
    { call: 'EARLIEST_BY_OFFSET(col, 2) over [10, null, 20, 30]', result: [10, 20] },
    { call: 'EARLIEST_BY_OFFSET(col, 2, false) over [10, null, 20, 30]', result: [10, null] },
  ],
});
