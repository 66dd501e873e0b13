// Reads Kafka protocol primitives from a response buffer. Byte fields come back as views of the
// response (no copy): a fetched record's key and value keep its response alive while in use.
import { WireError } from './wire-errors.js';

const TWO_32 = 4294967296;

export class WireReader {
  constructor(readonly buf: Buffer, public pos = 0, readonly end = buf.length) {}

  get remaining(): number { return this.end - this.pos; }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new WireError('CORRUPT_RESPONSE', `response ends ${this.pos + n - this.end} bytes early`);
  }

  int8(): number { this.need(1); return this.buf.readInt8(this.pos++); }
  int16(): number { this.need(2); const v = this.buf.readInt16BE(this.pos); this.pos += 2; return v; }
  int32(): number { this.need(4); const v = this.buf.readInt32BE(this.pos); this.pos += 4; return v; }
  uint32(): number { this.need(4); const v = this.buf.readUInt32BE(this.pos); this.pos += 4; return v; }

  int64(): number {
    this.need(8);
    const v = this.buf.readInt32BE(this.pos) * TWO_32 + this.buf.readUInt32BE(this.pos + 4);
    this.pos += 8;
    return v;
  }

  bool(): boolean { return this.int8() !== 0; }

  /** A zigzag varint (32-bit). */
  varint(): number {
    let u = 0;
    let shift = 0;
    const buf = this.buf;
    for (;;) {
      if (this.pos >= this.end) throw new WireError('CORRUPT_RESPONSE', 'a varint runs past the end of the response');
      const b = buf[this.pos++];
      if (shift < 28) u |= (b & 0x7f) << shift;
      else u += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
      if (shift > 35) throw new WireError('CORRUPT_RESPONSE', 'a varint is longer than 5 bytes');
    }
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** A zigzag varlong: exact below 2^53. */
  varlong(): number {
    let u = 0;
    let mul = 1;
    const buf = this.buf;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) throw new WireError('CORRUPT_RESPONSE', 'a varlong runs past the end of the response');
      const b = buf[this.pos++];
      u += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
      if (i >= 9) throw new WireError('CORRUPT_RESPONSE', 'a varlong is longer than 10 bytes');
    }
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  string(): string {
    const n = this.int16();
    if (n < 0) throw new WireError('CORRUPT_RESPONSE', 'a null where a string must be');
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  nullableString(): string | null {
    const n = this.int16();
    if (n < 0) return null;
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** int32-length bytes, as a view; null for -1. */
  nullableBytes(): Buffer | null {
    const n = this.int32();
    if (n < 0) return null;
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /**
   * varint-length bytes as a plain Uint8Array view; null for -1. A record's key and value: a
   * Buffer's subarray runs Node's JS constructor of a Buffer, twice per record.
   */
  varView(): Uint8Array | null {
    const n = this.varint();
    if (n < 0) return null;
    this.need(n);
    const b = new Uint8Array(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return b;
  }

  /** varint-length bytes, as a view; null for -1. */
  varBytes(): Buffer | null {
    const n = this.varint();
    if (n < 0) return null;
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  varString(): string {
    const n = this.varint();
    if (n < 0) throw new WireError('CORRUPT_RESPONSE', 'a null where a string must be');
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** An int32-counted array (-1 = null, read as empty). */
  array<T>(item: (r: WireReader) => T): T[] {
    const n = this.int32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(item(this));
    return out;
  }

  skip(n: number): void { this.need(n); this.pos += n; }
}
