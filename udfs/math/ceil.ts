import type { ScalarFunction } from '../types.js';
import { ceilFloorOverloads } from './ceil-floor.js';

export const ceil: ScalarFunction = {
  kind: 'scalar',
  name: 'CEIL',
  category: 'MATHEMATICAL',
  description: 'Returns the smallest integer greater than or equal to the specified numeric expression.',
  overloads: ceilFloorOverloads('CEILING'),
  examples: [{ call: 'CEIL(1.1)', result: '2.0' }, { call: 'CEIL(CAST(-1.5 AS DOUBLE))', result: -1 }],
};
