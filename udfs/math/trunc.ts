import type { ScalarFunction } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';
import { decimalOfDouble, integralDecimalType, rescale, rescaleDouble, roundKeepingScale, sameDecimalType } from './decimal-math.js';
import { doubleToLong } from './java-long.js';

function truncDouble(x: number, places: number): number {
  // BigDecimal.valueOf(NaN or Infinity) throws in ksqlDB.
  if (!Number.isFinite(x)) throw new SqlError('EVALUATION_ERROR', `TRUNC: cannot truncate ${x} to ${places} places`);
  return rescaleDouble(decimalOfDouble(x), places, 'DOWN');
}

export const trunc: ScalarFunction = {
  kind: 'scalar',
  name: 'TRUNC',
  category: 'MATHEMATICAL',
  description: 'Truncates a value to the number of decimal places as specified by scale to the right of the decimal point. If scale is negative then value is truncated to the right of the decimal point.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'BIGINT' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, exactLongs: true, impl: (v: number | bigint) => v },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'BIGINT' }, impl: doubleToLong },
    {
      params: [{ name: 'value', type: { kind: 'DOUBLE' } }, { name: 'decimalPlaces', type: { kind: 'INTEGER' } }],
      returns: { kind: 'DOUBLE' },
      impl: truncDouble,
    },
    {
      // DECIMAL(p, s) → DECIMAL(p - s, 0).
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: integralDecimalType,
      impl: (v: Decimal) => rescale(v, 0, 'DOWN'),
    },
    {
      // The type (and scale) is kept, as ROUND does.
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }, { name: 'decimalPlaces', type: { kind: 'INTEGER' } }],
      returns: sameDecimalType,
      impl: (v: Decimal, places: number) => roundKeepingScale(v, places, 'DOWN'),
    },
  ],
  examples: [
    { call: 'TRUNC(CAST(-1.7 AS DOUBLE))', result: -1 },
    { call: 'TRUNC(CAST(12345.678 AS DOUBLE), 2)', result: 12345.67 },
    { call: 'TRUNC(12.345, 1)', result: '12.300' },
  ],
};
