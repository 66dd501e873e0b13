// MIN: the smallest non-NULL value (NULL when there is none).
import type { AggregateFunction } from '../types.js';
import { extremumOverloads } from './min-max.js';

export const min: AggregateFunction = {
  kind: 'aggregate',
  name: 'MIN',
  category: 'AGGREGATE',
  description: 'Computes the minimum value for a key. Rows where the column is NULL are ignored.',
  overloads: extremumOverloads((cmp) => cmp < 0, 'minimum'),
  examples: [
    { call: 'MIN(col) over [3, null, 7, 5]', result: 3 },
    { call: 'MIN(col) over ["apple", "pear", "fig"]', result: 'apple' },
  ],
};
