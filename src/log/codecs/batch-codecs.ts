// The compression codecs of Kafka record batches (the low 3 bits of a batch's attributes), for
// reading: gzip by node:zlib, snappy and lz4 by decoders of our own, zstd by fzstd (pure JS).
// Producers in the field compress (Java's compression.type, librdkafka's compression.codec, a
// topic's own compression.type makes the broker recompress), so a consumer must read them all.
// kafkajs reads gzip only without plugins; the same decoders are registered with it for the
// paths it carries records on (SASL). Eddy itself produces uncompressed or gzip batches.
import { gunzipSync } from 'node:zlib';
import kafkajs from 'kafkajs';
import { decompress as zstdDecompress } from 'fzstd';
import { snappyDecompress } from './snappy.js';
import { lz4Decompress } from './lz4-frame.js';

const { CompressionTypes, CompressionCodecs } = kafkajs;

export const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** A batch's records section, decompressed; undefined for a codec Kafka does not define. */
export function decompressRecords(codec: number, data: Uint8Array): Buffer | undefined {
  switch (codec) {
    case 1: return gunzipSync(data);
    case 2: return asBuffer(snappyDecompress(data));
    case 3: return asBuffer(lz4Decompress(data));
    case 4: return asBuffer(zstdDecompress(data));
    default: return undefined;
  }
}

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

let registered = false;

/** Lets kafkajs read snappy, lz4 and zstd batches with these decoders (once per process). */
export function registerKafkajsCodecs(): void {
  if (registered) return;
  registered = true;
  const codec = (name: string, decode: (b: Uint8Array) => Uint8Array) => () => ({
    compress: async (): Promise<Buffer> => { throw new Error(`Eddy does not produce ${name} batches (compression: none or gzip)`); },
    decompress: async (buffer: Buffer): Promise<Buffer> => asBuffer(decode(buffer)),
  });
  // kafkajs holds a stub for each that throws "not implemented".
  const codecs = CompressionCodecs as Record<number, unknown>;
  codecs[CompressionTypes.Snappy] = codec('snappy', snappyDecompress);
  codecs[CompressionTypes.LZ4] = codec('lz4', lz4Decompress);
  codecs[CompressionTypes.ZSTD] = codec('zstd', zstdDecompress);
}
