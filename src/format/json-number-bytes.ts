// Numbers as ksqlDB's JSON writes them, as ASCII straight into output bytes: no string per value.
// DOUBLE as Double.toString (the digits found by plainDecimals where Java prints plain notation
// and they fit an int, javaDoubleToString elsewhere), INTEGER and BIGINT as their digits. Digits
// are made with int32 arithmetic: on doubles, % is a call to fmod.
import { javaDoubleToString, javaLongText, plainDecimals, pow10 } from '../values/java-number.js';
import type { ByteSlab } from './bytes.js';

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const INT_MAX = 0x7fffffff;

/** Decimal digits of a non-negative int32. */
function digitCount(x: number): number {
  if (x < 10) return 1;
  if (x < 100) return 2;
  if (x < 1000) return 3;
  if (x < 10000) return 4;
  if (x < 100000) return 5;
  if (x < 1000000) return 6;
  if (x < 10000000) return 7;
  if (x < 100000000) return 8;
  return x < 1000000000 ? 9 : 10;
}

/** ASCII text (what Java prints for numbers) at the slab's position. */
function writeAscii(out: ByteSlab, s: string): void {
  out.reserve(s.length);
  const buf = out.bytes;
  let p = out.pos;
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  out.pos = p;
}

/**
 * `x / 10^frac` (x a non-negative int32) in plain notation with at least one digit on each side
 * of the point ("0.057", "73.4", "100.0"), after a minus sign if `neg`.
 */
function writeFixed(out: ByteSlab, neg: boolean, x: number, frac: number): void {
  while (frac > 0 && x % 10 === 0) { x = (x / 10) | 0; frac--; }
  const fracWidth = frac === 0 ? 1 : frac;
  const intWidth = Math.max(1, digitCount(x) - frac);
  const len = (neg ? 1 : 0) + intWidth + 1 + fracWidth;
  out.reserve(len);
  const buf = out.bytes;
  let p = out.pos + len;
  out.pos = p;
  if (frac === 0) buf[--p] = ZERO;
  for (let i = 0; i < frac; i++) {
    const q = (x / 10) | 0;
    buf[--p] = ZERO + x - q * 10;
    x = q;
  }
  buf[--p] = DOT;
  for (let i = 0; i < intWidth; i++) {
    const q = (x / 10) | 0;
    buf[--p] = ZERO + x - q * 10;
    x = q;
  }
  if (neg) buf[--p] = MINUS;
}

/** A DOUBLE as Jackson writes it: Double.toString, with NaN and Infinity quoted. */
export function writeJsonDouble(out: ByteSlab, d: number): void {
  const a = d < 0 ? -d : d;
  if (a >= 1e-3 && a < 1e7) {
    const k = plainDecimals(a);
    if (k >= 0) {
      const m = Math.round(a * pow10(k));
      if (m <= INT_MAX) {
        writeFixed(out, d < 0, m | 0, k);
        return;
      }
    }
  }
  const s = javaDoubleToString(d);
  writeAscii(out, Number.isFinite(d) ? s : '"' + s + '"');
}

/** An integer-valued number (INTEGER after `| 0`, BIGINT) as Java's int/long prints it. */
export function writeJsonInteger(out: ByteSlab, v: number): void {
  if (v <= INT_MAX && v >= -INT_MAX) { writeFixedInt(out, v < 0, (v < 0 ? -v : v) | 0); return; }
  const a = v < 0 ? -v : v;
  if (a <= Number.MAX_SAFE_INTEGER && Number.isInteger(a)) {
    // Epoch milliseconds and the like: two int32 halves, the low one of nine digits.
    const high = Math.floor(a / 1e9);
    writeLongDigits(out, v < 0, high | 0, (a - high * 1e9) | 0);
    return;
  }
  writeAscii(out, javaLongText(v));
}

/** `high` then `low` as its nine digits (leading zeros kept), after a minus sign if `neg`. */
function writeLongDigits(out: ByteSlab, neg: boolean, high: number, low: number): void {
  const len = (neg ? 1 : 0) + digitCount(high) + 9;
  out.reserve(len);
  const buf = out.bytes;
  let p = out.pos + len;
  out.pos = p;
  for (let i = 0; i < 9; i++) {
    const q = (low / 10) | 0;
    buf[--p] = ZERO + low - q * 10;
    low = q;
  }
  while (high > 0) {
    const q = (high / 10) | 0;
    buf[--p] = ZERO + high - q * 10;
    high = q;
  }
  if (neg) buf[--p] = MINUS;
}

function writeFixedInt(out: ByteSlab, neg: boolean, x: number): void {
  const width = digitCount(x);
  const len = (neg ? 1 : 0) + width;
  out.reserve(len);
  const buf = out.bytes;
  let p = out.pos + len;
  out.pos = p;
  for (let i = 0; i < width; i++) {
    const q = (x / 10) | 0;
    buf[--p] = ZERO + x - q * 10;
    x = q;
  }
  if (neg) buf[--p] = MINUS;
}
