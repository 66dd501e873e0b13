import type { ScalarFunction } from '../types.js';
import { T, arrayOf } from '../collections/patterns.js';
import { checkGeneratedSize } from '../shared/generated-size.js';

/**
 * Every combination of the elements kept or replaced by NULL, as ksqlDB's CUBE_EXPLODE lists
 * them: the first element varies slowest, NULL before the value; a NULL element gives no
 * duplicate combinations.
 */
export function cubeCombinations(list: readonly unknown[]): unknown[][] {
  const n = list.length;
  if (n > 30) throw new Error(`CUBE_EXPLODE of ${n} elements would produce 2^${n} rows`);
  checkGeneratedSize('CUBE_EXPLODE', 2 ** n, 'rows');
  const out: unknown[][] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    let duplicate = false;
    const combo = new Array<unknown>(n);
    for (let j = 0; j < n; j++) {
      const keep = ((mask >> (n - 1 - j)) & 1) === 1;
      if (keep && list[j] === null) { duplicate = true; break; }
      combo[j] = keep ? list[j] : null;
    }
    if (!duplicate) out.push(combo);
  }
  return out;
}

export const cubeExplode: ScalarFunction = {
  kind: 'scalar',
  table: true,
  name: 'CUBE_EXPLODE',
  category: 'TABLE',
  description: 'One output row per combination of the array\'s elements, each either kept or NULL (a cube for grouping sets).',
  overloads: [
    {
      params: [{ name: 'list', type: arrayOf(T) }],
      returns: arrayOf(T),
      impl: (list: unknown[]) => cubeCombinations(list),
    },
  ],
  examples: [{ call: 'CUBE_EXPLODE(ARRAY[1, 2])', result: [[null, null], [null, 2], [1, null], [1, 2]] }],
  volatile: true,
};
