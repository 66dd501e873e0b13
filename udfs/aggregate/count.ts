// COUNT(*) and COUNT(col): BIGINT; a table aggregation retracts old rows, a session merge adds.
import type { AggregateFunction, Aggregator } from '../types.js';

/** COUNT(*) arrives with no arguments: every row counts. */
const countRows: Aggregator<number> = {
  initial: () => 0,
  add: (acc) => acc + 1,
  remove: (acc) => acc - 1,
  merge: (a, b) => a + b,
  result: (acc) => acc,
};

/** COUNT(col) counts the rows where col is not NULL. */
const countValues: Aggregator<number> = {
  initial: () => 0,
  add: (acc, args) => (args[0] === null ? acc : acc + 1),
  remove: (acc, args) => (args[0] === null ? acc : acc - 1),
  merge: (a, b) => a + b,
  result: (acc) => acc,
};

export const count: AggregateFunction = {
  kind: 'aggregate',
  name: 'COUNT',
  category: 'AGGREGATE',
  description: 'Counts the number of rows. COUNT(col) counts only the rows where col is not NULL.',
  overloads: [
    {
      params: [],
      returns: { kind: 'BIGINT' },
      create: () => countRows,
      description: 'Counts all rows.',
    },
    {
      params: [{ name: 'col', type: { kind: 'GENERIC', name: 'T' } }],
      returns: { kind: 'BIGINT' },
      create: () => countValues,
      description: 'Counts the rows where col is not NULL.',
    },
  ],
  examples: [
    { call: 'COUNT(*) over [1, null, 3]', result: 3 },
    { call: 'COUNT(col) over [1, null, 3]', result: 2 },
  ],
};
