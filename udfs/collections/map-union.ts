import type { ScalarFunction } from '../types.js';
import { STRING_MAP_T } from './patterns.js';

export const mapUnion: ScalarFunction = {
  kind: 'scalar',
  name: 'MAP_UNION',
  category: 'MAP',
  description: 'Returns a new map containing the union of all entries from both input maps. If a key is present in both input maps then the value from map2 is the one which appears in the result. Returns NULL if all of the input maps are NULL.',
  overloads: [{
    params: [
      { name: 'map1', type: STRING_MAP_T, description: 'first map to union' },
      { name: 'map2', type: STRING_MAP_T, description: 'second map to union' },
    ],
    returns: STRING_MAP_T,
    nulls: 'custom',
    impl: (map1: Map<string, unknown> | null, map2: Map<string, unknown> | null) =>
      map1 === null && map2 === null ? null : new Map([...(map1 ?? []), ...(map2 ?? [])]),
  }],
  examples: [
    { call: "MAP_UNION(MAP('a' := 1, 'b' := 2), MAP('b' := 3, 'c' := 4))", result: { a: 1, b: 3, c: 4 } },
  ],
};
