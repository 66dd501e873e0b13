// Strings of ASCII bytes, made once: short ones are looked up by a hash of their bytes, so an id
// or a name that repeats from record to record comes back as the string made the first time,
// instead of a new one made by a native call (which a log in this process would also have to
// intern, log/string-interner.ts). Longer ones are made by Node's latin1 slice, the same chars
// for bytes below 128, without a copy of a view.

/** Strings up to this long are cached. */
const SHORT = 32;
/** Slots of the cache (a power of 2). */
const SLOTS = 4096;

const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }).latin1Slice;

export class AsciiStrings {
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  /** The bytes of each slot's string, at slot · SHORT (compared byte to byte). */
  private readonly bytes = new Uint8Array(SLOTS * SHORT);

  /** The string of t[a, e), which the caller knows to be ASCII. */
  get(t: Uint8Array, a: number, e: number): string {
    const len = e - a;
    if (len > SHORT) return latin1Slice.call(t, a, e);
    let h = len;
    for (let i = a; i < e; i++) h = (Math.imul(h, 31) + t[i]) | 0;
    const slot = (h ^ (h >>> 10)) & (SLOTS - 1);
    const seen = this.texts[slot];
    const at = slot * SHORT;
    const bytes = this.bytes;
    if (seen.length === len && sameBytes(t, a, bytes, at, len)) return seen;
    for (let i = 0; i < len; i++) bytes[at + i] = t[a + i];
    return (this.texts[slot] = latin1Slice.call(t, a, e));
  }
}

/** Whether t[p, p + n) holds the bytes b[at, at + n). */
export function sameBytes(t: Uint8Array, p: number, b: Uint8Array, at: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (t[p + i] !== b[at + i]) return false;
  return true;
}

/** Whether t[a, e) is all ASCII. */
export function isAscii(t: Uint8Array, a: number, e: number): boolean {
  for (let i = a; i < e; i++) if (t[i] > 127) return false;
  return true;
}
