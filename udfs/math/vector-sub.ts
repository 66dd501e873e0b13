import type { ScalarFunction } from '../types.js';
import { sameLength, VECTOR, vectorParam, type Vector } from './vectors.js';

/** The element-wise difference (a plain loop: see vectors.ts). */
function vectorSub(a: Vector, b: Vector): number[] | null {
  sameLength('VECTOR_SUB', a, b);
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === null || y === null) return null;
    out[i] = x - y;
  }
  return out;
}

export const vectorSubFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'VECTOR_SUB',
  category: 'MATHEMATICAL',
  description: 'Returns the element-wise difference of two arrays of numbers (the first minus the second), as an '
    + 'ARRAY<DOUBLE>. NULL if either array is NULL or has a NULL element; arrays of different lengths fail the call '
    + '(NULL, and an entry in the processing log).',
  overloads: [{
    params: [vectorParam('a', 'The first vector'), vectorParam('b', 'The vector to subtract, as long as the first')],
    returns: VECTOR,
    impl: vectorSub,
  }],
  examples: [
    { call: 'VECTOR_SUB(ARRAY[4, 5, 6], ARRAY[1, 2, 3])', result: [3, 3, 3] },
  ],
};
