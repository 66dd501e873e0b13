// BigDecimal operations the math functions need beyond src/types/decimal.ts: rescaling with
// Java's rounding modes, and the DECIMAL types ksqlDB derives for results.
import { Decimal } from '../../src/types/decimal.js';
import { decimal, type SqlType } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';

export type RoundingMode = 'HALF_UP' | 'HALF_DOWN' | 'DOWN' | 'CEILING' | 'FLOOR';

/** BigDecimal.setScale(scale, mode); a negative scale rounds left of the decimal point. */
export function rescale(d: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (scale >= d.scale) return new Decimal(d.unscaled * 10n ** BigInt(scale - d.scale), scale);
  // Rounding off more digits than there are (ROUND(x, -100000000)): only the sign and the mode
  // decide, and 10^n need not be built.
  if (d.scale - scale > d.precision + 1) {
    const away = d.unscaled !== 0n && (mode === 'CEILING' ? d.unscaled > 0n : mode === 'FLOOR' && d.unscaled < 0n);
    return new Decimal(away ? (d.unscaled < 0n ? -1n : 1n) : 0n, scale);
  }
  const div = 10n ** BigInt(d.scale - scale);
  const q = d.unscaled / div; // truncated toward zero
  const r = d.unscaled % div;
  if (r === 0n) return new Decimal(q, scale);
  const negative = d.unscaled < 0n;
  const twiceRem = (r < 0n ? -r : r) * 2n;
  let awayFromZero: boolean;
  switch (mode) {
    case 'DOWN': awayFromZero = false; break;
    case 'CEILING': awayFromZero = !negative; break;
    case 'FLOOR': awayFromZero = negative; break;
    case 'HALF_UP': awayFromZero = twiceRem >= div; break;
    case 'HALF_DOWN': awayFromZero = twiceRem > div; break;
  }
  return new Decimal(awayFromZero ? q + (negative ? -1n : 1n) : q, scale);
}

/** Rounds to `places` then restores the original scale, as ksqlDB's ROUND/TRUNC with places do. */
export function roundKeepingScale(d: Decimal, places: number, mode: RoundingMode): Decimal {
  if (places >= d.scale) return d; // nothing to round (and no digits to build past the scale)
  const r = rescale(d, places, mode);
  return r.unscaled === 0n ? new Decimal(0n, d.scale) : rescale(r, d.scale, 'DOWN');
}

/** ROUND/TRUNC of a double to `places`, as a double: digits past the double's own change nothing. */
export function rescaleDouble(d: Decimal, places: number, mode: RoundingMode): number {
  const r = rescale(d, Math.min(places, d.scale), mode);
  return r.unscaled === 0n ? 0 : Number(r.toString());
}

/** BigDecimal.valueOf(double): the shortest decimal that round-trips. */
export function decimalOfDouble(x: number): Decimal {
  return Decimal.fromNumber(x);
}

/** ksqlDB's DecimalUtil.toSqlDecimal for the numeric types a DECIMAL parameter accepts. */
export function asDecimalType(t: SqlType): { precision: number; scale: number } | undefined {
  switch (t.kind) {
    case 'DECIMAL': return { precision: t.precision, scale: t.scale };
    case 'INTEGER': return { precision: 10, scale: 0 };
    case 'BIGINT': return { precision: 19, scale: 0 };
    default: return undefined;
  }
}

/** DecimalUtil.widen over all (non-NULL) argument types: enough integer digits and scale for each. */
export function widenDecimals(types: SqlType[]): SqlType {
  let whole = 0;
  let scale = 0;
  let any = false;
  for (const t of types) {
    const d = asDecimalType(t);
    if (!d) continue;
    any = true;
    whole = Math.max(whole, d.precision - d.scale);
    scale = Math.max(scale, d.scale);
  }
  // ksqlDB cannot type GREATEST(NULL, NULL) either.
  if (!any) throw new SqlError('FUNCTION_ARGS', 'cannot determine a DECIMAL result type without DECIMAL arguments');
  return decimal(Math.max(whole + scale, 1), scale);
}

/** The DECIMAL(p - s, 0) that ROUND and TRUNC without places return for DECIMAL(p, s). */
export function integralDecimalType(argTypes: SqlType[]): SqlType {
  const d = asDecimalType(argTypes[0]) ?? { precision: 38, scale: 0 };
  return decimal(Math.max(d.precision - d.scale, 1), 0);
}

/** The first argument's type as a DECIMAL (the result type of ABS, CEIL, FLOOR...). */
export function sameDecimalType(argTypes: SqlType[]): SqlType {
  const d = asDecimalType(argTypes[0]) ?? { precision: 38, scale: 0 };
  return decimal(d.precision, d.scale);
}
