// LATEST_BY_OFFSET: the last value(s) seen. Rows reach an aggregation in offset order, so the
// last added is the latest; a session merge keeps the value processed last.
import type { AggregateFunction, Aggregator } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { codecFor } from './plain-value.js';
import { bySequence, nextSequence, type Sequenced } from './offset-sequence.js';
import { byOffsetOverloads } from './by-offset.js';

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

function latestN(t: SqlType, n: number, ignoreNulls: boolean): Aggregator<Sequenced[]> {
  const codec = codecFor(t);
  return {
    initial: () => [],
    add: (acc, [v]) => {
      if (v === null && ignoreNulls) return acc;
      acc.push({ s: nextSequence(), v: codec.toPlain(v) });
      if (acc.length > n) acc.splice(0, acc.length - n);
      return acc;
    },
    // ksqlDB keeps the first N after sorting here (so a merge can drop the newest values); we
    // keep the last N, which is what LATEST means and agrees whenever at most N values remain.
    merge: (a, b) => {
      const merged = a.concat(b).sort(bySequence);
      return merged.slice(Math.max(0, merged.length - n));
    },
    result: (acc) => acc.map((e) => codec.fromPlain(e.v)),
  };
}

export const latestByOffset: AggregateFunction = {
  kind: 'aggregate',
  name: 'LATEST_BY_OFFSET',
  category: 'AGGREGATE',
  description: 'This function returns the latest N values for the column, computed by offset.',
  overloads: byOffsetOverloads({ name: 'latestN', single: latest, multiple: latestN }, 'latest'),
  examples: [
    { call: 'LATEST_BY_OFFSET(col) over [10, 20, null]', result: 20 },
    { call: 'LATEST_BY_OFFSET(col, false) over [10, 20, null]', result: null },
    { call: 'LATEST_BY_OFFSET(col, 2) over [10, 20, null, 30]', result: [20, 30] },
    { call: 'LATEST_BY_OFFSET(col, 2, false) over [10, 20, 30, null]', result: [30, null] },
  ],
};
