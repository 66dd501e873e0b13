// Byte arrays for payloads and BYTES values. Allocating a fresh ArrayBuffer per record costs
// microseconds in V8, so bytes come from Node's Buffer pool; they are handed out as plain
// Uint8Array views (respect byteOffset, never transfer `.buffer`).

/** A plain Uint8Array view of a Buffer's bytes (no copy). */
export function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export function utf8Bytes(s: string): Uint8Array {
  return view(Buffer.from(s, 'utf8'));
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** String.getBytes(UTF_8): a lone surrogate becomes '?' (Node would write U+FFFD). */
export function javaUtf8Bytes(s: string): Uint8Array {
  return utf8Bytes(SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '?') : s);
}

/** A copy of `bytes`, so a caller reusing its buffer cannot change a value read from it. */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return view(Buffer.from(bytes));
}

/** Uninitialized pooled bytes to fill in, with Buffer's big-endian writers. */
export function allocBytes(n: number): Buffer {
  return Buffer.allocUnsafe(n);
}
