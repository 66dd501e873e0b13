// CEIL and FLOOR: the same overloads, rounding toward positive or negative infinity. Integers
// come back as they are; a DECIMAL keeps its type (1.1 as DECIMAL(2,1) becomes 2.0 or 1.0).
import type { ScalarOverload } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import { roundKeepingScale, sameDecimalType } from './decimal-math.js';

export function ceilFloorOverloads(direction: 'CEILING' | 'FLOOR'): ScalarOverload[] {
  return [
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, exactLongs: true, impl: (v: number | bigint) => v },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, impl: direction === 'CEILING' ? Math.ceil : Math.floor },
    {
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: sameDecimalType,
      impl: (v: Decimal) => roundKeepingScale(v, 0, direction),
    },
  ];
}
