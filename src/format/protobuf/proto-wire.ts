// The protobuf wire format, by hand: varints (zigzag for sint*), fixed 32/64-bit little-endian
// values and length-delimited parts. A reader over a byte range and a writer into one growing
// scratch buffer (a nested message reserves one length byte and shifts its body only when the
// length needs more), so encoding a record allocates only its output.
import { long, type Long } from '../../values/long.js';
import { Failure } from '../serde-failure.js';

export const WT_VARINT = 0;
export const WT_FIXED64 = 1;
export const WT_LEN = 2;
export const WT_FIXED32 = 5;

const TWO_32 = 4294967296;

export class ProtoReader {
  pos: number;
  constructor(public buf: Uint8Array, start: number, public end: number) {
    this.pos = start;
  }

  /** Points this reader at another range (one reader serves every record of a serde). */
  reset(buf: Uint8Array, start: number, end: number): this {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    return this;
  }

  private truncated(): never {
    throw new Failure('truncated protobuf data');
  }

  /** An unsigned varint of up to 32 bits (tags, lengths, int32 values' low bits). */
  uint32(): number {
    const b = this.buf;
    let v = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) this.truncated();
      const c = b[this.pos++];
      if (shift < 32) v |= (c & 0x7f) << shift;
      if (c < 0x80) return v >>> 0;
      shift += 7;
    }
    throw new Failure('malformed varint in protobuf data');
  }

  /** int32 as Java reads it: the low 32 bits of the varint, signed. */
  int32(): number {
    return this.uint32() | 0;
  }

  sint32(): number {
    const n = this.uint32();
    return (n >>> 1) ^ -(n & 1);
  }

  /** A 64-bit varint as a BIGINT (values/long.ts): signed unless `unsigned`. */
  int64(unsigned = false): Long {
    const b = this.buf;
    let lo = 0;
    let hi = 0;
    let i = 0;
    for (; i < 4; i++) {
      if (this.pos >= this.end) this.truncated();
      const c = b[this.pos++];
      lo |= (c & 0x7f) << (i * 7);
      if (c < 0x80) return lo >>> 0;
    }
    if (this.pos >= this.end) this.truncated();
    let c = b[this.pos++];
    lo |= (c & 0x7f) << 28;
    hi = (c & 0x7f) >> 4;
    if (c >= 0x80) {
      for (i = 0; i < 5; i++) {
        if (this.pos >= this.end) this.truncated();
        c = b[this.pos++];
        hi |= (c & 0x7f) << (i * 7 + 3);
        if (c < 0x80) break;
        if (i === 4) throw new Failure('malformed varint in protobuf data');
      }
    }
    return combine(lo >>> 0, unsigned ? hi >>> 0 : hi | 0);
  }

  sint64(): Long {
    // zigzag over 64 bits: read unsigned halves, then undo.
    const start = this.pos;
    const u = this.int64(true);
    if (typeof u === 'number') return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
    this.pos = start;
    const big = this.bigVarint();
    return long((big >> 1n) ^ -(big & 1n));
  }

  private bigVarint(): bigint {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) this.truncated();
      const c = this.buf[this.pos++];
      v |= BigInt(c & 0x7f) << shift;
      if (c < 0x80) return v;
      shift += 7n;
    }
  }

  bool(): boolean {
    return this.uint32() !== 0;
  }

  fixed32(): number {
    if (this.pos + 4 > this.end) this.truncated();
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  sfixed32(): number {
    return this.fixed32() | 0;
  }

  fixed64(signed: boolean): Long {
    const lo = this.fixed32();
    const hi = this.fixed32();
    return combine(lo, signed ? hi | 0 : hi);
  }

  float(): number {
    if (this.pos + 4 > this.end) this.truncated();
    const v = view(this.buf).getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  double(): number {
    if (this.pos + 8 > this.end) this.truncated();
    const v = view(this.buf).getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** The bounds of a length-delimited part; the reader moves past it. */
  len(): number {
    const n = this.uint32();
    if (this.pos + n > this.end) this.truncated();
    const start = this.pos;
    this.pos += n;
    return start;
  }

  string(): string {
    const start = this.len();
    return utf8.decode(this.buf.subarray(start, this.pos));
  }

  bytes(): Uint8Array {
    const start = this.len();
    return this.buf.slice(start, this.pos);
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WT_VARINT: this.int64(true); return;
      case WT_FIXED64: this.pos += 8; break;
      case WT_LEN: this.len(); return;
      case WT_FIXED32: this.pos += 4; break;
      case 3: { // a group: skip to its end tag
        for (;;) {
          const tag = this.uint32();
          if ((tag & 7) === 4) return;
          this.skip(tag & 7);
        }
      }
      default: throw new Failure(`invalid wire type ${wireType} in protobuf data`);
    }
    if (this.pos > this.end) this.truncated();
  }
}

/** hi·2^32 + lo as a BIGINT: exact, a bigint past 2^53 (values/long.ts; unsigned past 2^63 wraps, as Java's long). */
function combine(lo: number, hi: number): Long {
  const n = hi * TWO_32 + lo;
  return Number.isSafeInteger(n) ? n : long((BigInt(hi) << 32n) + BigInt(lo));
}

const views = new WeakMap<ArrayBufferLike, DataView>();
function view(b: Uint8Array): DataView {
  // Offsets are relative to the Uint8Array, so the DataView must share its byteOffset.
  if (b.byteOffset === 0) {
    let v = views.get(b.buffer);
    if (!v) views.set(b.buffer, (v = new DataView(b.buffer)));
    return v;
  }
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

const utf8 = new TextDecoder('utf-8');

/** Appends protobuf values to a scratch buffer shared by all writers (serialize is synchronous). */
export class ProtoWriter {
  buf: Buffer = Buffer.allocUnsafe(64 * 1024);
  pos = 0;
  private readonly marks: number[] = [];

  reset(at: number): void {
    this.pos = at;
    this.marks.length = 0;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  tag(field: number, wireType: number): void {
    this.uint32(((field << 3) | wireType) >>> 0);
  }

  uint32(v: number): void {
    this.room(5);
    const b = this.buf;
    while (v > 0x7f) {
      b[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[this.pos++] = v;
  }

  /** int32 as Java writes it: negatives sign-extended to a 10-byte varint. */
  int32(v: number): void {
    if (v >= 0) this.uint32(v);
    else this.int64(v);
  }

  sint32(v: number): void {
    this.uint32(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** A 64-bit varint of an integral number or bigint (two's complement for negatives). */
  int64(v: Long): void {
    if (typeof v === 'number' && v >= 0 && v <= 0xffffffff) { this.uint32(v); return; }
    let u = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
    this.room(10);
    const b = this.buf;
    while (u > 0x7fn) {
      b[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    b[this.pos++] = Number(u);
  }

  sint64(v: Long): void {
    const n = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    const z = BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
    this.int64Big(z);
  }

  private int64Big(u: bigint): void {
    this.room(10);
    const b = this.buf;
    while (u > 0x7fn) {
      b[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    b[this.pos++] = Number(u);
  }

  fixed32(v: number): void {
    this.room(4);
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }

  fixed64(v: Long): void {
    this.room(8);
    this.buf.writeBigUInt64LE(BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(v))), this.pos);
    this.pos += 8;
  }

  float(v: number): void {
    this.room(4);
    this.buf.writeFloatLE(v, this.pos);
    this.pos += 4;
  }

  double(v: number): void {
    this.room(8);
    this.buf.writeDoubleLE(v, this.pos);
    this.pos += 8;
  }

  string(s: string): void {
    // At most 3 bytes per UTF-16 unit: reserve that, write, then fix the length.
    this.room(5 + s.length * 3);
    this.begin();
    this.pos += this.buf.write(s, this.pos, 'utf8');
    this.end();
  }

  bytes(b: Uint8Array): void {
    this.uint32(b.length);
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Starts a length-delimited part (a message, a packed array): one length byte reserved. */
  begin(): void {
    this.room(1);
    this.marks.push(this.pos);
    this.pos++;
  }

  end(): void {
    const start = this.marks.pop()!;
    const len = this.pos - start - 1;
    if (len < 0x80) { this.buf[start] = len; return; }
    let size = 1;
    for (let l = len; l > 0x7f; l >>>= 7) size++;
    this.room(size - 1);
    this.buf.copy(this.buf, start + size, start + 1, this.pos);
    this.pos += size - 1;
    const save = this.pos;
    this.pos = start;
    this.uint32(len);
    this.pos = save;
  }

  /** A copy of [from, pos) (the scratch buffer is reused by the next record). */
  take(from: number): Uint8Array {
    const out = Buffer.from(this.buf.subarray(from, this.pos));
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }
}

/** Confluent's message indexes: zigzag count, then zigzag indexes; [0] as the single byte 0. */
export function writeMessageIndexes(w: ProtoWriter, path: readonly number[]): void {
  if (path.length === 1 && path[0] === 0) { w.byte(0); return; }
  w.sint32(path.length);
  for (const i of path) w.sint32(i);
}

export function readMessageIndexes(r: ProtoReader): number[] {
  const n = r.sint32();
  if (n === 0) return [0];
  if (n < 0 || n > 100) throw new Failure(`invalid message index count ${n}`);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = r.sint32();
  return out;
}
