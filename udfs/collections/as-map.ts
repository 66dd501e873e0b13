import type { ScalarFunction } from '../types.js';
import { ARRAY_T, STRING, STRING_MAP_T, arrayOf } from './patterns.js';

export const asMap: ScalarFunction = {
  kind: 'scalar',
  name: 'AS_MAP',
  category: 'MAP',
  description: 'Construct a map from a list of keys and a list of values',
  overloads: [{
    params: [
      { name: 'keys', type: arrayOf(STRING), description: 'The keys' },
      { name: 'values', type: ARRAY_T, description: 'The values, by position; missing ones are NULL' },
    ],
    returns: STRING_MAP_T,
    impl: (keys: (string | null)[], values: unknown[]) => {
      const map = new Map<string | null, unknown>();
      keys.forEach((k, i) => map.set(k, i < values.length ? values[i] : null));
      return map;
    },
  }],
  examples: [
    { call: "AS_MAP(ARRAY['a', 'b'], ARRAY[1, 2])", result: { a: 1, b: 2 } },
    { call: "AS_MAP(ARRAY['a', 'b', 'c'], ARRAY[1, 2])", result: { a: 1, b: 2, c: null } },
  ],
};
