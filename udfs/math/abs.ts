import type { ScalarFunction } from '../types.js';
import { Decimal } from '../../src/types/decimal.js';
import { sameDecimalType } from './decimal-math.js';

export const abs: ScalarFunction = {
  kind: 'scalar',
  name: 'ABS',
  category: 'MATHEMATICAL',
  description: 'Returns the absolute value of its argument. If the argument is not negative, the argument is returned. If the argument is negative, the negation of the argument is returned.',
  overloads: [
    // Java's Math.abs(Integer.MIN_VALUE) overflows back to MIN_VALUE.
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, impl: (v: number) => Math.abs(v) | 0 },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, impl: (v: number) => Math.abs(v) },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, impl: (v: number) => Math.abs(v) },
    {
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: sameDecimalType,
      impl: (v: Decimal) => (v.unscaled < 0n ? v.negate() : v),
    },
  ],
  examples: [
    { call: 'ABS(-3)', result: 3 },
    { call: 'ABS(-1.50)', result: '1.50' },
  ],
};
