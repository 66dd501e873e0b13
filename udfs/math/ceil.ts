import type { ScalarFunction } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import { roundKeepingScale, sameDecimalType } from './decimal-math.js';

export const ceil: ScalarFunction = {
  kind: 'scalar',
  name: 'CEIL',
  category: 'MATHEMATICAL',
  description: 'Returns the smallest integer greater than or equal to the specified numeric expression.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, impl: Math.ceil },
    {
      // The DECIMAL keeps its type: 1.1 (DECIMAL(2,1)) becomes 2.0.
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: sameDecimalType,
      impl: (v: Decimal) => roundKeepingScale(v, 0, 'CEILING'),
    },
  ],
  examples: [{ call: 'CEIL(1.1)', result: '2.0' }, { call: 'CEIL(CAST(-1.5 AS DOUBLE))', result: -1 }],
};
