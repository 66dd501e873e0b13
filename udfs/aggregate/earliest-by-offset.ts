// EARLIEST_BY_OFFSET: the first value(s) seen. Rows reach an aggregation in offset order, so the
// first added is the earliest; a session merge keeps the value processed first.
import type { AggregateFunction, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { bySequence, nextSequence, type Sequenced } from './offset-sequence.js';
import { byOffsetOverloads } from './by-offset.js';

function earliest(t: SqlType, ignoreNulls: boolean): Aggregator<Sequenced | null> {
  const codec = codecFor(t);
  return {
    initial: () => null,
    add: (acc, [v]) => (acc !== null || (v === null && ignoreNulls) ? acc : { s: nextSequence(), v: codec.toPlain(v) }),
    merge: (a, b) => (a === null ? b : b === null ? a : a.s < b.s ? a : b),
    result: (acc) => (acc === null ? null : codec.fromPlain(acc.v)),
  };
}

function earliestN(t: SqlType, n: number, ignoreNulls: boolean): Aggregator<Sequenced[]> {
  const codec = codecFor(t);
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if ((v !== null || !ignoreNulls) && acc.length < n) acc.push({ s: nextSequence(), v: codec.toPlain(v) });
      return acc;
    },
    merge: (a, b) => a.concat(b).sort(bySequence).slice(0, n),
    result: (acc) => acc.map((e) => codec.fromPlain(e.v)),
  };
}

export const earliestByOffset: AggregateFunction = {
  kind: 'aggregate',
  name: 'EARLIEST_BY_OFFSET',
  category: 'AGGREGATE',
  description: 'This function returns the oldest N values for the column, computed by offset.',
  overloads: byOffsetOverloads({ name: 'earliestN', single: earliest, multiple: earliestN }, 'earliest'),
  examples: [
    { call: 'EARLIEST_BY_OFFSET(col) over [null, 10, 20]', result: 10 },
    { call: 'EARLIEST_BY_OFFSET(col, false) over [null, 10, 20]', result: null },
    { call: 'EARLIEST_BY_OFFSET(col, 2) over [10, null, 20, 30]', result: [10, 20] },
    { call: 'EARLIEST_BY_OFFSET(col, 2, false) over [10, null, 20, 30]', result: [10, null] },
  ],
};
