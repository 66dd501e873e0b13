import type { ScalarFunction } from '../types.js';
import { ARRAY_T, T } from './patterns.js';
import { valueKey } from './value-key.js';

export const arrayContains: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_CONTAINS',
  category: 'ARRAY',
  description: 'Returns true if the array is non-null and contains the supplied value.',
  overloads: [{
    params: [
      { name: 'array', type: ARRAY_T, description: 'The array to search' },
      { name: 'val', type: T, description: 'The value to look for; NULL finds a NULL element' },
    ],
    returns: { kind: 'BOOLEAN' },
    nulls: 'custom',
    impl: (array: unknown[] | null, val: unknown) => {
      if (array === null) return false;
      const key = valueKey(val);
      return array.some((e) => e === val || valueKey(e) === key);
    },
  }],
  examples: [
    { call: "ARRAY_CONTAINS(ARRAY['Pink', 'Yellow'], 'Pink')", result: true },
    { call: 'ARRAY_CONTAINS(ARRAY[1, 2], 3)', result: false },
  ],
};
