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
  const w = b < LONG_MIN || b > LONG_MAX ? BigInt.asIntN(64, b) : b;
  return w <= SAFE && w >= -SAFE ? Number(w) : w;
}

/** The value as a bigint (exact for any BIGINT; a number must be an integer). */
export function bigOf(v: Long): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
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
