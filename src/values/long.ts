// BIGINT values: a JS number while it is exact (|v| <= 2^53 - 1), a bigint beyond it (up to
// Java's long range), so that 64-bit ids and nanosecond times keep every digit while the common
// case stays a plain number. Equal values have one representation (a bigint is never in the safe
// range), so ===, Map keys and Sets compare them; < and > compare a number with a bigint as is.

export type Long = number | bigint;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** The BIGINT for a 64-bit integer (wrapped to Java's long range, as its arithmetic wraps). */
export function long(b: bigint): Long {
  if (b <= SAFE && b >= -SAFE) return Number(b);
  return b < LONG_MIN || b > LONG_MAX ? normalLong(BigInt.asIntN(64, b)) : b;
}

function normalLong(b: bigint): Long {
  return b <= SAFE && b >= -SAFE ? Number(b) : b;
}

export function isLong(v: unknown): v is Long {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** The value as a bigint (exact for any BIGINT; a number must be an integer). */
export function bigOf(v: Long): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/**
 * A JS number for code that computes in doubles (DOUBLE casts, math functions): exact while
 * the value is, the nearest double beyond.
 */
export function longToNumber(v: Long): number {
  return typeof v === 'number' ? v : Number(v);
}

/** Java's Long.toString. */
export function longText(v: Long): string {
  return typeof v === 'bigint' ? v.toString() : String(v + 0); // + 0 turns -0 into 0
}

/** Long.parseLong of sign and digits: the value, or undefined where Java throws (not a long). */
export function parseLong(s: string): Long | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const digits = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? s.length - 1 : s.length; // '+', '-'
  if (digits <= 15) return Number(s) + 0; // below 10^15 < 2^53: exact
  const b = BigInt(s);
  return b < LONG_MIN || b > LONG_MAX ? undefined : normalLong(b);
}

const SAFE_NUMBER = Number.MAX_SAFE_INTEGER;

/** a + b as Java's long adds (wrapping), exact. */
export function longAdd(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= SAFE_NUMBER && r >= -SAFE_NUMBER) return r;
  }
  return long(bigOf(a) + bigOf(b));
}

/** a - b as Java's long subtracts (wrapping), exact. */
export function longSub(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= SAFE_NUMBER && r >= -SAFE_NUMBER) return r;
  }
  return long(bigOf(a) - bigOf(b));
}
