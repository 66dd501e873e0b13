// Base64 as ksqlDB's two decoders accept it. Node's own decoder skips bad characters silently, so
// input is validated here first: garbage must be an error, as it is in ksqlDB.
import { allocBytes, view } from './bytes.js';

const VALUES = new Int8Array(128).fill(-1);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

const value = (c: number): number => (c < 128 ? VALUES[c] : -1);

/** Standard alphabet with padding: what java.util.Base64 and Jackson both write. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * java.util.Base64.getDecoder() (DELIMITED BYTES): only alphabet characters, padding optional but
 * exact when present, no lone final character. Null where Java throws.
 */
export function decodeBase64Java(s: string): Uint8Array | null {
  let data = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === PAD) { data = i; break; }
    if (value(c) < 0) return null;
  }
  const pad = s.length - data;
  for (let i = data; i < s.length; i++) if (s.charCodeAt(i) !== PAD) return null;
  const rem = data % 4;
  if (rem === 1) return null;
  if (pad > 0 && !((rem === 2 && pad === 2) || (rem === 3 && pad === 1))) return null;
  return view(Buffer.from(s.slice(0, data), 'base64'));
}

/**
 * Jackson's default variant (JSON BYTES): padding required, whitespace (<= ' ') allowed between
 * 4-character units, several padded units may follow each other. Null where Jackson throws.
 */
export function decodeBase64Jackson(s: string): Uint8Array | null {
  const out = allocBytes(Math.floor((s.length * 3) / 4) + 3);
  let n = 0;
  let p = 0;
  const len = s.length;
  for (;;) {
    let c: number;
    do {
      if (p >= len) return view(out.subarray(0, n));
      c = s.charCodeAt(p++);
    } while (c <= 32);
    const a = value(c);
    if (a < 0 || p >= len) return null;
    const b = value(s.charCodeAt(p++));
    if (b < 0 || p >= len) return null;
    c = s.charCodeAt(p++);
    if (c === PAD) {
      if (p >= len || s.charCodeAt(p++) !== PAD) return null;
      out[n++] = (a << 2) | (b >> 4);
      continue;
    }
    const d = value(c);
    if (d < 0 || p >= len) return null;
    c = s.charCodeAt(p++);
    if (c === PAD) {
      out[n++] = (a << 2) | (b >> 4);
      out[n++] = ((b & 15) << 4) | (d >> 2);
      continue;
    }
    const e = value(c);
    if (e < 0) return null;
    out[n++] = (a << 2) | (b >> 4);
    out[n++] = ((b & 15) << 4) | (d >> 2);
    out[n++] = ((d & 3) << 6) | e;
  }
}
