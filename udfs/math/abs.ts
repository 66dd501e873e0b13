import { long } from '../../src/values/long.js';
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
    // Exact past 2^53 (a bigint there, src/values/long.ts); Math.abs(Long.MIN_VALUE) stays MIN_VALUE.
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, exactLongs: true, impl: (v: number | bigint) => (typeof v === 'bigint' ? long(v < 0n ? -v : v) : Math.abs(v)) },
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
