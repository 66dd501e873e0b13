// Decodes the record batches (magic 2) of a fetched partition straight into LogRecords: keys and
// values are views of the response, records without headers share one empty list. With
// read_committed, records of aborted transactions and control records (markers) are left out,
// as Kafka's own consumer does; the offsets they hold still count as read (see `covered`).
import type { Header, LogRecord } from '../log.js';
import { crc32c } from './crc32c.js';
import { WireReader } from './wire-reader.js';
import { WireError } from './wire-errors.js';
import { CODEC_NAMES, decompressRecords } from '../codecs/batch-codecs.js';

const NO_HEADERS = Object.freeze([]) as unknown as Header[];
/** Bytes of a batch before its records: baseOffset to recordsCount. */
const BATCH_HEADER = 61;

export interface AbortedTransaction { producerId: number; firstOffset: number }

export interface DecodedRange {
  /** The first and last offsets of the whole batches read (records, markers, aborted alike); -1 if none. */
  first: number;
  last: number;
}

/**
 * Appends the records at or after `from` in `data` (a fetch response's records field) to `out`.
 * A batch cut off at the end of the response (the broker sends whole batches up to a size
 * limit, so the last one may be partial) is left for the next fetch.
 */
export function readRecordBatches(topic: string, partition: number, data: Buffer, from: number,
  aborted: AbortedTransaction[] | null, out: LogRecord[], verifyCrc = false): DecodedRange {
  const range: DecodedRange = { first: -1, last: -1 };
  const r = new WireReader(data);
  const abortedSorted = aborted && aborted.length > 0 ? [...aborted].sort((a, b) => a.firstOffset - b.firstOffset) : null;
  let nextAborted = 0;
  const abortedIds = new Set<number>();
  while (r.remaining >= 12) {
    const baseOffset = r.int64();
    const length = r.int32();
    if (r.remaining < length) break; // partial batch
    const end = r.pos + length;
    if (length < BATCH_HEADER - 12) throw new WireError('CORRUPT_MESSAGE', `a record batch of ${topic}/${partition} at offset ${baseOffset} is ${length} bytes`);
    r.skip(4); // partitionLeaderEpoch
    const magic = r.int8();
    if (magic !== 2) {
      throw new WireError('UNSUPPORTED_FOR_MESSAGE_FORMAT', `${topic}/${partition} at offset ${baseOffset} holds message format v${magic}; Eddy reads v2 (Kafka 0.11 and later)`);
    }
    const crc = r.uint32();
    if (verifyCrc && crc32c(data, r.pos, end) !== crc) {
      throw new WireError('CORRUPT_MESSAGE', `the record batch of ${topic}/${partition} at offset ${baseOffset} fails its CRC`, true);
    }
    const attributes = r.int16();
    const lastOffsetDelta = r.int32();
    const baseTimestamp = r.int64();
    const maxTimestamp = r.int64();
    const producerId = r.int64();
    r.skip(6); // producerEpoch, baseSequence
    const count = r.int32();
    const lastOffset = baseOffset + lastOffsetDelta;
    if (range.first < 0) range.first = baseOffset;
    range.last = lastOffset;
    const isControl = (attributes & 0x20) !== 0;
    const isTransactional = (attributes & 0x10) !== 0;
    if (abortedSorted) {
      while (nextAborted < abortedSorted.length && abortedSorted[nextAborted].firstOffset <= lastOffset) {
        abortedIds.add(abortedSorted[nextAborted++].producerId);
      }
    }
    if (isControl) {
      // An ABORT marker (control key type 0) ends its producer's aborted transaction.
      if (abortedIds.has(producerId) && count > 0) {
        const rec = new WireReader(data, r.pos, end);
        rec.varint(); rec.int8(); rec.varlong(); rec.varint();
        const key = rec.varBytes();
        if (key && key.length >= 4 && key.readInt16BE(2) === 0) abortedIds.delete(producerId);
      }
      r.pos = end;
      continue;
    }
    if ((isTransactional && abortedIds.has(producerId)) || lastOffset < from) {
      r.pos = end;
      continue;
    }
    const codec = attributes & 0x07;
    const logAppendTime = (attributes & 0x08) !== 0;
    let recs: WireReader;
    if (codec === 0) {
      recs = new WireReader(data, r.pos, end);
    } else {
      let plain: Buffer | undefined;
      try {
        plain = decompressRecords(codec, data.subarray(r.pos, end));
      } catch (e) {
        throw new WireError('CORRUPT_MESSAGE', `the ${CODEC_NAMES[codec]} record batch of ${topic}/${partition} at offset ${baseOffset} does not decompress: ${(e as Error).message}`);
      }
      if (plain === undefined) throw new WireError('UNSUPPORTED_COMPRESSION_TYPE', `${topic}/${partition} at offset ${baseOffset} is compressed with codec ${codec}, which Kafka does not define`);
      recs = new WireReader(plain);
    }
    for (let i = 0; i < count; i++) {
      recs.varint(); // length
      recs.skip(1); // attributes
      const tsDelta = recs.varlong();
      const offset = baseOffset + recs.varint();
      const key = recs.varView();
      const value = recs.varView();
      const hn = recs.varint();
      let headers = NO_HEADERS;
      if (hn > 0) {
        headers = [];
        for (let h = 0; h < hn; h++) headers.push({ key: recs.varString(), value: recs.varView() });
      }
      if (offset < from) continue;
      out.push({ topic, partition, offset, key, value, timestamp: logAppendTime ? maxTimestamp : baseTimestamp + tsDelta, headers });
    }
    r.pos = end;
  }
  return range;
}
