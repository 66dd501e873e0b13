import type { ScalarFunction } from '../types.js';
import { STRING, STRING_MAP_T, arrayOf } from './patterns.js';

export const mapKeys: ScalarFunction = {
  kind: 'scalar',
  name: 'MAP_KEYS',
  category: 'MAP',
  description: 'Returns an array of all the keys from the specified map, or NULL if the input map is NULL.',
  overloads: [{
    params: [{ name: 'input', type: STRING_MAP_T, description: 'The map' }],
    returns: arrayOf(STRING),
    impl: (map: Map<string, unknown>) => [...map.keys()],
  }],
  examples: [
    { call: "ARRAY_SORT(MAP_KEYS(MAP('b' := 2, 'a' := 1)))", result: ['a', 'b'] },
  ],
};
