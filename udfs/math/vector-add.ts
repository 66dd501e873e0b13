import type { ScalarFunction } from '../types.js';
import { sameLength, VECTOR, vectorParam, type Vector } from './vectors.js';

/** The element-wise sum (a plain loop: see vectors.ts). */
function vectorAdd(a: Vector, b: Vector): number[] | null {
  sameLength('VECTOR_ADD', a, b);
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === null || y === null) return null;
    out[i] = x + y;
  }
  return out;
}

export const vectorAddFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'VECTOR_ADD',
  category: 'MATHEMATICAL',
  description: 'Returns the element-wise sum of two arrays of numbers, as an ARRAY<DOUBLE>. NULL if either array is '
    + 'NULL or has a NULL element; arrays of different lengths fail the call (NULL, and an entry in the processing log).',
  overloads: [{
    params: [vectorParam('a', 'The first vector'), vectorParam('b', 'The vector to add, as long as the first')],
    returns: VECTOR,
    impl: vectorAdd,
  }],
  examples: [
    { call: 'VECTOR_ADD(ARRAY[1, 2, 3], ARRAY[4, 5, 6])', result: [5, 7, 9] },
  ],
};
