// LZ4 decompression, for record batches a producer compressed with compression.type=lz4. Kafka
// (message format v2) writes the LZ4 frame format (lz4's doc/lz4_Frame_format.md): a header,
// blocks each prefixed by its size (the high bit: stored uncompressed), an end mark, optional
// checksums (skipped: the batch's CRC covers the bytes). Blocks may refer back into earlier ones
// (block independence off), so all are decoded into one growing output. Malformed input throws
// a CodecError, never reads or writes out of bounds.
import { CodecError } from './codec-error.js';
import { copyBack, copyBytes } from './byte-copy.js';

const FRAME_MAGIC = 0x184d2204;
/** Skippable frames: 0x184D2A50 to 0x184D2A5F. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE = 0x184d2a50;
const MIN_MATCH = 4;

export function lz4Decompress(input: Uint8Array): Uint8Array {
  const out = new Output(input.length * 4);
  let p = 0;
  while (p < input.length) {
    const magic = u32(input, p);
    if (((magic & SKIPPABLE_MASK) >>> 0) === SKIPPABLE) { p += 8 + u32(input, p + 4); continue; }
    if (magic !== FRAME_MAGIC) throw new CodecError('lz4', `no frame at byte ${p} (magic ${magic.toString(16)})`);
    p = frame(input, p + 4, out);
  }
  return out.bytes();
}

/** One frame from its descriptor at p; returns where it ends. */
function frame(input: Uint8Array, p: number, out: Output): number {
  if (p + 3 > input.length) throw new CodecError('lz4', 'the frame header is cut off');
  const flg = input[p];
  if (flg >>> 6 !== 1) throw new CodecError('lz4', `frame version ${flg >>> 6}`);
  const blockChecksum = (flg & 0x10) !== 0;
  const contentSize = (flg & 0x08) !== 0;
  const contentChecksum = (flg & 0x04) !== 0;
  const dictId = (flg & 0x01) !== 0;
  p += 2 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1; // FLG, BD, sizes, header checksum
  for (;;) {
    if (p + 4 > input.length) throw new CodecError('lz4', 'a block size is cut off');
    const word = u32(input, p);
    p += 4;
    if (word === 0) break; // end mark
    const stored = (word & 0x80000000) !== 0;
    const size = word & 0x7fffffff;
    if (p + size > input.length) throw new CodecError('lz4', `a block of ${size} bytes is cut off`);
    if (stored) out.append(input, p, p + size);
    else block(input, p, p + size, out);
    p += size + (blockChecksum ? 4 : 0);
  }
  return p + (contentChecksum ? 4 : 0);
}

/** One compressed block in input[p, end): sequences of literals then a match; the last has no match. */
function block(input: Uint8Array, p: number, end: number, out: Output): void {
  while (p < end) {
    const token = input[p++];
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (p >= end) throw new CodecError('lz4', 'a literal length is cut off');
        b = input[p++];
        lit += b;
      } while (b === 255);
    }
    if (p + lit > end) throw new CodecError('lz4', 'literals run past their block');
    out.append(input, p, p + lit);
    p += lit;
    if (p === end) return; // the last sequence
    if (p + 2 > end) throw new CodecError('lz4', 'a match offset is cut off');
    const offset = input[p] | (input[p + 1] << 8);
    p += 2;
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (p >= end) throw new CodecError('lz4', 'a match length is cut off');
        b = input[p++];
        len += b;
      } while (b === 255);
    }
    out.repeat(offset, len + MIN_MATCH);
  }
}

function u32(b: Uint8Array, p: number): number {
  if (p + 4 > b.length) throw new CodecError('lz4', 'cut off');
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

/** The decompressed bytes so far, in a buffer that doubles as needed. */
class Output {
  private buf: Uint8Array;
  private n = 0;

  constructor(initial: number) { this.buf = new Uint8Array(Math.max(64, initial)); }

  private room(more: number): void {
    if (this.n + more <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + more));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  append(src: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    copyBytes(src, from, this.buf, this.n, to - from);
    this.n += to - from;
  }

  repeat(offset: number, len: number): void {
    if (offset === 0 || offset > this.n) throw new CodecError('lz4', 'a match reaches outside the data');
    this.room(len);
    copyBack(this.buf, this.n, offset, len);
    this.n += len;
  }

  bytes(): Uint8Array { return this.buf.subarray(0, this.n); }
}
