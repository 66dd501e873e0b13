import type { ScalarFunction } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';
import {
  decimalOfDouble, integralDecimalType, rescale, rescaleDouble, roundKeepingScale, sameDecimalType, type RoundingMode,
} from './decimal-math.js';
import { mathRound } from './java-long.js';

// ksqlDB keeps Math.round's behaviour for BigDecimals too: ties round toward positive infinity,
// so HALF_UP for positive values and HALF_DOWN for the rest (ROUND(-1.5) is -1).
const modeFor = (d: Decimal): RoundingMode => (d.unscaled > 0n ? 'HALF_UP' : 'HALF_DOWN');

function roundDouble(x: number, places: number): number {
  // BigDecimal.valueOf(NaN or Infinity) throws in ksqlDB.
  if (!Number.isFinite(x)) throw new SqlError('EVALUATION_ERROR', `ROUND: cannot round ${x} to ${places} places`);
  const d = decimalOfDouble(x);
  return rescaleDouble(d, places, modeFor(d));
}

export const round: ScalarFunction = {
  kind: 'scalar',
  name: 'ROUND',
  category: 'MATHEMATICAL',
  description: 'Round a value to the number of decimal places as specified by scale to the right of the decimal point. If scale is negative then value is rounded to the right of the decimal point. Numbers equidistant to the nearest value are rounded up (in the positive direction). If the number of decimal places is not provided it defaults to zero.',
  overloads: [
    { params: [{ name: 'value', type: { kind: 'INTEGER' } }], returns: { kind: 'BIGINT' }, impl: (v: number) => v },
    { params: [{ name: 'value', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, exactLongs: true, impl: (v: number | bigint) => v },
    { params: [{ name: 'value', type: { kind: 'DOUBLE' } }], returns: { kind: 'BIGINT' }, impl: mathRound },
    {
      params: [{ name: 'value', type: { kind: 'DOUBLE' } }, { name: 'decimalPlaces', type: { kind: 'INTEGER' } }],
      returns: { kind: 'DOUBLE' },
      impl: roundDouble,
    },
    {
      // DECIMAL(p, s) → DECIMAL(p - s, 0).
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }],
      returns: integralDecimalType,
      impl: (v: Decimal) => rescale(v, 0, modeFor(v)),
    },
    {
      // The type (and scale) is kept: ksqlDB issue 6235.
      params: [{ name: 'value', type: { kind: 'DECIMAL' } }, { name: 'decimalPlaces', type: { kind: 'INTEGER' } }],
      returns: sameDecimalType,
      impl: (v: Decimal, places: number) => roundKeepingScale(v, places, modeFor(v)),
    },
  ],
  examples: [
    { call: 'ROUND(CAST(-1.5 AS DOUBLE))', result: -1 },
    { call: 'ROUND(CAST(12345.678 AS DOUBLE), -1)', result: 12350 },
    { call: 'ROUND(1.25)', result: '1' },
    { call: 'ROUND(1.25, 1)', result: '1.30' },
  ],
};
