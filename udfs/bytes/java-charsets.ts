// Java's String <-> byte[] conversions, including how they replace what they cannot convert:
// getBytes writes '?' for an unpaired surrogate (UTF-8) or any non-ASCII character (US-ASCII);
// new String(bytes, ...) reads undecodable bytes as U+FFFD.

const QUESTION_MARK = 0x3f;
const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** String.getBytes(UTF_8). */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp >= 0xd800 && cp <= 0xdfff) out.push(QUESTION_MARK);
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** String.getBytes(US_ASCII): one '?' per non-ASCII character (a surrogate pair is one). */
export function asciiBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    out.push(cp < 0x80 ? cp : QUESTION_MARK);
  }
  return Uint8Array.from(out);
}

/** new String(bytes, UTF_8). */
export function utf8String(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

/** new String(bytes, US_ASCII): bytes above 0x7F become U+FFFD. */
export function asciiString(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x < 0x80 ? String.fromCharCode(x) : '\ufffd';
  return s;
}
