// Java's rendering and parsing of doubles, so values print and parse exactly as in ksqlDB.

/**
 * `Double.toString(d)` as Java 11/17 prints it (`1.0`, `1.0E10`, `1.2345678901E-5`). One
 * implementation serves formats and expressions: it lives with the serdes.
 */
export { javaDoubleToString } from './java-number.js';

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
