import type { ScalarFunction } from '../types.js';
import { ARRAY_T, T } from './patterns.js';
import { compareValues } from './value-compare.js';

/** The greatest (sign 1) or least (sign -1) non-NULL element; NULL if there is none. */
export function extreme(array: unknown[], sign: 1 | -1): unknown {
  let best: unknown = null;
  for (const v of array) {
    if (v === null) continue;
    if (best === null || sign * compareValues(v, best) > 0) best = v;
  }
  return best;
}

export const arrayMax: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_MAX',
  category: 'ARRAY',
  description: 'Return the maximum value from within an array of primitive values, according to their natural sort order. If the array is NULL, or contains only NULLs, return NULL.',
  overloads: [{
    params: [{ name: 'input', type: ARRAY_T, description: 'Array of values from which to find the maximum' }],
    returns: T,
    impl: (array: unknown[]) => extreme(array, 1),
  }],
  examples: [
    { call: 'ARRAY_MAX(ARRAY[0, NULL, 1, -1])', result: 1 },
    { call: "ARRAY_MAX(ARRAY['foo', 'Food', 'bar'])", result: 'foo' },
  ],
};
