// A fast path for the JSON most records are: one object of scalar fields. It reads the fields
// of the given names straight from the payload's bytes, in one pass, without decoding the
// payload to a string (only the string values it returns are made: ASCII ones straight from the
// bytes, others through a strict UTF-8 decode) and without building the object, and parses
// numbers of up to 19 significant digits by hand, correctly rounded (decimal-to-double.ts; others
// with Number(); past a few of those per payload JSON.parse is faster). Fields match columns as
// KsqlJsonDeserializer matches them: the exact name, else the one field whose upper-cased name is
// the column's. It gives up (undefined) on anything else — nested values, escapes, many long
// numbers, two fields for one column by upper-casing, text after the object, malformed input, a
// byte that is not ASCII outside a string or not UTF-8 inside one — and the caller then reads the
// payload the general way.
// Where it answers, each value is what the general reader would take from JSON.parse's tree for
// that column, or SKIPPED where the caller said the column's value of that kind is not needed;
// an integer of a column the caller marks as a long (BIGINT) keeps every digit: a bigint from
// 2^53 on (JSON.parse would round it, and the general reader then reparses the payload exactly).

import { decimalToDouble } from '../values/decimal-to-double.js';
import { AsciiStrings, sameBytes } from './ascii-strings.js';

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** Digits a double holds exactly: up to here, m / 10^k is the correctly rounded value (Clinger). */
const EXACT_DIGITS = 15;
/**
 * A 16-digit significand hi·10 + lo (lo one digit) is an exact double while hi is at most this
 * ((2^53 - 10) / 10 rounded down: below 2^53). Printed doubles (JavaScript's, Python's, Java's
 * shortest form) have 16 or 17 digits; most 16-digit ones take this one division.
 */
const MAX_EXACT_TENTH = Math.floor((2 ** 53 - 10) / 10);
/** Numbers per payload converted by Number() (slower than JSON.parse's own) before giving up. */
const MAX_SLOW_NUMBERS = 3;
const TWO_53 = 2 ** 53;
const BIG_POW10 = [1n, 10n, 100n, 1000n, 10000n];
/** Strict, as the general reader's decode (Jackson rejects malformed UTF-8). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Node's Buffer method works on any Uint8Array: bytes 0-127 as the same chars, no copy of a view. */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }).latin1Slice;
/** Distinct keys remembered with their column. */
const KEY_CACHE_LIMIT = 1024;
/** Bytes of a string read one by one before the rest is skimmed by words (see stringEnd). */
const SHORT_TEXT = 16;
/** Strings at least this long (with the rest of the payload) are skimmed by words (see stringEnd). */
const LONG_TEXT = 32;
/** V8 keeps typed arrays up to this size on its heap (their buffer made only when asked for). */
const ON_HEAP_BYTES = 64;

/** Kinds of scalar tokens, as bits of a column's skip mask. */
export const TOKEN_STRING = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_BOOLEAN = 4;
export const TOKEN_NULL = 8;

/** The value of a column whose token was of a kind the caller does not need. */
export const SKIPPED: unique symbol = Symbol('skipped JSON value');

/** How a field's key resolves: a column by exact name (>= 0), by upper-cased name, or none. */
const IGNORED = -1;
const upperOf = (col: number): number => -2 - col;

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

export class FlatJsonReader {
  private readonly byName = new Map<string, number>();
  /** Keys seen, with how they resolve (see IGNORED / upperOf). */
  private readonly keys = new Map<string, number>();
  /** The previous payload's keys by field position, and their resolution: tried first. */
  private readonly lastKeyBytes: Uint8Array[] = [];
  private readonly lastRes: number[] = [];
  /** The values of the last parse, by column (undefined: absent); reused. */
  private readonly values: unknown[];
  /** Per column, how its value was found in this payload: 0 absent, 1 upper-cased name, 2 exact. */
  private readonly how: Uint8Array;
  private readonly skip: Uint8Array;
  /** Per column, 1 where an integer must keep every digit (see the head of this file). */
  private readonly longs: Uint8Array;
  private p = 0;
  private slow = 0;
  /** Whether the string stringEnd() last found is all ASCII. */
  private ascii = true;
  /** The buffer `words` views (see wordsOf). */
  private wordsBuffer: ArrayBufferLike | undefined;
  private words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  /** One past the payload's last byte in the array read. */
  private n = 0;
  /** ASCII string values, short ones made once (see ascii-strings.ts). */
  private readonly strings = new AsciiStrings();

