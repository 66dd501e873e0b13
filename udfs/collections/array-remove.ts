import type { ScalarFunction } from '../types.js';
import { ARRAY_T, T } from './patterns.js';
import { valueKey } from './value-key.js';

export const arrayRemove: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_REMOVE',
  category: 'ARRAY',
  description: 'Removes all the elements equal to a specific value from an array. Returns NULL if the input array is NULL.',
  overloads: [{
    params: [
      { name: 'array', type: ARRAY_T, description: 'Array of values' },
      { name: 'victim', type: T, description: 'Value to remove; NULL removes the NULL elements' },
    ],
    returns: ARRAY_T,
    nulls: 'custom',
    impl: (array: unknown[] | null, victim: unknown) => {
      if (array === null) return null;
      const key = valueKey(victim);
      return array.filter((e) => valueKey(e) !== key);
    },
  }],
  examples: [
    { call: "ARRAY_REMOVE(ARRAY['foo', 'bar', 'foo'], 'foo')", result: ['bar'] },
    { call: 'ARRAY_REMOVE(ARRAY[1, NULL, 2], NULL)', result: [1, 2] },
  ],
};
