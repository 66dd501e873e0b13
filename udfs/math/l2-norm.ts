import type { ScalarFunction } from '../types.js';
import { hasNull, l2, vectorParam, type Vector } from './vectors.js';

export const l2Norm: ScalarFunction = {
  kind: 'scalar',
  name: 'L2_NORM',
  category: 'MATHEMATICAL',
  description: 'Returns the Euclidean (L2) norm of an array of numbers: the square root of the sum of their squares. '
    + 'NULL if the array is NULL or has a NULL element; 0 for an empty array.',
  overloads: [{
    params: [vectorParam('a', 'The vector')],
    returns: { kind: 'DOUBLE' },
    impl: (a: Vector) => (hasNull(a) ? null : l2(a as number[])),
  }],
  examples: [
    { call: 'L2_NORM(ARRAY[3, 4])', result: 5 },
    { call: 'L2_NORM(ARRAY[1.0, NULL])', result: null },
  ],
};
