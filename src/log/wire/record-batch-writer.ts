// Encodes records as one Kafka record batch (magic 2) in place, at the writer's position: no
// per-record objects, one pass to size each record and one to write it. Gzip is the only codec
// (as kafkajs without codec plugins); its records are written aside, compressed, then copied.
import { gzipSync } from 'node:zlib';
import type { ProducerRecord } from '../log.js';
import { crc32c } from './crc32c.js';
import { WireWriter } from './wire-writer.js';

export const CODEC_NONE = 0;
export const CODEC_GZIP = 1;

export interface BatchProducer { producerId: number; producerEpoch: number; baseSequence: number; transactional?: boolean }

const NO_PRODUCER: BatchProducer = { producerId: -1, producerEpoch: -1, baseSequence: -1 };

/** Bytes of a zigzag varint. */
function varintSize(v: number): number {
  let u = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (u >= 0x80) { u >>>= 7; n++; }
  return n;
}

function varlongSize(v: number): number {
  if (v >= -0x40000000 && v < 0x40000000) return varintSize(v);
  let u = v >= 0 ? v * 2 : -v * 2 - 1;
  let n = 1;
  while (u >= 0x80) { u = Math.floor(u / 0x80); n++; }
  return n;
}

function bytesSize(b: Uint8Array | null): number {
  return b === null ? 1 : varintSize(b.byteLength) + b.byteLength;
}

/**
 * Writes the batch of `records` (all for one partition, in order) at w.pos: baseOffset 0, the
 * broker assigns the offsets. `now` is the timestamp of records without one.
 */
export function writeRecordBatch(w: WireWriter, records: readonly ProducerRecord[], now: number, codec: number, producer: BatchProducer = NO_PRODUCER): void {
  const n = records.length;
  const baseTimestamp = records[0].timestamp ?? now;
  let maxTimestamp = baseTimestamp;
  for (let i = 0; i < n; i++) {
    const t = records[i].timestamp ?? now;
    if (t > maxTimestamp) maxTimestamp = t;
  }
  w.int64(0); // baseOffset
  const lengthAt = w.reserve32();
  w.int32(-1); // partitionLeaderEpoch
  w.int8(2); // magic
  const crcAt = w.reserve32();
  const crcFrom = w.pos;
  w.int16(codec | (producer.transactional ? 0x10 : 0));
  w.int32(n - 1); // lastOffsetDelta
  w.int64(baseTimestamp).int64(maxTimestamp);
  w.int64(producer.producerId).int16(producer.producerEpoch).int32(producer.baseSequence);
  w.int32(n);
  if (codec === CODEC_GZIP) {
    const aside = new WireWriter(4096);
    writeRecords(aside, records, now, baseTimestamp);
    w.raw(gzipSync(aside.view()));
  } else {
    writeRecords(w, records, now, baseTimestamp);
  }
  w.buf.writeInt32BE(w.pos - lengthAt - 4, lengthAt);
  w.buf.writeUInt32BE(crc32c(w.buf, crcFrom, w.pos), crcAt);
}

function writeRecords(w: WireWriter, records: readonly ProducerRecord[], now: number, baseTimestamp: number): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const tsDelta = (r.timestamp ?? now) - baseTimestamp;
    const headers = r.headers;
    let size = 1 + varlongSize(tsDelta) + varintSize(i) + bytesSize(r.key) + bytesSize(r.value);
    const hn = headers?.length ?? 0;
    size += varintSize(hn);
    for (let h = 0; h < hn; h++) {
      const kb = Buffer.byteLength(headers![h].key);
      size += varintSize(kb) + kb + bytesSize(headers![h].value);
    }
    w.varint(size);
    w.ensure(size);
    w.int8(0); // attributes
    w.varlong(tsDelta);
    w.varint(i); // offsetDelta
    w.varBytes(r.key);
    w.varBytes(r.value);
    w.varint(hn);
    for (let h = 0; h < hn; h++) {
      w.varString(headers![h].key);
      w.varBytes(headers![h].value);
    }
  }
}
