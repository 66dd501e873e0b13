// DECIMAL arithmetic and conversions with Java BigDecimal semantics, as ksqlDB's generated code
// runs them: exact results checked against MathContext(precision, UNNECESSARY), casts rounding
// HALF_UP, overflow checks from DecimalUtil. Failures throw EvaluationError (no expression yet).
import { long, type Long } from './long.js';
import { Decimal } from '../types/decimal.js';
import { EvaluationError } from './evaluation-error.js';
import { javaDoubleToString } from './java-double.js';

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Decimal digits of |n| (1 for zero). */
export function digitCount(n: bigint): number {
  return abs(n).toString().length;
}

/** Significant digits once trailing zeros are dropped (what must fit a MathContext precision). */
function significantDigits(n: bigint): number {
  const s = abs(n).toString().replace(/0+$/, '');
  return s === '' ? 1 : s.length;
}

function roundingNecessary(): never {
  throw new EvaluationError('Rounding necessary');
}

/** BigDecimal.setScale(scale) with RoundingMode.UNNECESSARY. */
function setScaleExact(unscaled: bigint, scale: number, target: number): Decimal {
  if (target >= scale) return new Decimal(unscaled * pow10(target - scale), target);
  const div = pow10(scale - target);
  if (unscaled % div !== 0n) roundingNecessary();
  return new Decimal(unscaled / div, target);
}

/** The result of `op(..., new MathContext(precision, UNNECESSARY)).setScale(scale)`. */
function finish(unscaled: bigint, scale: number, precision: number, target: number): Decimal {
  if (significantDigits(unscaled) > precision) roundingNecessary();
  return setScaleExact(unscaled, scale, target);
}

export function decimalAdd(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  const s = Math.max(a.scale, b.scale);
  return finish(a.unscaled * pow10(s - a.scale) + b.unscaled * pow10(s - b.scale), s, precision, scale);
}

export function decimalSubtract(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  const s = Math.max(a.scale, b.scale);
  return finish(a.unscaled * pow10(s - a.scale) - b.unscaled * pow10(s - b.scale), s, precision, scale);
}

export function decimalMultiply(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  return finish(a.unscaled * b.unscaled, a.scale + b.scale, precision, scale);
}

function checkDivisor(a: Decimal, b: Decimal): void {
  if (b.unscaled === 0n) throw new EvaluationError(a.unscaled === 0n ? 'Division undefined' : 'Division by zero');
}

