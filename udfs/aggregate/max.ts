// MAX: the largest non-NULL value (NULL when there is none).
import type { AggregateFunction } from '../types.js';
import { extremumOverloads } from './min-max.js';

export const max: AggregateFunction = {
  kind: 'aggregate',
  name: 'MAX',
  category: 'AGGREGATE',
  description: 'Computes the maximum value for a key. Rows where the column is NULL are ignored.',
  overloads: extremumOverloads((cmp) => cmp > 0, 'maximum'),
  examples: [
    { call: 'MAX(col) over [3, null, 7, 5]', result: 7 },
    { call: 'MAX(col) over ["apple", "pear", "fig"]', result: 'pear' },
  ],
};
