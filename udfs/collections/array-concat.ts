import type { ScalarFunction } from '../types.js';
import { ARRAY_T } from './patterns.js';

export const arrayConcat: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_CONCAT',
  category: 'ARRAY',
  description: 'Concatenates two arrays, creating an array that contains all the elements in the first array followed by all the elements in the second array. Returns NULL if both input arrays are NULL. If only one argument is NULL, the result is the other argument. The two arrays must be of the same type.',
  overloads: [{
    params: [
      { name: 'left', type: ARRAY_T, description: 'First array of values' },
      { name: 'right', type: ARRAY_T, description: 'Second array of values' },
    ],
    returns: ARRAY_T,
    nulls: 'custom',
    impl: (left: unknown[] | null, right: unknown[] | null) =>
      left === null && right === null ? null : [...(left ?? []), ...(right ?? [])],
  }],
  examples: [
    { call: 'ARRAY_CONCAT(ARRAY[1, 2], ARRAY[3, 1])', result: [1, 2, 3, 1] },
  ],
};
