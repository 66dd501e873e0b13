// The codecs Kafka producers compress record batches with, read back: fixtures written by the
// compressors of Kafka's Java producer (kafka-clients' Compression: snappy-java's xerial framing,
// its LZ4 frame writer, zstd-jni) and raw Snappy as librdkafka writes it
// (test/fixtures/codecs/MakeCodecFixtures.java). Damaged data fails with an error naming the
// codec, never with an out-of-bounds read or a hang.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decompressRecords } from '../../src/log/codecs/batch-codecs.js';
import { snappyDecompress } from '../../src/log/codecs/snappy.js';
import { lz4Decompress } from '../../src/log/codecs/lz4-frame.js';
import { CodecError } from '../../src/log/codecs/codec-error.js';

const dir = join(__dirname, '..', 'fixtures', 'codecs');
const fixture = (name: string): Buffer => readFileSync(join(dir, name));
const payload = gunzipSync(fixture('payload.bin.gz'));
const small = fixture('small.bin');
const CODEC = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

describe('record batch codecs', () => {
  it('read what Kafka\'s Java producer writes, in several blocks (snappy, lz4, zstd) and in one', () => {
    expect(payload.length).toBeGreaterThan(64 * 1024); // more than one lz4 (64 KB) and snappy (32 KB) block
    for (const [file, codec] of [['snappy-java.bin', CODEC.snappy], ['lz4-java.bin', CODEC.lz4], ['zstd-java.bin', CODEC.zstd]] as const) {
      expect(Buffer.compare(decompressRecords(codec, fixture(file))!, payload), file).toBe(0);
      expect(Buffer.compare(decompressRecords(codec, fixture(`small-${file}`))!, small), `small-${file}`).toBe(0);
    }
  });

  it('reads raw Snappy (librdkafka\'s framing) and gzip', () => {
    expect(Buffer.compare(decompressRecords(CODEC.snappy, fixture('snappy-raw.bin'))!, payload)).toBe(0);
    expect(Buffer.compare(decompressRecords(CODEC.gzip, gzipSync(payload))!, payload)).toBe(0);
  });

  it('answers undefined for a codec Kafka does not define', () => {
    expect(decompressRecords(5, small)).toBeUndefined();
  });

  it('fails damaged snappy and lz4 data with a CodecError (or reads other bytes), never out of bounds', () => {
    const inputs = [fixture('snappy-java.bin'), fixture('snappy-raw.bin'), fixture('lz4-java.bin'), fixture('small-lz4-java.bin'), fixture('small-snappy-java.bin')];
    const decoders = [snappyDecompress, snappyDecompress, lz4Decompress, lz4Decompress, snappyDecompress];
    fc.assert(fc.property(fc.integer({ min: 0, max: inputs.length - 1 }), fc.nat(), fc.nat(255), fc.boolean(), (which, at, byte, cut) => {
      const src = inputs[which];
      const pos = at % src.length;
      const damaged = cut ? src.subarray(0, pos) : Buffer.from(src);
      if (!cut) damaged[pos] = byte;
      try {
        const out = decoders[which](damaged);
        expect(out).toBeInstanceOf(Uint8Array);
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(CodecError);
      }
    }), { numRuns: 3000 });
  });

  it('names what is wrong', () => {
    expect(() => snappyDecompress(fixture('snappy-raw.bin').subarray(0, 100))).toThrow(/^snappy data is malformed: /);
    expect(() => lz4Decompress(Buffer.from('not lz4 at all'))).toThrow(/^lz4 data is malformed: no frame at byte 0/);
    expect(() => decompressRecords(CODEC.zstd, Buffer.from('not zstd at all'))).toThrow();
  });
});
