import type { ScalarFunction } from '../types.js';
import { distinct } from './array-distinct.js';
import { ARRAY_T } from './patterns.js';
import { valueKey } from './value-key.js';

export const arrayIntersect: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_INTERSECT',
  category: 'ARRAY',
  description: 'Returns an array of all the distinct elements from the intersection of both input arrays, or NULL if either input array is NULL. The order of entries in the output is the same as in the first input array.',
  overloads: [{
    params: [
      { name: 'left', type: ARRAY_T, description: 'First array of values' },
      { name: 'right', type: ARRAY_T, description: 'Second array of values' },
    ],
    returns: ARRAY_T,
    impl: (left: unknown[], right: unknown[]) => {
      const keep = new Set(right.map(valueKey));
      return distinct(left).filter((v) => keep.has(valueKey(v)));
    },
  }],
  examples: [
    { call: "ARRAY_INTERSECT(ARRAY['foo', 'bar', 'foo'], ARRAY['foo', 'baz'])", result: ['foo'] },
  ],
};
