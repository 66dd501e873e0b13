// Java's number text rules, which ksqlDB's bytes follow: Double.toString, BigDecimal.toString,
// Integer/Long/Double.parseXxx, new BigDecimal(String) and BigInteger.intValue/longValue.
// JS prints and parses numbers differently (1 vs 1.0, 1e+21 vs 1.0E21, " 1" accepted, ...).

import { long, type Long } from './long.js';

const TWO_53 = 2 ** 53;
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];
/**
 * While |d| * 10^k < 2^52, d's ulp is below 10^-k, so at most one number of k decimals rounds to
 * d; 2^51 leaves a margin for the rounding of the product.
 */
const UNIQUE_BELOW = 2 ** 51;

/**
 * For 1e-3 <= a < 1e7, where Double.toString prints plain digits: the fewest decimals k such that
 * Math.round(a * 10^k) / 10^k is a again, or -1 (then print it the general way). That number is the
 * only one of k decimals reading back as a (see UNIQUE_BELOW), so it is JS's and Java's shortest
 * digits, found without building a string: round(a * 10^k) holds them, possibly with trailing
 * zeros when the multiplication rounded away a shorter k (strip them).
 */
export function plainDecimals(a: number): number {
  for (let k = 0; k < POW10.length; k++) {
    const scaled = a * POW10[k];
    if (scaled >= UNIQUE_BELOW) return -1;
    if (Math.round(scaled) / POW10[k] === a) return k;
  }
  return -1;
}

/** 10^k for k < 18, exactly. */
export function pow10(k: number): number {
  return POW10[k];
}

/**
 * Double.toString as Java 11/17 prints it: "1.0", "100.0", "1.0E7", "1.0E-4", "NaN". Digits are
 * the shortest that round-trip, except where Java's FloatingDecimal prints more: integers in
 * [2^54, 2^63) come out as their exact value rounded to its significant digits.
 */
export function javaDoubleToString(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  if (d !== d) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  const neg = d < 0;
  const a = neg ? -d : d;
  // Common case: JS prints plain shortest digits here too, Java only adds ".0" to integers.
  if (a >= 1e-3 && a < 1e7) return Number.isInteger(a) ? String(d) + '.0' : String(d);
  let digits: string;
  let exp: number;
  if (a >= 2 ** 54 && a < 2 ** 63 && Number.isInteger(a)) {
    [digits, exp] = javaLongDigits(a);
  } else if (a === Number.MIN_VALUE) {
    [digits, exp] = ['49', -324]; // FloatingDecimal's two digits for the smallest subnormal
  } else {
    const e = a.toExponential(); // "1.2345e+21": shortest round-trip digits
    const cut = e.indexOf('e');
    digits = e.slice(0, cut).replace('.', '');
    exp = Number(e.slice(cut + 1));
  }
  const sign = neg ? '-' : '';
  // Java prints plain notation for 1e-3 <= |d| < 1e7, always with a fraction digit.
  if (exp >= -3 && exp < 7) {
    if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
    const intLen = exp + 1;
    if (digits.length <= intLen) return sign + digits + '0'.repeat(intLen - digits.length) + '.0';
    return sign + digits.slice(0, intLen) + '.' + digits.slice(intLen);
  }
  return sign + digits[0] + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'E' + exp;
}

// FloatingDecimal.insignificantDigitsNumber for the binary exponents that reach its long path.
const INSIGNIFICANT = [0, 0, 0, 0, 1, 1, 1, 2, 2];

/** FloatingDecimal's "easy case" (developLongDigits): digits and decimal exponent of an integer double. */
function javaLongDigits(a: number): [string, number] {
  let v = BigInt(a);
  const binExp = v.toString(2).length - 1;
  const insignificant = INSIGNIFICANT[binExp - 54] ?? 0;
  if (insignificant > 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = v % pow10;
    v /= pow10;
    if (residue >= pow10 / 2n) v++;
  }
  const text = v.toString();
  return [text.replace(/0+$/, ''), text.length + insignificant - 1];
}

/** A decimal as BigDecimal holds it: sign, unscaled magnitude digits (no leading zeros, "0" for zero), scale. */
export interface DecimalText { neg: boolean; coeff: string; scale: number }

const BIG_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INT_MAX = 2147483647;

/** new BigDecimal(text): null where Java throws NumberFormatException. Keeps the scale ("1.50" → scale 2). */
export function parseBigDecimal(text: string): DecimalText | null {
  const m = BIG_DECIMAL.exec(text);
  if (m === null) return null;
  const int = m[2];
  const frac = m[3] ?? '';
  if (int.length === 0 && frac.length === 0) return null;
  let exp = 0;
  if (m[4] !== undefined) {
    exp = Number(m[4]);
    if (Math.abs(exp) > INT_MAX) return null;
  }
  const scale = frac.length - exp;
  if (Math.abs(scale) > INT_MAX) return null;
  let coeff = int + frac;
  let z = 0;
  while (z < coeff.length - 1 && coeff.charCodeAt(z) === 48) z++;
  if (z > 0) coeff = coeff.slice(z);
  return { neg: m[1] === '-', coeff, scale };
}

