// Natural logarithm as Java's Math.log returns it. V8's Math.log (fdlibm, like StrictMath) can
// be one ulp off the correctly rounded value, which HotSpot's intrinsic gives: ln 3 is
// 1.0986122886681096 in V8 and 1.0986122886681098 in ksqlDB. ksqlDB's results are compared
// exactly, so LN and LOG compute in 120-bit fixed point and round once.

const F = 120n;
const view = new DataView(new ArrayBuffer(8));

/** 2·atanh(n / d) · 2^F, for 0 <= |n / d| well below 1. */
function twoAtanh(n: bigint, d: bigint): bigint {
  const s = (n << F) / d;
  const s2 = (s * s) >> F;
  let term = s;
  let sum = s;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * s2) >> F;
    sum += term / k;
  }
  return 2n * sum;
}

const LN2 = twoAtanh(1n, 3n); // ln 2 = 2·atanh(1/3)
const SCALE = 2 ** -120;

export function javaLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  // x = mant · 2^(exp - 52) exactly, with mant a 53-bit integer (subnormals normalized).
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) {
    exp = 1;
    while (mant < 1n << 52n) { mant <<= 1n; exp--; }
  } else {
    mant |= 1n << 52n;
  }
  let e = exp - 1023;
  // Reduce m = mant / 2^52 into [sqrt(1/2), sqrt(2)) so the series converges fast.
  let denom = 1n << 52n;
  if (mant * mant > 2n * denom * denom) { denom <<= 1n; e++; }
  const ln = twoAtanh(mant - denom, mant + denom) + BigInt(e) * LN2;
  // Number() rounds the big integer once; scaling by a power of two is exact.
  return Number(ln) * SCALE;
}
