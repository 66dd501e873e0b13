// Eddy's own Kafka record-batch codec (src/log/wire): what it writes reads back the same, as
// the broker stores it (the CRC Kafka checks covers it), and a reader skips what a fetch may
// carry besides whole records: a batch cut off at the end, records before the offset asked for.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { writeRecordBatch, CODEC_GZIP, CODEC_NONE } from '../../../src/log/wire/record-batch-writer.js';
import { readRecordBatches } from '../../../src/log/wire/record-batch-reader.js';
import { crc32c } from '../../../src/log/wire/crc32c.js';
import { WireWriter } from '../../../src/log/wire/wire-writer.js';
import { WireReader } from '../../../src/log/wire/wire-reader.js';
import type { LogRecord, ProducerRecord } from '../../../src/log/log.js';

const b = (s: string): Buffer => Buffer.from(s);
const text = (x: Uint8Array | null): string | null => (x === null ? null : Buffer.from(x).toString());

/** A batch as the broker hands it back: baseOffset set (the producer writes 0). */
function batchAt(base: number, records: ProducerRecord[], codec = CODEC_NONE, now = 1_700_000_000_000): Buffer {
  const w = new WireWriter(64);
  writeRecordBatch(w, records, now, codec);
  const out = Buffer.from(w.view());
  out.writeUInt32BE(Math.floor(base / 2 ** 32), 0);
  out.writeUInt32BE(base % 2 ** 32, 4);
  return out;
}

function read(data: Buffer, from = 0): { recs: LogRecord[]; first: number; last: number } {
  const recs: LogRecord[] = [];
  const range = readRecordBatches('t', 3, data, from, null, recs, true);
  return { recs, ...range };
}

describe('wire primitives', () => {
  it('round-trip varints and varlongs at their edges', () => {
    const ints = [0, 1, -1, 63, 64, -64, -65, 8191, 8192, 2 ** 31 - 1, -(2 ** 31)];
    const longs = [...ints, 2 ** 40, -(2 ** 40), 2 ** 52 - 1, -(2 ** 52), 1_700_000_000_000];
    const w = new WireWriter(4);
    for (const v of ints) w.varint(v);
    for (const v of longs) w.varlong(v);
    w.int64(-1).int64(2 ** 53 - 1).string('héllo').nullableString(null);
    const r = new WireReader(Buffer.from(w.view()));
    expect(ints.map(() => r.varint())).toEqual(ints);
    expect(longs.map(() => r.varlong())).toEqual(longs);
    expect([r.int64(), r.int64(), r.string(), r.nullableString(), r.remaining]).toEqual([-1, 2 ** 53 - 1, 'héllo', null, 0]);
  });

  it('computes CRC-32C as Kafka does (the standard check value)', () => {
    expect(crc32c(b('123456789'))).toBe(0xe3069283);
  });
});

describe('record batches', () => {
  const records: ProducerRecord[] = [
    { key: b('k1'), value: b('v1'), timestamp: 1_700_000_000_500 },
    { key: null, value: b(''), timestamp: 1_699_999_999_000 }, // earlier than the first: a negative delta
    { key: b(''), value: null, timestamp: 1_700_000_000_500 + 2 ** 33 }, // a delta past 32 bits
    { key: b('h'), value: b('x'), headers: [{ key: 'a', value: b('1') }, { key: 'ñ', value: null }, { key: 'a', value: b('2') }] },
  ];

  it('reads back keys, values, nulls, timestamps and headers in order, with offsets from the base', () => {
    const { recs, first, last } = read(batchAt(41, records));
    expect([first, last]).toEqual([41, 44]);
    expect(recs.map((r) => [r.topic, r.partition, r.offset, text(r.key), text(r.value), r.timestamp])).toEqual([
      ['t', 3, 41, 'k1', 'v1', 1_700_000_000_500],
      ['t', 3, 42, null, '', 1_699_999_999_000],
      ['t', 3, 43, '', null, 1_700_000_000_500 + 2 ** 33],
      ['t', 3, 44, 'h', 'x', 1_700_000_000_000], // no timestamp: `now`
    ]);
    expect(recs[3].headers.map((h) => [h.key, text(h.value)])).toEqual([['a', '1'], ['ñ', null], ['a', '2']]);
    expect(recs[0].headers).toEqual([]);
  });

  it('writes a CRC over attributes..end and the lengths the broker checks', () => {
    const data = batchAt(0, records);
    expect(data.readInt32BE(8)).toBe(data.length - 12); // batchLength
    expect(data.readInt8(16)).toBe(2); // magic
    expect(data.readUInt32BE(17)).toBe(crc32c(data, 21, data.length));
    expect(data.readInt32BE(57)).toBe(records.length);
    const corrupt = Buffer.from(data);
    corrupt[corrupt.length - 1] ^= 0xff;
    expect(() => read(corrupt)).toThrow(/fails its CRC/);
  });

  it('compresses with gzip and reads gzip batches', () => {
    const data = batchAt(7, records, CODEC_GZIP);
    expect(data.readInt16BE(21) & 7).toBe(CODEC_GZIP);
    expect(() => gunzipSync(data.subarray(61))).not.toThrow();
    expect(read(data).recs.map((r) => [r.offset, text(r.value)])).toEqual([[7, 'v1'], [8, ''], [9, null], [10, 'x']]);
  });

  it('skips records before the offset asked for, and leaves a batch cut off at the end for the next fetch', () => {
    const one = batchAt(10, records.slice(0, 2));
    const two = batchAt(12, records.slice(2));
    const whole = Buffer.concat([one, two]);
    expect(read(whole, 11).recs.map((r) => r.offset)).toEqual([11, 12, 13]);
    const cut = read(whole.subarray(0, whole.length - 5));
    expect([cut.recs.map((r) => r.offset), cut.first, cut.last]).toEqual([[10, 11], 10, 11]);
  });

  it('refuses message formats before v2, codecs Kafka does not define and data that does not decompress, naming the partition and offset', () => {
    const data = batchAt(5, records);
    const v1 = Buffer.from(data);
    v1.writeInt8(1, 16);
    expect(() => readRecordBatches('t', 0, v1, 0, null, [])).toThrow(/t\/0 at offset 5 holds message format v1/);
    const zstd = Buffer.from(data); // the attributes say zstd, the records are not
    zstd.writeInt16BE(4, 21);
    expect(() => readRecordBatches('t', 0, zstd, 0, null, [])).toThrow(/^the zstd record batch of t\/0 at offset 5 does not decompress: /);
    const codec6 = Buffer.from(data);
    codec6.writeInt16BE(6, 21);
    expect(() => readRecordBatches('t', 0, codec6, 0, null, [])).toThrow(/t\/0 at offset 5 is compressed with codec 6, which Kafka does not define/);
  });
});
