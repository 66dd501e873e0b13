import type { ScalarFunction } from '../types.js';
import { sameLength, vectorParam, type Vector } from './vectors.js';

/** The dot product (a plain loop: see vectors.ts). */
function dot(a: Vector, b: Vector): number | null {
  sameLength('DOT', a, b);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === null || y === null) return null;
    s += x * y;
  }
  return s;
}

export const dotFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'DOT',
  category: 'MATHEMATICAL',
  description: 'Returns the dot product of two arrays of numbers, the sum of the products of their elements. '
    + 'NULL if either array is NULL or has a NULL element; arrays of different lengths fail the call (NULL, '
    + 'and an entry in the processing log).',
  overloads: [{
    params: [vectorParam('a', 'The first vector'), vectorParam('b', 'The second vector, as long as the first')],
    returns: { kind: 'DOUBLE' },
    impl: dot,
  }],
  examples: [
    { call: 'DOT(ARRAY[1, 2, 3], ARRAY[4, 5, 6])', result: 32 },
    { call: 'DOT(ARRAY[0.5, 2.0], ARRAY[4.0, NULL])', result: null },
  ],
};
