// Builds backend messages: a type byte, an int32 length (itself included), then the body. One
// writer per connection is reused for every message, so a row costs no new buffers but its own.
export class BufferWriter {
  private buf = Buffer.allocUnsafe(1024);
  private pos = 0;
  /** Where the current message's length goes. */
  private lengthAt = -1;

  /** Starts a message of type `code` (a single ASCII character). */
  begin(code: string): this {
    this.ensure(5);
    this.buf[this.pos++] = code.charCodeAt(0);
    this.lengthAt = this.pos;
    this.pos += 4;
    return this;
  }

  int16(n: number): this { this.ensure(2); this.buf.writeInt16BE(n, this.pos); this.pos += 2; return this; }
  int32(n: number): this { this.ensure(4); this.buf.writeInt32BE(n, this.pos); this.pos += 4; return this; }
  byte(n: number): this { this.ensure(1); this.buf[this.pos++] = n; return this; }

  /** A NUL-terminated UTF-8 string. */
  cstring(s: string): this {
    const n = Buffer.byteLength(s);
    this.ensure(n + 1);
    this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
    this.buf[this.pos++] = 0;
    return this;
  }

  /** A length-prefixed value (DataRow field): -1 for NULL. Encoded in one pass, length filled in after. */
  field(s: string | null): this {
    if (s === null) return this.int32(-1);
    this.ensure(4 + s.length * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
    return this;
  }

  /** A length-prefixed binary value (DataRow field, CopyData): -1 for NULL. */
  bytesField(b: Uint8Array | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    return this.bytes(b);
  }

  /** Raw bytes. */
  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** UTF-8 text without a terminator or length (CopyData's body). */
  text(s: string): this {
    const n = Buffer.byteLength(s);
    this.ensure(n);
    this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
    return this;
  }

  /** Ends the current message: fills in its length. */
  end(): this {
    this.buf.writeInt32BE(this.pos - this.lengthAt, this.lengthAt);
    this.lengthAt = -1;
    return this;
  }

  get length(): number { return this.pos; }

  /** The bytes written so far (a copy), and the writer emptied for reuse. */
  flush(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}
