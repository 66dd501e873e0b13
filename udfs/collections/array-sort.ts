import type { ScalarFunction } from '../types.js';
import { ARRAY_T } from './patterns.js';
import { compareValues } from './value-compare.js';

/** Sorted in natural order (sign 1) or reversed (-1); NULLs last either way. */
function sorted(array: unknown[], sign: 1 | -1): unknown[] {
  return [...array].sort((a, b) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compareValues(a, b);
  });
}

function sortWithDirection(array: unknown[], direction: string): unknown[] | null {
  const d = direction.toUpperCase();
  if (d === 'ASC' || d === 'ASCENDING') return sorted(array, 1);
  if (d === 'DESC' || d === 'DESCENDING') return sorted(array, -1);
  return null;
}

export const arraySort: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_SORT',
  category: 'ARRAY',
  description: 'Sort an array of primitive values, according to their natural sort order. Any NULLs in the array will be placed at the end.',
  overloads: [
    {
      params: [{ name: 'input', type: ARRAY_T, description: 'The array to sort' }],
      returns: ARRAY_T,
      impl: (array: unknown[]) => sorted(array, 1),
    },
    {
      params: [
        { name: 'input', type: ARRAY_T, description: 'The array to sort' },
        { name: 'direction', type: { kind: 'STRING' }, description: "'ASC' or 'DESC' (also 'ASCENDING', 'DESCENDING'); any other value gives NULL" },
      ],
      returns: ARRAY_T,
      impl: sortWithDirection,
    },
  ],
  examples: [
    { call: 'ARRAY_SORT(ARRAY[3, NULL, 1, 2])', result: [1, 2, 3, null] },
    { call: "ARRAY_SORT(ARRAY['foo', 'Food', 'bar'], 'DESC')", result: ['foo', 'bar', 'Food'] },
  ],
};
