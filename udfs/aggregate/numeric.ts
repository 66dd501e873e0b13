// Numeric argument helpers shared by the arithmetic aggregates.
import { Decimal } from '../../src/types/decimal.js';

/**
 * A DOUBLE-typed argument as a JS number. The analyzer may hand a DECIMAL argument to a DOUBLE
 * overload (implicit widening) without converting it, so accept a Decimal too.
 */
export function toDouble(v: unknown): number {
  return typeof v === 'number' ? v : v instanceof Decimal ? v.toNumber() : Number(v);
}

/** Java int arithmetic: INTEGER sums wrap at 32 bits as ksqlDB's do. */
export const int32 = (n: number): number => n | 0;
