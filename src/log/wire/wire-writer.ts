// Writes Kafka protocol primitives into one growing buffer (big-endian ints, zigzag varints,
// int16-length strings, int32-length bytes). Numbers stand in for int64s: offsets, timestamps and
// producer ids stay far below 2^53.

const TWO_32 = 4294967296;

export class WireWriter {
  buf: Buffer;
  pos = 0;

  constructor(initial = 1024) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): this { this.ensure(1); this.buf.writeInt8(v, this.pos); this.pos += 1; return this; }
  int16(v: number): this { this.ensure(2); this.buf.writeInt16BE(v, this.pos); this.pos += 2; return this; }
  int32(v: number): this { this.ensure(4); this.buf.writeInt32BE(v, this.pos); this.pos += 4; return this; }
  uint32(v: number): this { this.ensure(4); this.buf.writeUInt32BE(v, this.pos); this.pos += 4; return this; }

  int64(v: number): this {
    this.ensure(8);
    const hi = Math.floor(v / TWO_32);
    this.buf.writeInt32BE(hi, this.pos);
    this.buf.writeUInt32BE(v - hi * TWO_32, this.pos + 4);
    this.pos += 8;
    return this;
  }

  /** A zigzag varint of a value that fits in 32 bits (record lengths, deltas, counts). */
  varint(v: number): this {
    let u = ((v << 1) ^ (v >> 31)) >>> 0;
    this.ensure(5);
    while (u >= 0x80) { this.buf[this.pos++] = (u & 0x7f) | 0x80; u >>>= 7; }
    this.buf[this.pos++] = u;
    return this;
  }

  /** A zigzag varlong (timestamp deltas): exact for |v| < 2^52. */
  varlong(v: number): this {
    if (v >= -0x40000000 && v < 0x40000000) return this.varint(v);
    let u = v >= 0 ? v * 2 : -v * 2 - 1;
    this.ensure(10);
    while (u >= 0x80) { this.buf[this.pos++] = (u % 0x80) | 0x80; u = Math.floor(u / 0x80); }
    this.buf[this.pos++] = u;
    return this;
  }

  string(s: string): this {
    const n = Buffer.byteLength(s);
    this.int16(n);
    this.ensure(n);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  nullableString(s: string | null): this {
    return s === null ? this.int16(-1) : this.string(s);
  }

  /** int32 length + bytes. */
  bytes(b: Uint8Array): this {
    this.int32(b.byteLength);
    return this.raw(b);
  }

  raw(b: Uint8Array): this {
    this.ensure(b.byteLength);
    this.buf.set(b, this.pos);
    this.pos += b.byteLength;
    return this;
  }

  /** Bytes of a varint-length field (record key, value, header value); null as -1. */
  varBytes(b: Uint8Array | null): this {
    if (b === null) return this.varint(-1);
    this.varint(b.byteLength);
    return this.raw(b);
  }

  /** A varint-length UTF-8 string (header keys). */
  varString(s: string): this {
    const n = Buffer.byteLength(s);
    this.varint(n);
    this.ensure(n);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  /** Reserves 4 bytes for an int32 filled in later (a length); returns where. */
  reserve32(): number {
    this.ensure(4);
    const at = this.pos;
    this.pos += 4;
    return at;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
