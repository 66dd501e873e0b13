import type { ScalarFunction } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import { roundKeepingScale, sameDecimalType } from './decimal-math.js';

export const floor: ScalarFunction = {
  kind: 'scalar',
  name: 'FLOOR',
  category: 'MATHEMATICAL',
  description: 'Returns the largest integer less than or equal to the specified numeric expression.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, impl: Math.floor },
    {
      // The DECIMAL keeps its type: -1.1 (DECIMAL(2,1)) becomes -2.0.
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: sameDecimalType,
      impl: (v: Decimal) => roundKeepingScale(v, 0, 'FLOOR'),
    },
  ],
  examples: [{ call: 'FLOOR(-1.1)', result: '-2.0' }, { call: 'FLOOR(CAST(1.7 AS DOUBLE))', result: 1 }],
};
