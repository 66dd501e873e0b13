import type { ScalarFunction } from '../types.js';
import { ARRAY_T } from './patterns.js';
import { valueKey } from './value-key.js';

/** Elements in order of first occurrence, duplicates dropped (a LinkedHashSet). */
export function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of values) {
    const key = valueKey(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

export const arrayDistinct: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_DISTINCT',
  category: 'ARRAY',
  description: 'Returns an array of all the distinct values, including NULL if present, from the input array. The output array elements will be in order of their first occurrence in the input. Returns NULL if the input array is NULL.',
  overloads: [{
    params: [{ name: 'input', type: ARRAY_T, description: 'Array of values to distinct' }],
    returns: ARRAY_T,
    impl: distinct,
  }],
  examples: [
    { call: "ARRAY_DISTINCT(ARRAY['foo', 'bar', 'foo'])", result: ['foo', 'bar'] },
    { call: 'ARRAY_DISTINCT(ARRAY[1, NULL, 1, NULL])', result: [1, null] },
  ],
};
