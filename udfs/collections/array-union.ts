import type { ScalarFunction } from '../types.js';
import { distinct } from './array-distinct.js';
import { ARRAY_T } from './patterns.js';

export const arrayUnion: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_UNION',
  category: 'ARRAY',
  description: 'Returns an array of all the distinct elements from both input arrays, or NULL if either array is NULL.',
  overloads: [{
    params: [
      { name: 'left', type: ARRAY_T, description: 'First array of values' },
      { name: 'right', type: ARRAY_T, description: 'Second array of values' },
    ],
    returns: ARRAY_T,
    impl: (left: unknown[], right: unknown[]) => distinct([...left, ...right]),
  }],
  examples: [
    { call: 'ARRAY_UNION(ARRAY[1, 2], ARRAY[2, 3])', result: [1, 2, 3] },
  ],
};
