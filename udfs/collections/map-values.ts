import type { ScalarFunction } from '../types.js';
import { ARRAY_T, STRING_MAP_T } from './patterns.js';

export const mapValues: ScalarFunction = {
  kind: 'scalar',
  name: 'MAP_VALUES',
  category: 'MAP',
  description: 'Returns an array of all the values from the specified map, or NULL if the input map is NULL.',
  overloads: [{
    params: [{ name: 'input', type: STRING_MAP_T, description: 'The map' }],
    returns: ARRAY_T,
    impl: (map: Map<string, unknown>) => [...map.values()],
  }],
  examples: [
    { call: "ARRAY_SORT(MAP_VALUES(MAP('b' := 2, 'a' := 1)))", result: [1, 2] },
  ],
};
