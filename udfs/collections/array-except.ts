import type { ScalarFunction } from '../types.js';
import { distinct } from './array-distinct.js';
import { ARRAY_T } from './patterns.js';
import { valueKey } from './value-key.js';

export const arrayExcept: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_EXCEPT',
  category: 'ARRAY',
  description: 'Returns an array of all the elements in an array except for those also present in a second array. The order of entries in the first array is preserved although any duplicates are removed. Returns NULL if either input is NULL.',
  overloads: [{
    params: [
      { name: 'left', type: ARRAY_T, description: 'Array of values' },
      { name: 'right', type: ARRAY_T, description: 'Array of exceptions' },
    ],
    returns: ARRAY_T,
    impl: (left: unknown[], right: unknown[]) => {
      const exclude = new Set(right.map(valueKey));
      return distinct(left).filter((v) => !exclude.has(valueKey(v)));
    },
  }],
  examples: [
    { call: 'ARRAY_EXCEPT(ARRAY[1, 2, 3, 2], ARRAY[3])', result: [1, 2] },
  ],
};
