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

/** Bytes of a slab (a record longer than this gets a slab twice its size). */
const SLAB_BYTES = 8192;

/**
 * Output bytes written in place into shared slabs, as Buffer's own pool does for Buffer.from: a
 * record is a view of the slab (no copy, one object), and a slab is garbage once its last record
 * is. Write at `pos` into `bytes` (or `buf`, the same memory, for Buffer's text writers) after
 * `reserve`; `take` hands out the bytes since `begin`.
 */
export class ByteSlab {
  bytes: Uint8Array = new Uint8Array(SLAB_BYTES);
  buf: Buffer = Buffer.from(this.bytes.buffer);
  pos = 0;
  private start = 0;

  /** Start a record (dropping what a failed one left). */
  begin(): void {
    this.pos = this.start;
  }

  /** Room for `n` more bytes of the current record: a new slab (the record so far copied) if needed. */
  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const used = this.pos - this.start;
    const next = new Uint8Array(Math.max(SLAB_BYTES, (used + n) * 2));
    next.set(this.bytes.subarray(this.start, this.pos));
    this.use(next);
    this.pos = used;
  }

  /** The current record's bytes; the next record follows them in the slab. */
  take(): Uint8Array {
    const out = new Uint8Array(this.bytes.buffer, this.start, this.pos - this.start);
    if (this.bytes.length - this.pos < 64) {
      this.use(new Uint8Array(SLAB_BYTES));
      this.pos = 0;
    }
    this.start = this.pos;
    return out;
  }

  private use(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.buf = Buffer.from(bytes.buffer);
    this.start = 0;
  }
}
