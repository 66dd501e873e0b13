import type { ScalarFunction } from '../types.js';
import { extreme } from './array-max.js';
import { ARRAY_T, T } from './patterns.js';

export const arrayMin: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_MIN',
  category: 'ARRAY',
  description: 'Return the minimum value from within an array of primitive values, according to their natural sort order. If the array is NULL, or contains only NULLs, return NULL.',
  overloads: [{
    params: [{ name: 'input', type: ARRAY_T, description: 'Array of values from which to find the minimum' }],
    returns: T,
    impl: (array: unknown[]) => extreme(array, -1),
  }],
  examples: [
    { call: 'ARRAY_MIN(ARRAY[0, NULL, 1, -1])', result: -1 },
    { call: 'ARRAY_MIN(ARRAY[1.1, -0.2, 9.0])', result: '-0.2' },
  ],
};
