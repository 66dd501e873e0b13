// Exact DECIMAL(p, s) running sums for SUM. The accumulator keeps the unscaled sum as a decimal
// string (a bigint is not plain data); overflow is checked as ksqlDB's DecimalSumKudaf does.
import { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';

export function unscaledAt(d: Decimal, scale: number): bigint {
  return (d.scale === scale ? d : d.setScale(scale)).unscaled;
}

/**
 * Fails when |sum| ≥ 10^(p - s), i.e. when the unscaled sum has more than p digits. The message
 * shows the sum rounded to p significant digits, as Java's add(x, new MathContext(p)) leaves it.
 */
export function checkDecimalOverflow(unscaled: bigint, precision: number, scale: number): void {
  const magnitude = unscaled < 0n ? -unscaled : unscaled;
  if (magnitude < 10n ** BigInt(precision)) return;
  const digits = magnitude.toString().length;
  const rounded = new Decimal(unscaled, scale).setScale(scale - (digits - precision));
  throw new SqlError(
    'EVALUATION_ERROR',
    `Numeric field overflow: A field with precision ${precision} and scale ${scale} ` +
      `must round to an absolute value less than 10^${precision - scale}. Got ${rounded.toString()}`,
  );
}
