import type { ScalarFunction } from '../types.js';
import { T, arrayOf } from '../collections/patterns.js';

export const explode: ScalarFunction = {
  kind: 'scalar',
  table: true,
  name: 'EXPLODE',
  category: 'TABLE',
  description: 'Explodes an array: one output row per element, in order (none for an empty or NULL array).',
  overloads: [
    {
      params: [{ name: 'list', type: arrayOf(T) }],
      returns: T,
      // The array itself is the list of output values.
      impl: (list: unknown[]) => list,
    },
  ],
  examples: [{ call: 'EXPLODE(ARRAY[1, 2, 3])', result: [1, 2, 3] }],
  volatile: true,
};
