// The hex and base64 codecs ksqlDB's bytes functions use. TO_BYTES/FROM_BYTES (BytesUtils) are
// strict: uppercase hex out, even-length hex in, RFC 4648 base64 that rejects stray characters.
// ENCODE (commons-codec) is lenient: lowercase hex out, base64 in skipping anything unknown.
import { SqlError } from '../../src/types/sql-error.js';

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const fail = (message: string): never => { throw new SqlError('EVALUATION_ERROR', message); };

/** Lowercase hex digits (commons-codec Hex.encodeHex). */
export function hexLower(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += HEX[x >> 4] + HEX[x & 15];
  return s;
}

/** Uppercase hex digits (DatatypeConverter.printHexBinary). */
export function hexUpper(b: Uint8Array): string {
  return hexLower(b).toUpperCase();
}

function hexDigit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Hex digits (either case) to bytes; `style` picks which Java library's error wording to use. */
export function hexDecode(s: string, style: 'strict' | 'commons'): Uint8Array {
  if (s.length % 2 !== 0) fail(style === 'strict' ? `hexBinary needs to be even-length: ${s}` : 'Odd number of characters.');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < s.length; i += 2) {
    const hi = hexDigit(s, i);
    const lo = hexDigit(s, i + 1);
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? i : i + 1;
      fail(style === 'strict' ? `contains illegal character for hexBinary: ${s}` : `Illegal hexadecimal character ${s[at]} at index ${at}`);
    }
    out[i / 2] = hi * 16 + lo;
  }
  return out;
}

/** Standard base64 with padding, no line breaks. */
export function base64Encode(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** java.util.Base64.getDecoder(): padding optional but exact when present; nothing else allowed. */
export function base64DecodeStrict(s: string): Uint8Array {
  let end = s.length;
  let pads = 0;
  while (end > 0 && s[end - 1] === '=' && pads < 2) { end--; pads++; }
  const body = s.slice(0, end);
  if (/[^A-Za-z0-9+/]/.test(body)) {
    const bad = /[^A-Za-z0-9+/]/.exec(body)!;
    fail(`Illegal base64 character ${bad[0].charCodeAt(0).toString(16)}`);
  }
  const rem = body.length % 4;
  if (rem === 1) fail('Last unit does not have enough valid bits');
  if (pads > 0 && rem + pads !== 4) fail('Input byte array has wrong 4-byte ending unit');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/**
 * ENCODE's base64 input: what commons-codec decodes (either alphabet, line breaks and spaces as in
 * MIME text) but checked first. ksqlDB's decoder skips anything else silently, turning a non-base64
 * string into garbage bytes; here such input fails, so the call is NULL and the row is logged.
 */
export function base64DecodeChecked(s: string): Uint8Array {
  let sextets = 0;
  let padded = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    if (ch === '=') { padded = true; continue; }
    if (padded || (B64.indexOf(ch) < 0 && ch !== '-' && ch !== '_')) {
      fail(`Illegal base64 character '${String.fromCodePoint(s.codePointAt(i)!)}' at index ${i}`);
    }
    sextets++;
  }
  if (sextets % 4 === 1) fail('Last unit does not have enough valid bits');
  return base64DecodeLenient(s);
}

/** commons-codec Base64.decodeBase64: both alphabets, unknown characters skipped, stops at '='. */
export function base64DecodeLenient(s: string): Uint8Array {
  const sextets: number[] = [];
  for (const ch of s) {
    if (ch === '=') break;
    let v = B64.indexOf(ch);
    if (ch === '-') v = 62;
    else if (ch === '_') v = 63;
    if (v >= 0 && ch.length === 1) sextets.push(v);
  }
  const out: number[] = [];
  let i = 0;
  for (; i + 4 <= sextets.length; i += 4) {
    const n = (sextets[i] << 18) | (sextets[i + 1] << 12) | (sextets[i + 2] << 6) | sextets[i + 3];
    out.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
  }
  const left = sextets.length - i;
  if (left === 2) out.push(((sextets[i] << 2) | (sextets[i + 1] >> 4)) & 255);
  if (left === 3) {
    const n = (sextets[i] << 12) | (sextets[i + 1] << 6) | sextets[i + 2];
    out.push((n >> 10) & 255, (n >> 2) & 255);
  }
  return Uint8Array.from(out);
}
