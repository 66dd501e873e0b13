// Snappy decompression, for record batches a producer compressed with compression.type=snappy.
// Two framings reach a Kafka consumer: the Java producer's (snappy-java's SnappyOutputStream:
// the "\x82SNAPPY\0" header, two versions, then blocks each prefixed by its length) and
// librdkafka's (one raw Snappy block). Both are read here; the format of a raw block is
// google/snappy's format_description.txt. Malformed input throws a CodecError, never reads or
// writes out of bounds.
import { CodecError } from './codec-error.js';
import { copyBack, copyBytes } from './byte-copy.js';

const XERIAL_MAGIC = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];
/** Magic (8 bytes), version and compatible version (4 bytes each). */
const XERIAL_HEADER = 16;
/** Bytes out per byte in, at most (a 3-byte copy of 64 bytes). */
const MAX_EXPANSION = 22;

export function snappyDecompress(input: Uint8Array): Uint8Array {
  if (!isXerial(input)) return rawBlock(input, 0, input.length);
  // The blocks decoded one by one, then joined (each declares its own length).
  const parts: Uint8Array[] = [];
  let total = 0;
  let p = XERIAL_HEADER;
  while (p < input.length) {
    if (p + 4 > input.length) throw new CodecError('snappy', 'a block length is cut off');
    const n = ((input[p] << 24) | (input[p + 1] << 16) | (input[p + 2] << 8) | input[p + 3]) >>> 0;
    p += 4;
    if (p + n > input.length) throw new CodecError('snappy', `a block of ${n} bytes is cut off`);
    const block = rawBlock(input, p, p + n);
    parts.push(block);
    total += block.length;
    p += n;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of parts) { out.set(b, at); at += b.length; }
  return out;
}

function isXerial(input: Uint8Array): boolean {
  if (input.length < XERIAL_HEADER) return false;
  for (let i = 0; i < XERIAL_MAGIC.length; i++) if (input[i] !== XERIAL_MAGIC[i]) return false;
  return true;
}

/** One raw Snappy block in input[start, end): its length (a varint), then literals and copies. */
function rawBlock(input: Uint8Array, start: number, end: number): Uint8Array {
  let p = start;
  let size = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end || shift > 28) throw new CodecError('snappy', 'bad block length');
    const b = input[p++];
    size += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  // No element yields more than 64 bytes from 3 (a copy): a larger size is a damaged length.
  if (size > (end - p) * MAX_EXPANSION) throw new CodecError('snappy', `a block of ${end - start} bytes declares ${size} bytes`);
  const out = new Uint8Array(size);
  let o = 0;
  while (p < end) {
    const tag = input[p++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        if (p + bytes > end) throw new CodecError('snappy', 'a literal length is cut off');
        len = 0;
        for (let i = 0; i < bytes; i++) len += input[p + i] * 2 ** (8 * i);
        p += bytes;
      }
      len += 1;
      if (p + len > end || o + len > size) throw new CodecError('snappy', 'a literal runs past its block');
      copyBytes(input, p, out, o, len);
      p += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (p >= end) throw new CodecError('snappy', 'a copy is cut off');
      len = 4 + ((tag >>> 2) & 7);
      offset = ((tag >>> 5) << 8) | input[p++];
    } else if (kind === 2) {
      if (p + 2 > end) throw new CodecError('snappy', 'a copy is cut off');
      len = 1 + (tag >>> 2);
      offset = input[p] | (input[p + 1] << 8);
      p += 2;
    } else {
      if (p + 4 > end) throw new CodecError('snappy', 'a copy is cut off');
      len = 1 + (tag >>> 2);
      offset = (input[p] | (input[p + 1] << 8) | (input[p + 2] << 16) | (input[p + 3] << 24)) >>> 0;
      p += 4;
    }
    if (offset === 0 || offset > o || o + len > size) throw new CodecError('snappy', 'a copy reaches outside the data');
    copyBack(out, o, offset, len);
    o += len;
  }
  if (o !== size) throw new CodecError('snappy', `a block declares ${size} bytes and holds ${o}`);
  return out;
}
