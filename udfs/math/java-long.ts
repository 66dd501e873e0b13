// Java's double → long conversions, which the integral ROUND and TRUNC overloads return.

const LONG_MAX = 9223372036854775807; // rounds to 2^63 as a double, as Java's (double) Long.MAX_VALUE
const LONG_MIN = -9223372036854775808;

/** `(long) x`: truncation toward zero, NaN to 0, saturating at the long range. */
export function doubleToLong(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= LONG_MAX) return LONG_MAX;
  if (x <= LONG_MIN) return LONG_MIN;
  return Math.trunc(x) + 0; // + 0 turns -0 into 0
}

/** `Math.round(x)`: the closest long, ties toward positive infinity. */
export function mathRound(x: number): number {
  return doubleToLong(Math.round(x));
}