function gcd(x: bigint, y: bigint): bigint {
  x = abs(x); y = abs(y);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Division: exact or failing, as BigDecimal.divide with RoundingMode.UNNECESSARY. */
export function decimalDivide(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  checkDivisor(a, b);
  if (a.unscaled === 0n) return new Decimal(0n, scale);
  const g = gcd(a.unscaled, b.unscaled);
  let num = a.unscaled / g;
  let den = b.unscaled / g;
  if (den < 0n) { num = -num; den = -den; }
  // The quotient terminates only when the reduced denominator is 2^x * 5^y.
  let twos = 0, fives = 0, rest = den;
  while (rest % 2n === 0n) { rest /= 2n; twos++; }
  while (rest % 5n === 0n) { rest /= 5n; fives++; }
  if (rest !== 1n) roundingNecessary();
  const k = Math.max(twos, fives);
  const unscaled = num * (pow10(k) / den);
  // value = unscaled * 10^-(k + a.scale - b.scale)
  return finish(unscaled, k + a.scale - b.scale, precision, scale);
}

/** Remainder with the dividend's sign, as BigDecimal.remainder(divisor, MathContext). */
export function decimalRemainder(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  checkDivisor(a, b);
  const s = Math.max(a.scale, b.scale);
  const x = a.unscaled * pow10(s - a.scale);
  const y = b.unscaled * pow10(s - b.scale);
  const q = x / y;
  if (q !== 0n && digitCount(q) > precision) throw new EvaluationError('Division impossible');
  return finish(x % y, s, precision, scale);
}

/** DecimalUtil.ensureMax: |value| must be below 10^(precision - scale). */
export function ensureMax(value: Decimal, precision: number, scale: number): void {
  const digits = precision - scale;
  const limit = value.scale >= 0 ? pow10(digits + value.scale) : pow10(digits);
  const mag = value.scale >= 0 ? abs(value.unscaled) : abs(value.unscaled) * pow10(-value.scale);
  if (mag >= limit) {
    throw new EvaluationError(`Numeric field overflow: A field with precision ${precision} and scale ${scale} `
      + `must round to an absolute value less than 10^${digits}. Got ${value.toString()}`);
  }
}

/** DecimalUtil.cast(BigDecimal, p, s). */
export function castDecimal(value: Decimal, precision: number, scale: number): Decimal {
  if (value.scale === scale && value.precision === precision) return value;
  ensureMax(value, precision, scale);
  return value.setScale(scale);
}

/** DecimalUtil.cast(long, p, s): exact, or an overflow error. */
export function decimalFromInteger(n: number | bigint, precision: number, scale: number): Decimal {
  const d = new Decimal(BigInt(n), 0);
  ensureMax(d, precision, scale);
  return d.setScale(scale);
}

/** The exact value of a finite double (new BigDecimal(double)). */
export function exactDecimalOfDouble(d: number): Decimal {
  if (!Number.isFinite(d)) throw new EvaluationError('Infinite or NaN');
  if (Number.isInteger(d)) return new Decimal(BigInt(d), 0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, d);
  const bits = buf.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  let mant = expBits === 0 ? frac : frac | (1n << 52n);
  let exp = (expBits === 0 ? 1 : expBits) - 1075; // value = mant * 2^exp, exp < 0 here
  while (mant % 2n === 0n && exp < 0) { mant /= 2n; exp++; }
  // mant / 2^k == mant * 5^k / 10^k
  const k = -exp;
  const unscaled = mant * 5n ** BigInt(k);
  return new Decimal(neg ? -unscaled : unscaled, k);
}

/** Rounds to `precision` significant digits, HALF_UP (MathContext(precision)). */
export function roundToPrecision(value: Decimal, precision: number): Decimal {
  let d = value;
  for (;;) {
    const extra = digitCount(d.unscaled) - precision;
    if (extra <= 0 || d.unscaled === 0n) return d;
    d = d.setScale(d.scale - extra);
  }
}

/** DecimalUtil.cast(double, p, s). */
export function decimalFromDouble(value: number, precision: number, scale: number): Decimal {
  const d = roundToPrecision(exactDecimalOfDouble(value), precision);
  ensureMax(d, precision, scale);
  return d.setScale(scale);
}

const JAVA_BIG_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** new BigDecimal(text): Java's syntax, or a RangeError. */
export function parseJavaBigDecimal(text: string): Decimal {
  if (!JAVA_BIG_DECIMAL.test(text)) throw new RangeError(`Character array is missing "exponent" mark 'e' or 'E'.`);
  return Decimal.fromString(text);
}

/** DecimalUtil.cast(String, p, s). */
export function decimalFromString(text: string, precision: number, scale: number): Decimal {
  let d: Decimal;
  try {
    d = parseJavaBigDecimal(text.trim());
  } catch {
    throw new EvaluationError(`Cannot parse '${text}' as a DECIMAL`);
  }
  ensureMax(d, precision, scale);
  return d.setScale(scale);
}

/** BigDecimal.valueOf(double): the decimal of Double.toString, used to compare doubles with decimals. */
export function decimalValueOfDouble(d: number): Decimal {
  if (!Number.isFinite(d)) throw new EvaluationError(`Character ${javaDoubleToString(d)[0]} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`);
  return Decimal.fromString(javaDoubleToString(d));
}

/** BigDecimal.intValue(): truncation, then the low 32 bits. */
export function decimalToInt(d: Decimal): number {
  return Number(BigInt.asIntN(32, truncate(d)));
}

/** BigDecimal.longValue(): truncation, then the low 64 bits. */
export function decimalToLong(d: Decimal): Long {
  return long(BigInt.asIntN(64, truncate(d)));
}

function truncate(d: Decimal): bigint {
  return d.scale >= 0 ? d.unscaled / pow10(d.scale) : d.unscaled * pow10(-d.scale);
}

/** BigDecimal.toString(): scientific notation when the scale is negative or the value tiny. */
export function javaBigDecimalToString(d: Decimal): string {
  const digits = abs(d.unscaled).toString();
  const adjusted = -d.scale + (digits.length - 1);
  if (d.scale >= 0 && adjusted >= -6) return d.toString();
  const sign = d.unscaled < 0n ? '-' : '';
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mant}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}
