// The double nearest to a decimal of 16 to 19 significant digits, without Number() on its text.
// Doubles printed in full (JSON from Python, Java, JavaScript: 0.9003890176626967) have more
// digits than a double holds exactly (15), so Clinger's fast path (m / 10^k, both exact) does not
// apply, and Number() or JSON.parse cost ~100 ns a number. Here the digits are an exact
// double-double (hi·10^n + lo, by Dekker's product), divided by 10^k to about 2^-100 relative
// error; the sum is rounded once, and where the exact value may lie within that error of a
// rounding boundary (halfway between two doubles) the answer is NaN: ask Number() then.
// Only 10^k with k ≤ 22 (exact doubles) is used, so every result is a normal double.

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** Dekker's splitter for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** Relative error bound of the double-double quotient, with a wide margin (its error is ~2^-104). */
const MARGIN = 2 ** -90;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** Half the distance from normal `x` (above 2^-1000) to the next double up: 2^(e - 1076). */
function halfUlp(x: number): number {
  scratch[0] = x;
  const e = (words[HI] >>> 20) & 0x7ff;
  words[HI] = (e - 53) << 20;
  words[LO] = 0;
  return scratch[0];
}

/** Whether normal `x` is a power of two (the doubles below it are twice as dense). */
function isPowerOfTwo(x: number): boolean {
  scratch[0] = x;
  return words[LO] === 0 && (words[HI] & 0xfffff) === 0;
}

/**
 * The double nearest to (hi·10^n + lo) / 10^k, or NaN where that takes more care than this
 * gives (then use Number() on the text). hi < 10^15, lo < 10^n, n ≤ 4, k ≤ 22, all integers.
 */
export function decimalToDouble(hi: number, n: number, lo: number, k: number): number {
  if (k > 22 || n > 4) return NaN;
  // m = hi·10^n + lo as s + t, exactly (two-product of hi and 10^n, then a two-sum with lo).
  const b = POW10[n];
  const p = hi * b;
  let c = SPLIT * hi;
  const hh = c - (c - hi);
  const hl = hi - hh;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  const pe = ((hh * bh - p) + hh * bl + hl * bh) + hl * bl;
  const s = p + lo;
  const bv = s - p;
  const se = (p - (s - bv)) + (lo - bv);
  const t = pe + se;
  if (k === 0) return roundPair(s, t);
  // (s + t) / 10^k: q1 the rounded quotient, q2 the quotient of the remainder.
  const d = POW10[k];
  const q1 = s / d;
  c = SPLIT * q1;
  const qh = c - (c - q1);
  const ql = q1 - qh;
  c = SPLIT * d;
  const dh = c - (c - d);
  const dl = d - dh;
  const qd = q1 * d;
  const qde = ((qh * dh - qd) + qh * dl + ql * dh) + ql * dl;
  const r = ((s - qd) - qde) + t;
  return roundPair(q1, r / d);
}

/** fl(a + b) (a the larger), or NaN where a + b lies within the error margin of a tie. */
function roundPair(a: number, b: number): number {
  const x = a + b;
  if (!(x > 0)) return NaN; // zero: the callers' digits are never negative
  const bv = x - a;
  const err = (a - (x - bv)) + (b - bv); // x + err = a + b exactly (Knuth's two-sum)
  const m = MARGIN * x;
  const half = halfUlp(x);
  if (err >= 0) return err + m < half ? x : NaN;
  return m - err < (isPowerOfTwo(x) ? half / 2 : half) ? x : NaN;
}
