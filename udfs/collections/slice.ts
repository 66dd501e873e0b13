import type { ScalarFunction } from '../types.js';
import { ARRAY_T, INTEGER } from './patterns.js';

export const slice: ScalarFunction = {
  kind: 'scalar',
  name: 'SLICE',
  category: 'ARRAY',
  description: 'slice of an ARRAY',
  overloads: [{
    params: [
      { name: 'in', type: ARRAY_T, description: 'the input array' },
      { name: 'from', type: INTEGER, description: 'start index (1-based); NULL starts at the first element' },
      { name: 'to', type: INTEGER, description: 'end index (inclusive); NULL ends at the last element' },
    ],
    returns: ARRAY_T,
    nulls: 'custom',
    impl: (array: unknown[] | null, from: number | null, to: number | null) => {
      if (array === null) return null;
      const start = from === null ? 0 : from - 1;
      const end = to === null ? array.length : to;
      // List.subList's bounds: out of range is NULL, not a shorter slice.
      if (start < 0 || end > array.length || start > end) return null;
      return array.slice(start, end);
    },
  }],
  examples: [
    { call: "SLICE(ARRAY['a', 'b', 'c', 'd'], 2, 3)", result: ['b', 'c'] },
    { call: 'SLICE(ARRAY[1, 2, 3], 2, NULL)', result: [2, 3] },
    { call: 'SLICE(ARRAY[1, 2, 3], 0, 2)', result: null },
  ],
};
