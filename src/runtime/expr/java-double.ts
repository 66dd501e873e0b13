// Java's rendering and parsing of doubles, so values print exactly as ksqlDB prints them.

/**
 * `Double.toString(d)`: plain notation with at least one fractional digit when
 * 1e-3 <= |d| < 1e7 (`1.0`, `0.001`, `1234567.5`), otherwise computerized scientific notation
 * (`1.0E10`, `1.2345678901E-5`). Digits are the shortest that round-trip (as JDK 19+), at least two.
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits.
  let [mant, expText] = Math.abs(d).toExponential().split('e');
  // Java prints at least two significant digits, the pair closest to the exact value: for
  // Double.MIN_VALUE that is 4.9E-324 where the shortest form is 5E-324.
  if (mant.length === 1) {
    [mant, expText] = Math.abs(d).toExponential(1).split('e');
    mant = mant.replace(/\.?0$/, '');
  }
  const digits = mant.replace('.', '');
  const exp = parseInt(expText, 10);
  if (exp >= -3 && exp < 7) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${exp}`;
}

const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?$/;

/**
 * `Double.parseDouble(s)` for decimal input (whitespace trimmed, optional f/d suffix, NaN and
 * Infinity). Throws a RangeError like Java's NumberFormatException.
 */
export function javaParseDouble(s: string): number {
  const t = s.trim();
  if (!JAVA_DOUBLE.test(t)) throw new RangeError(`For input string: "${s}"`);
  const body = /[fFdD]$/.test(t) ? t.slice(0, -1) : t;
  return Number(body);
}
