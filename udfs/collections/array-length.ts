import type { ScalarFunction } from '../types.js';
import { ARRAY_T } from './patterns.js';

export const arrayLength: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_LENGTH',
  category: 'ARRAY',
  description: 'Returns the length on an array',
  overloads: [{
    params: [{ name: 'array', type: ARRAY_T, description: 'The array' }],
    returns: { kind: 'INTEGER' },
    impl: (array: unknown[]) => array.length,
  }],
  examples: [
    { call: 'ARRAY_LENGTH(ARRAY[1, 2, 3])', result: 3 },
  ],
};