  /**
   * `skip[i]`: TOKEN_* bits of the tokens whose value column i does not need (SKIPPED instead).
   * `longs[i]`: column i's integers keep every digit (a bigint from 2^53 on).
   */
  constructor(private readonly names: readonly string[], skip?: ArrayLike<number>, longs?: ArrayLike<boolean>) {
    names.forEach((n, i) => { if (!this.byName.has(n)) this.byName.set(n, i); });
    this.values = new Array(names.length);
    this.how = new Uint8Array(names.length);
    this.skip = new Uint8Array(names.length);
    if (skip !== undefined) for (let i = 0; i < names.length; i++) this.skip[i] = skip[i];
    this.longs = new Uint8Array(names.length);
    if (longs !== undefined) for (let i = 0; i < names.length; i++) this.longs[i] = longs[i] ? 1 : 0;
  }

  /**
   * The columns' values of the payload t[from, to) (valid until the next call), or undefined:
   * read it the general way.
   */
  read(t: Uint8Array, from = 0, to = t.length): unknown[] | undefined {
    const values = this.values;
    const how = this.how;
    const n = this.names.length;
    for (let i = 0; i < n; i++) { values[i] = undefined; how[i] = 0; }
    this.slow = 0;
    this.n = to;
    // A UTF-8 byte order mark is skipped, as the general reader's decode skips it.
    let p = this.skipWs(t, to - from >= 3 && t[from] === 0xef && t[from + 1] === 0xbb && t[from + 2] === 0xbf ? from + 3 : from);
    if (t[p] !== 123) return undefined;
    p = this.skipWs(t, p + 1);
    if (t[p] === 125) return this.end(t, p + 1);
    for (let field = 0; ; field++) {
      if (t[p] !== 34) return undefined;
      const ks = p + 1;
      let res: number;
      let ke: number;
      const last = field < this.lastKeyBytes.length ? this.lastKeyBytes[field] : undefined;
      if (last !== undefined && t[ks + last.length] === 34 && sameBytes(t, ks, last, 0, last.length)) {
        res = this.lastRes[field];
        ke = ks + last.length;
      } else {
        ke = this.stringEnd(t, ks);
        if (ke < 0) return undefined;
        const key = this.text(t, ks, ke);
        if (key === undefined) return undefined;
        res = this.resolve(key);
        if (field <= this.lastKeyBytes.length && field < KEY_CACHE_LIMIT) {
          this.lastKeyBytes[field] = t.slice(ks, ke); // once per new key at this position
          this.lastRes[field] = res;
        }
      }
      // Compact JSON ("key":value,"key":value) skips the whitespace checks.
      if (t[ke + 1] === 58 && ke + 2 < this.n && !isWs(t[ke + 2])) p = ke + 2;
      else {
        p = this.skipWs(t, ke + 1);
        if (t[p] !== 58) return undefined;
        p = this.skipWs(t, p + 1);
      }
      if (res === IGNORED) {
        if (isFail(this.scalar(t, p, -1))) return undefined;
      } else {
        const col = res >= 0 ? res : -2 - res;
        const v = this.scalar(t, p, col);
        if (isFail(v)) return undefined;
        if (res >= 0) {
          values[col] = v;
          how[col] = 2;
        } else if (how[col] === 0) {
          values[col] = v;
          how[col] = 1;
        } else if (how[col] === 1) {
          return undefined; // two fields by upper-casing: which wins depends on JSON.parse's key order
        }
      }
      p = this.p;
      if (t[p] === 44 && p + 1 < this.n && t[p + 1] === 34) { p++; continue; }
      p = this.skipWs(t, p);
      const c = t[p];
      if (c === 44) { p = this.skipWs(t, p + 1); continue; }
      if (c === 125) return this.end(t, p + 1);
      return undefined;
    }
  }

