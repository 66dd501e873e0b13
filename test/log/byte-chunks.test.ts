// Records produced as bytes are stored by column (log/byte-chunk.ts), 4,096 to a chunk: across
// chunk boundaries every read and every poll gives back each record as it was produced (key,
// value, timestamp, headers), each read a record of its own.
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { LogRecord, ProducerRecord } from '../../src/log/log.js';
import { Rng } from '../../src/ml/rng.js';

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));
const view = (r: ProducerRecord | LogRecord): string =>
  JSON.stringify([text(r.key), text(r.value), r.timestamp, (r.headers ?? []).map((h) => [h.key, text(h.value)])]);

function randomRecords(rng: Rng, n: number): ProducerRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    key: rng.next() < 0.3 ? null : Buffer.from(`k${i % 50}`),
    value: rng.next() < 0.05 ? null : Buffer.from(`{"I":${i}}`),
    timestamp: 1_000 + i,
    headers: rng.next() < 0.1 ? [{ key: 'h', value: Buffer.from(`v${i}`) }] : undefined,
  }));
}

describe('records of bytes stored by column', () => {
  it('reads back every record as produced, across chunks, at any offset and batch size', async () => {
    const rng = new Rng(5);
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    const produced = randomRecords(rng, 10_000);
    for (let i = 0; i < produced.length; i += 777) await log.produce('t', produced.slice(i, i + 777));
    for (let k = 0; k < 50; k++) {
      const from = Math.floor(rng.next() * produced.length);
      const max = 1 + Math.floor(rng.next() * 5000);
      const got = await log.read('t', 0, from, max);
      expect(got.length).toBe(Math.min(max, produced.length - from));
      got.forEach((r, j) => {
        expect(r.offset).toBe(from + j);
        expect(view(r)).toBe(view(produced[from + j]));
      });
    }
    const c = log.consumer({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest' });
    const polled: LogRecord[] = [];
    for (let got = await c.poll({ maxRecords: 1500 }); got.length > 0; got = await c.poll({ maxRecords: 1500 })) polled.push(...got);
    expect(polled.map(view)).toEqual(produced.map(view));
    await c.close();
  });

  it('gives each read its own record object, sharing the produced bytes', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    const value = Buffer.from('{"A":1}');
    await log.produce('t', [{ key: null, value }]);
    const [a] = await log.read('t', 0, 0, 1);
    const [b] = await log.read('t', 0, 0, 1);
    expect(a).not.toBe(b);
    expect(a.value).toBe(value); // queries reading one topic share a decode by the bytes' identity
    expect(b.value).toBe(value);
  });
});
