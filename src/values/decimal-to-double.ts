// The double nearest to a decimal of 16 to 19 significant digits, without Number() on its text.
// Doubles printed in full (JSON from Python, Java, JavaScript: 0.9003890176626967) have more
// digits than a double holds exactly (15), so Clinger's fast path (m / 10^k, both exact) does not
// apply, and Number() or JSON.parse cost ~100 ns a number. Here the digits are an exact
// double-double (hi·10^n + lo, by Dekker's product), multiplied by 10^-k held as a double-double
// (products only: a division costs several multiplications) to about 2^-100 relative error. The
// sum is rounded once, and where the exact value may lie within that error of a rounding
// boundary the answer is NaN: ask Number() then. Rounding is monotone, so the value is decided
// when the two ends of its error interval round to the same double (no ulp arithmetic on the
// bits, which costs a store-to-load stall through a typed array).
// Only 10^k with k ≤ 22 (exact doubles) is used, so every result is a normal double.

/** Dekker's splitter for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** Half the error interval, relative: the product's error is ~2^-103, with a wide margin. */
const MARGIN = 2 ** -90;
const MAX_K = 22;

/** The high and low halves (Dekker's split) of x: hi + lo = x, each with 26 significant bits. */
function splitHi(x: number): number { const c = SPLIT * x; return c - (c - x); }

const POW10 = Array.from({ length: MAX_K + 1 }, (_, k) => Number(`1e${k}`));
const POW10_HI = POW10.map(splitHi);
const POW10_LO = POW10.map((p, k) => p - POW10_HI[k]);
/** 10^-k as a double-double RH + RL (RH the double nearest), and RH split. */
const RH = POW10.map((p, k) => Number(`1e-${k}`));
const RL = POW10.map((p, k) => {
  // 1 - RH·10^k exactly (Sterbenz: RH·10^k is within an ulp of 1), then / 10^k (error ~2^-106).
  const prod = RH[k] * p;
  const e = twoProductError(RH[k], p, prod);
  return ((1 - prod) - e) / p;
});
const RH_HI = RH.map(splitHi);
const RH_LO = RH.map((r, k) => r - RH_HI[k]);

/** a·b - fl(a·b), exactly (Dekker). */
function twoProductError(a: number, b: number, p: number): number {
  const ah = splitHi(a); const al = a - ah;
  const bh = splitHi(b); const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/**
 * The double nearest to (hi·10^n + lo) / 10^k, or NaN where that takes more care than this
 * gives (then use Number() on the text). hi < 10^15, lo < 10^n, n ≤ 4, k ≤ 22, all integers.
 */
export function decimalToDouble(hi: number, n: number, lo: number, k: number): number {
  if (k > MAX_K || n > 4) return NaN;
  // m = hi·10^n + lo as s + t, exactly: the two-product of hi and 10^n, then a two-sum with lo.
  const p = hi * POW10[n];
  let c = SPLIT * hi;
  const hh = c - (c - hi);
  const hl = hi - hh;
  const bh = POW10_HI[n];
  const bl = POW10_LO[n];
  const pe = ((hh * bh - p) + hh * bl + hl * bh) + hl * bl;
  const s = p + lo;
  const bv = s - p;
  const se = (p - (s - bv)) + (lo - bv);
  const t = pe + se;
  // (s + t)·(RH + RL): x1 the rounded product s·RH, y the rest (t·RL is below 2^-104 of it).
  const rh = RH[k];
  const x1 = s * rh;
  c = SPLIT * s;
  const sh = c - (c - s);
  const sl = s - sh;
  const rhh = RH_HI[k];
  const rhl = RH_LO[k];
  const y = (((sh * rhh - x1) + sh * rhl + sl * rhh) + sl * rhl) + (s * RL[k] + t * rh);
  const x = x1 + y;
  // Both ends of [y - m, y + m] (widened for the rounding of y ± m itself) round to x: so does
  // the exact value between them.
  const m = MARGIN * x1;
  return x1 + (y + m) === x && x1 + (y - m) === x ? x : NaN;
}
