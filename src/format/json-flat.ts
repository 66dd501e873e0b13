// A fast path for the JSON most records are: one object of scalar fields. It reads the fields
// of the given names straight from the text, in one pass and without building the object, and
// parses short numbers exactly by hand (longer ones with Number(); past a few of those per
// payload JSON.parse is faster). It gives up (undefined) on anything else — nested values,
// escapes, many long numbers, a field whose upper-cased name is a column
// (KsqlJsonDeserializer's fallback), text after the object, malformed input — and the caller
// then reads the payload the general way.
// Where it answers, each value is what JSON.parse would give for that field.

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** Digits a double holds exactly: up to here, m / 10^k is the correctly rounded value (Clinger). */
const EXACT_DIGITS = 15;
/** Numbers per payload converted by Number() (slower than JSON.parse's own) before giving up. */
const MAX_SLOW_NUMBERS = 3;

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

export class FlatJsonReader {
  private readonly byName = new Map<string, number>();
  /** Keys that name no column, even upper-cased: skipped. */
  private readonly ignored = new Set<string>();
  /** The values of the last parse, by column (undefined: absent); reused. */
  private readonly values: unknown[];
  private p = 0;
  private slow = 0;

  constructor(private readonly names: readonly string[]) {
    names.forEach((n, i) => { if (!this.byName.has(n)) this.byName.set(n, i); });
    this.values = new Array(names.length);
  }

  /** The columns' values (valid until the next call), or undefined: read it the general way. */
  read(t: string): unknown[] | undefined {
    const values = this.values;
    const names = this.names;
    const n = names.length;
    for (let i = 0; i < n; i++) values[i] = undefined;
    this.slow = 0;
    let p = this.skipWs(t, 0);
    if (t.charCodeAt(p) !== 123) return undefined;
    p = this.skipWs(t, p + 1);
    if (t.charCodeAt(p) === 125) return this.end(t, p + 1);
    let next = 0; // fields usually come in column order: try that name first
    for (;;) {
      if (t.charCodeAt(p) !== 34) return undefined;
      const ks = p + 1;
      const ke = this.stringEnd(t, ks);
      if (ke < 0) return undefined;
      let col: number;
      const expected = next < n ? names[next] : undefined;
      if (expected !== undefined && expected.length === ke - ks && t.startsWith(expected, ks)) {
        col = next;
      } else {
        const key = t.slice(ks, ke);
        const at = this.byName.get(key);
        if (at !== undefined) col = at;
        else if (this.ignored.has(key)) col = -1;
        else if (this.byName.has(key.toUpperCase())) return undefined;
        else {
          if (this.ignored.size < 1024) this.ignored.add(key);
          col = -1;
        }
      }
      p = this.skipWs(t, ke + 1);
      if (t.charCodeAt(p) !== 58) return undefined;
      p = this.skipWs(t, p + 1);
      const v = this.scalar(t, p);
      if (v === FAIL) return undefined;
      if (col >= 0) { values[col] = v; next = col + 1; }
      p = this.skipWs(t, this.p);
      const c = t.charCodeAt(p);
      if (c === 44) { p = this.skipWs(t, p + 1); continue; }
      if (c === 125) return this.end(t, p + 1);
      return undefined;
    }
  }

  private skipWs(t: string, p: number): number {
    while (isWs(t.charCodeAt(p))) p++;
    return p;
  }

  private end(t: string, p: number): unknown[] | undefined {
    return this.skipWs(t, p) === t.length ? this.values : undefined;
  }

  /** Where the string starting at `p` (after its quote) ends; -1 for escapes or control characters. */
  private stringEnd(t: string, p: number): number {
    for (let i = p; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) return i;
      if (c === 92 || c < 32) return -1;
    }
    return -1;
  }

  /** The scalar at `p` (this.p set past it), or FAIL. */
  private scalar(t: string, p: number): unknown {
    const c = t.charCodeAt(p);
    if (c === 34) {
      const e = this.stringEnd(t, p + 1);
      if (e < 0) return FAIL;
      this.p = e + 1;
      return t.slice(p + 1, e);
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(t, p);
    if (c === 116 && t.startsWith('true', p)) { this.p = p + 4; return true; }
    if (c === 102 && t.startsWith('false', p)) { this.p = p + 5; return false; }
    if (c === 110 && t.startsWith('null', p)) { this.p = p + 4; return null; }
    return FAIL;
  }

  /** A JSON number (strict grammar), or FAIL. */
  private number(t: string, start: number): unknown {
    let p = start;
    let c = t.charCodeAt(p);
    const neg = c === 45;
    if (neg) c = t.charCodeAt(++p);
    let m = 0;
    let digits = 0;
    if (c === 48) {
      c = t.charCodeAt(++p);
    } else if (c >= 49 && c <= 57) {
      do { m = m * 10 + (c - 48); digits++; c = t.charCodeAt(++p); } while (c >= 48 && c <= 57);
    } else {
      return FAIL;
    }
    let frac = 0;
    if (c === 46) {
      c = t.charCodeAt(++p);
      if (!(c >= 48 && c <= 57)) return FAIL;
      do { m = m * 10 + (c - 48); if (m > 0) digits++; frac++; c = t.charCodeAt(++p); } while (c >= 48 && c <= 57);
    }
    let exact = digits <= EXACT_DIGITS && frac < POW10.length;
    if (c === 101 || c === 69) {
      c = t.charCodeAt(++p);
      if (c === 43 || c === 45) c = t.charCodeAt(++p);
      if (!(c >= 48 && c <= 57)) return FAIL;
      do c = t.charCodeAt(++p); while (c >= 48 && c <= 57);
      exact = false;
    }
    this.p = p;
    if (!exact) return ++this.slow > MAX_SLOW_NUMBERS ? FAIL : Number(t.slice(start, p));
    const v = frac === 0 ? m : m / POW10[frac];
    return neg ? -v : v;
  }
}

const FAIL: unique symbol = Symbol('not flat JSON');
