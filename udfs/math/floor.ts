import type { ScalarFunction } from '../types.js';
import { ceilFloorOverloads } from './ceil-floor.js';

export const floor: ScalarFunction = {
  kind: 'scalar',
  name: 'FLOOR',
  category: 'MATHEMATICAL',
  description: 'Returns the largest integer less than or equal to the specified numeric expression.',
  overloads: ceilFloorOverloads('FLOOR'),
  examples: [{ call: 'FLOOR(-1.1)', result: '-2.0' }, { call: 'FLOOR(CAST(1.7 AS DOUBLE))', result: 1 }],
};