  private resolve(key: string): number {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const exact = this.byName.get(key);
    let res = IGNORED;
    if (exact !== undefined) res = exact;
    else {
      const upper = this.byName.get(key.toUpperCase());
      if (upper !== undefined) res = upperOf(upper);
    }
    if (this.keys.size < KEY_CACHE_LIMIT) this.keys.set(key, res);
    return res;
  }

  private skipWs(t: Uint8Array, p: number): number {
    // Never reads past the end: one read there (at the end of every payload) would make V8
    // recompile the reads here into their slower, bounds-tolerant form.
    const n = this.n;
    while (p < n && isWs(t[p])) p++;
    return p;
  }

  private end(t: Uint8Array, p: number): unknown[] | undefined {
    return this.skipWs(t, p) === this.n ? this.values : undefined;
  }

  /**
   * Where the string starting at `p` (after its quote) ends; -1 for escapes or control characters.
   * Sets `ascii`: whether its bytes are all ASCII (others must be decoded, and so checked, as UTF-8).
   */
  private stringEnd(t: Uint8Array, p: number): number {
    const n = this.n;
    let ascii = true;
    let i = p;
    // Most strings (names, codes, keys) end within a few bytes: those are read byte by byte
    // without setting up the word view (its buffer looked up, 20 ns a string), which only a
    // string still going after SHORT_TEXT bytes pays.
    const shortEnd = Math.min(n, p + SHORT_TEXT);
    for (; i < shortEnd; i++) {
      const c = t[i];
      if (c === 34) { this.ascii = ascii; return i; }
      if (c === 92 || c < 32) return -1;
      if (c > 127) ascii = false;
    }
    // A long string is skimmed four bytes a step (a word of the payload's buffer) while none of
    // them is a quote, a backslash, a control character or non-ASCII (the test below sets a byte's
    // high bit for each of those, and false alarms only send the word to the loop below, which
    // takes the bytes of any other word). Only where the payload lies in a buffer of its own memory: a
    // small typed array lives on the heap, and asking for its buffer would allocate one.
    if (n - i >= LONG_TEXT && t.byteLength > ON_HEAP_BYTES) {
      const words = this.wordsOf(t);
      const base = t.byteOffset;
      let w = Math.floor((base + i + 3) / 4); // the first whole word at or after i (offsets may pass 2^31)
      const stop = Math.floor((base + n) / 4); // words wholly before the end
      for (; i < w * 4 - base && i < n; i++) { // the bytes before the first word
        const c = t[i];
        if (c === 34) { this.ascii = ascii; return i; }
        if (c === 92 || c < 32) return -1;
        if (c > 127) ascii = false;
      }
      for (; w < stop; w++) {
        const x = words[w];
        const q = x ^ 0x22222222;
        const b = x ^ 0x5c5c5c5c;
        if (((((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b) | ((x - 0x20202020) & ~x) | x) & 0x80808080) !== 0) break;
      }
      i = w * 4 - base;
    }
    for (; i < n; i++) {
      const c = t[i];
      if (c === 34) {
        this.ascii = ascii;
        return i;
      }
      if (c === 92 || c < 32) return -1;
      if (c > 127) ascii = false;
    }
    return -1;
  }

  /** A 32-bit view of t's whole buffer (kept while payloads come from the same buffer). */
  private wordsOf(t: Uint8Array): Uint32Array<ArrayBufferLike> {
    const buffer = t.buffer;
    if (buffer !== this.wordsBuffer) {
      this.wordsBuffer = buffer;
      this.words = new Uint32Array(buffer, 0, buffer.byteLength >>> 2);
    }
    return this.words;
  }

  /** The string in t[a, e) (found by stringEnd), or undefined where it is not UTF-8. */
  private text(t: Uint8Array, a: number, e: number): string | undefined {
    if (this.ascii) return this.strings.get(t, a, e);
    try {
      return UTF8.decode(t.subarray(a, e));
    } catch {
      return undefined;
    }
  }

  /** The scalar at `p` for column `col` (-1: none) (this.p set past it), SKIPPED, or FAIL. */
  private scalar(t: Uint8Array, p: number, col: number): unknown {
    const skip = col < 0 ? 0xff : this.skip[col];
    const c = t[p];
    if (c === 34) {
      const e = this.stringEnd(t, p + 1);
      if (e < 0) return FAIL;
      this.p = e + 1;
      // A string not returned is still checked where it is not ASCII (the general reader's decode would fail).
      if ((skip & TOKEN_STRING) !== 0) return this.ascii || this.text(t, p + 1, e) !== undefined ? SKIPPED : FAIL;
      return this.text(t, p + 1, e) ?? FAIL;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      const v = this.number(t, p, (skip & TOKEN_NUMBER) !== 0, col >= 0 && this.longs[col] === 1);
      return (skip & TOKEN_NUMBER) === 0 || isFail(v) ? v : SKIPPED;
    }
    let v: unknown;
    if (c === 116 && t[p + 1] === 114 && t[p + 2] === 117 && t[p + 3] === 101) { this.p = p + 4; v = true; }
    else if (c === 102 && t[p + 1] === 97 && t[p + 2] === 108 && t[p + 3] === 115 && t[p + 4] === 101) { this.p = p + 5; v = false; }
    else if (c === 110 && t[p + 1] === 117 && t[p + 2] === 108 && t[p + 3] === 108) { this.p = p + 4; return (skip & TOKEN_NULL) !== 0 ? SKIPPED : null; }
    else return FAIL;
    return (skip & TOKEN_BOOLEAN) !== 0 ? SKIPPED : v;
  }

  /**
   * A JSON number (strict grammar), or FAIL; `check` only checks its grammar (the value is
   * unused); `long`: an integer keeps every digit (a bigint from 2^53 on).
   */
  private number(t: Uint8Array, start: number, check: boolean, long: boolean): unknown {
    let p = start;
    let c = t[p];
    const neg = c === 45;
    if (neg) c = t[++p];
    // The significant digits: the first 15 in hi (exact), up to 4 more in lo (n of them); more
    // than 19 leave `exact` false. Each run of digits is read by loops without per-digit checks
    // beyond the digit test: the integer part, the fraction's leading zeros, its first digits.
    let hi = 0;
    let lo = 0;
    let n = 0;
    let digits = 0;
    let exact = true;
    // d: the current byte's digit value; (d >>> 0) < 10 tests "is a digit" in one comparison
    // (a read past the array's end, undefined, becomes -48 by the | 0: not a digit).
    let d = (c | 0) - 48;
    if (d === 0) {
      d = (t[++p] | 0) - 48;
    } else if ((d >>> 0) < 10) {
      const a = p;
      const stop = a + EXACT_DIGITS;
      do { hi = hi * 10 + d; d = (t[++p] | 0) - 48; } while ((d >>> 0) < 10 && p < stop);
      digits = p - a;
      if ((d >>> 0) < 10) {
        do { if (n < 4) { lo = lo * 10 + d; n++; } else exact = false; digits++; d = (t[++p] | 0) - 48; } while ((d >>> 0) < 10);
      }
    } else {
      return FAIL;
    }
    let frac = 0;
    let integer = true;
    if (d === -2) { // '.'
      integer = false;
      d = (t[++p] | 0) - 48;
      if (!((d >>> 0) < 10)) return FAIL;
      const a = p;
      if (digits === 0) while (d === 0) d = (t[++p] | 0) - 48; // zeros before the first significant digit only shift it
      if (digits < EXACT_DIGITS && (d >>> 0) < 10) {
        const b = p;
        const stop = b + EXACT_DIGITS - digits;
        // Four digits a step where four are left, then two, then one: hi·10^4 + (the four)
        // shortens the chain of dependent multiply-adds, which bounds this loop.
        for (;;) {
          if (p + 4 <= stop) {
            const e = (t[p + 1] | 0) - 48;
            const f = (t[p + 2] | 0) - 48;
            const g = (t[p + 3] | 0) - 48;
            if ((e >>> 0) < 10 && (f >>> 0) < 10 && (g >>> 0) < 10) {
              hi = hi * 10000 + ((d * 10 + e) * 100 + (f * 10 + g));
              p += 4;
              d = (t[p] | 0) - 48;
              if (p < stop && (d >>> 0) < 10) continue;
              break;
            }
          }
          const e = (t[p + 1] | 0) - 48;
          if ((e >>> 0) < 10 && p + 2 <= stop) {
            hi = hi * 100 + (d * 10 + e);
            p += 2;
            d = (t[p] | 0) - 48;
            if (p < stop && (d >>> 0) < 10) continue;
          } else {
            hi = hi * 10 + d;
            d = (t[++p] | 0) - 48;
          }
          break;
        }
        digits += p - b;
      }
      while ((d >>> 0) < 10) { if (n < 4) { lo = lo * 10 + d; n++; } else exact = false; digits++; d = (t[++p] | 0) - 48; }
      frac = p - a;
    }
    c = d + 48;
    if (frac >= POW10.length) exact = false;
    if (c === 101 || c === 69) {
      c = t[++p];
      if (c === 43 || c === 45) c = t[++p];
      if (!(c >= 48 && c <= 57)) return FAIL;
      do c = t[++p]; while (c >= 48 && c <= 57);
      exact = false;
      integer = false;
    }
    this.p = p;
    if (check) return 0;
    if (long && integer && digits > EXACT_DIGITS) return this.longInteger(t, start, p, neg, hi, n, lo, exact);
    let v: number;
    if (!exact) v = NaN;
    else if (digits <= EXACT_DIGITS) v = frac === 0 ? hi : hi / POW10[frac]; // Clinger: both exact
    else if (n === 1 && hi <= MAX_EXACT_TENTH) v = (hi * 10 + lo) / POW10[frac]; // 16 digits below 2^53: Clinger too
    else v = decimalToDouble(hi, n, lo, frac); // NaN where it cannot tell
    if (v !== v) {
      if (++this.slow > MAX_SLOW_NUMBERS) return FAIL;
      return Number(latin1Slice.call(t, start, p));
    }
    return neg ? -v : v;
  }

  /**
   * The integer t[start, end) of more than 15 digits, exactly: hi·10^n + lo (`exact`: at most 19
   * digits, else from the text): a number below 2^53, else a bigint.
   */
  private longInteger(t: Uint8Array, start: number, end: number, neg: boolean, hi: number, n: number, lo: number, exact: boolean): unknown {
    if (!exact) {
      if (++this.slow > MAX_SLOW_NUMBERS) return FAIL;
      return BigInt(latin1Slice.call(t, start, end));
    }
    // Computed below 2^53, every step was exact (rounding is monotone: a value from 2^53 on
    // cannot round below it).
    const v = hi * POW10[n] + lo;
    if (v < TWO_53) return neg ? -v : v;
    const b = BigInt(hi) * BIG_POW10[n] + BigInt(lo);
    return neg ? -b : b;
  }
}


const FAIL: unique symbol = Symbol('not flat JSON');

/**
 * v === FAIL, compared only when v is a symbol: a === whose sides were numbers, strings and a
 * symbol was compiled to a call of the generic comparison, once per field.
 */
const isFail = (v: unknown): boolean => typeof v === 'symbol' && v === FAIL;