/** BigDecimal.toString: plain unless the scale is negative or the value is below 1e-6 ("1E-7", "1E+3"). */
export function bigDecimalToString(neg: boolean, coeff: string, scale: number): string {
  const sign = neg && coeff !== '0' ? '-' : '';
  if (scale === 0) return sign + coeff;
  const adjusted = coeff.length - 1 - scale;
  if (scale > 0 && adjusted >= -6) {
    const pad = scale - coeff.length;
    if (pad >= 0) return sign + '0.' + '0'.repeat(pad) + coeff;
    return sign + coeff.slice(0, coeff.length - scale) + '.' + coeff.slice(coeff.length - scale);
  }
  let s = sign + coeff[0];
  if (coeff.length > 1) s += '.' + coeff.slice(1);
  if (adjusted !== 0) s += 'E' + (adjusted > 0 ? '+' : '') + adjusted;
  return s;
}

/** How Jackson prints a number node it read from this JSON text (JsonNode.asText with exact BigDecimals). */
export function jacksonNumberText(text: string): string {
  if (!/[.eE]/.test(text)) return text === '-0' ? '0' : text; // IntNode/LongNode/BigIntegerNode
  const d = parseBigDecimal(text);
  return d === null ? text : bigDecimalToString(d.neg, d.coeff, d.scale);
}

const TWO_64 = 1n << 64n;

/** A digit string modulo 2^64, in linear time however long it is. */
function digitsMod64(digits: string): bigint {
  let acc = 0n;
  for (let i = 0; i < digits.length; i += 15) {
    const chunk = digits.slice(i, i + 15);
    acc = (acc * 10n ** BigInt(chunk.length) + BigInt(chunk)) % TWO_64;
  }
  return acc;
}

/** truncatedBits(text, 64), exact: NumericNode.asLong() as a BIGINT (values/long.ts). */
export function truncatedLong(text: string): Long {
  return long(truncatedBig(text, 64));
}

/** The low `bits` bits of the integer part of a decimal text: BigDecimal.intValue()/longValue(). */
export function truncatedBits(text: string, bits: 32 | 64): number {
  return Number(truncatedBig(text, bits));
}

function truncatedBig(text: string, bits: 32 | 64): bigint {
  const d = parseBigDecimal(text);
  if (d === null || d.coeff === '0') return 0n;
  let low: bigint;
  if (d.scale <= 0) {
    if (-d.scale >= 64) return 0n; // 10^64 is a multiple of 2^64: no low bits survive
    low = (digitsMod64(d.coeff) * 10n ** BigInt(-d.scale)) % TWO_64;
  } else {
    if (d.scale >= d.coeff.length) return 0n;
    low = digitsMod64(d.coeff.slice(0, d.coeff.length - d.scale));
  }
  return BigInt.asIntN(bits, d.neg ? -low : low);
}

/**
 * The Java long for an engine BIGINT (values/long.ts: exact as a bigint past 2^53). A number
 * beyond 2^53 (a double cast to a long) is a rounded long, so the values that round to +-2^63
 * clamp to Long.MAX/MIN instead of wrapping.
 */
export function javaLong(v: Long): bigint {
  if (typeof v === 'bigint') return v;
  if (Number.isSafeInteger(v)) return BigInt(v);
  if (v >= 2 ** 63) return 2n ** 63n - 1n;
  if (v <= -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(v));
}

/** A BIGINT as Java's long prints it. */
export function javaLongText(v: Long): string {
  if (typeof v === 'bigint') return v.toString();
  return Number.isSafeInteger(v) ? String(v + 0) : javaLong(v).toString(); // + 0 turns -0 into 0
}

const INT_TEXT = /^[+-]?\d+$/;

/** Integer.parseInt: sign and digits only, in range; null where Java throws. */
export function javaParseInt(s: string): number | null {
  if (!INT_TEXT.test(s)) return null;
  const n = Number(s);
  if (n < -2147483648 || n > INT_MAX) return null;
  return n + 0;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Long.parseLong: null where Java throws. The result is exact (a bigint past 2^53: values/long.ts). */
export function javaParseLong(s: string): Long | null {
  if (!INT_TEXT.test(s)) return null;
  const n = Number(s);
  if (Math.abs(n) < TWO_53) return n + 0;
  if (Math.abs(n) >= 1e19) return null; // past Long.MAX_VALUE; spares BigInt a huge digit string
  const big = BigInt(s);
  if (big < LONG_MIN || big > LONG_MAX) return null;
  return long(big);
}

/** String.trim(): strips every char <= ' ' from both ends (Double.parseDouble trims this way). */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const DEC_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/;
const SPECIAL_FLOAT = /^([+-]?)(NaN|Infinity)$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/** Double.parseDouble: Java's grammar (trimmed, NaN/Infinity, f/d suffix, hex floats); null where Java throws. */
export function javaParseDouble(s: string): number | null {
  const t = javaTrim(s);
  if (DEC_FLOAT.test(t)) {
    const last = t.charCodeAt(t.length - 1) | 0x20;
    return Number(last === 0x66 || last === 0x64 ? t.slice(0, -1) : t); // drop an f/d suffix
  }
  let m = SPECIAL_FLOAT.exec(t);
  if (m !== null) return m[2] === 'NaN' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  m = HEX_FLOAT.exec(t);
  if (m === null) return null;
  const int = m[2];
  const frac = m[3] ?? '';
  if (int.length + frac.length === 0) return null;
  const exp = Number(m[4]) - 4 * frac.length;
  const v = scaleByPowerOfTwo(Number(BigInt('0x' + (int + frac))), exp);
  return m[1] === '-' ? -v : v;
}

function scaleByPowerOfTwo(x: number, e: number): number {
  // Steps keep intermediate powers of two representable.
  while (e > 1000 && Number.isFinite(x) && x !== 0) { x *= 2 ** 1000; e -= 1000; }
  while (e < -1000 && x !== 0) { x *= 2 ** -1000; e += 1000; }
  return x * 2 ** e;
}
