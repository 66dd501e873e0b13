import type { ScalarFunction } from '../types.js';
import { VECTOR, vectorParam, type Vector } from './vectors.js';

/** Each element times k (a plain loop: see vectors.ts). */
function vectorScale(a: Vector, k: number): number[] | null {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === null) return null;
    out[i] = x * k;
  }
  return out;
}

export const vectorScaleFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'VECTOR_SCALE',
  category: 'MATHEMATICAL',
  description: 'Returns an array of numbers with each element multiplied by a factor, as an ARRAY<DOUBLE>. NULL if '
    + 'the array or the factor is NULL, or the array has a NULL element.',
  overloads: [{
    params: [vectorParam('a', 'The vector'), { name: 'k', type: { kind: 'DOUBLE' }, description: 'The factor' }],
    returns: VECTOR,
    impl: vectorScale,
  }],
  examples: [
    { call: 'VECTOR_SCALE(ARRAY[1, 2, 3], 2)', result: [2, 4, 6] },
    { call: 'VECTOR_SCALE(ARRAY[1.0, 2.5], 0.5)', result: [0.5, 1.25] },
  ],
};
