// Java's string-to-value parsers as ksqlDB uses them in CAST and literal coercion.

import { long, type Long } from './long.js';

const INT_TEXT = /^[+-]?\d+$/;

/** `Integer.parseInt`: digits with an optional sign, in int32 range; no trimming. */
export function javaParseInt(s: string): number {
  if (!INT_TEXT.test(s)) throw new RangeError(`For input string: "${s}"`);
  const n = Number(s);
  if (n < -2147483648 || n > 2147483647) throw new RangeError(`For input string: "${s}"`);
  return n;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** `Long.parseLong`: digits with an optional sign, in int64 range, exact (a bigint past 2^53: long.ts). */
export function javaParseLong(s: string): Long {
  if (!INT_TEXT.test(s)) throw new RangeError(`For input string: "${s}"`);
  const n = BigInt(s);
  if (n < LONG_MIN || n > LONG_MAX) throw new RangeError(`For input string: "${s}"`);
  return long(n);
}

function matchesWord(s: string, word: string): boolean {
  return s.length > 0 && s.length <= word.length && word.startsWith(s.toLowerCase());
}

/** ksqlDB's SqlBooleans.parseBoolean: true for any prefix of 'true' or 'yes', else false. */
export function parseBooleanLenient(s: string): boolean {
  return matchesWord(s, 'true') || matchesWord(s, 'yes');
}

/** ksqlDB's SqlBooleans.parseBooleanExact: prefixes of true/yes or false/no, else undefined. */
export function parseBooleanExact(s: string): boolean | undefined {
  if (parseBooleanLenient(s)) return true;
  if (matchesWord(s, 'false') || matchesWord(s, 'no')) return false;
  return undefined;
}
