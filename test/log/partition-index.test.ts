// A MemoryLog partition's per-record index (log/partition-index.ts) kept in blocks: entries read
// back as pushed across block boundaries and growths, dropping dead blocks moves later indexes
// down by whole blocks, and a log that deletes and compacts tens of thousands of records (many
// blocks) still reads every live record at its offset.
import { describe, expect, it } from 'vitest';
import { PartitionIndex } from '../../src/log/partition-index.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { Rng } from '../../src/ml/rng.js';

describe('PartitionIndex', () => {
  it('gives back every entry as pushed, across growths and blocks, and finds offsets', () => {
    const x = new PartitionIndex<{ id: number }>();
    const holders = Array.from({ length: 10 }, (_, id) => ({ id }));
    const n = 3 * 4096 + 77;
    for (let i = 0; i < n; i++) x.push(holders[i % 10], i % 4096, 2 * i + 5, 3 * i + 2 ** 33);
    expect(x.length).toBe(n);
    for (const i of [0, 15, 16, 63, 64, 255, 256, 1023, 1024, 4095, 4096, 8191, 8192, n - 1]) {
      expect([x.holder(i).id, x.place(i), x.offset(i), x.seq(i)]).toEqual([i % 10, i % 4096, 2 * i + 5, 3 * i + 2 ** 33]);
    }
    expect(x.indexOf(5, 0)).toBe(0);
    expect(x.indexOf(6, 0)).toBe(1); // between two offsets: the next one
    expect(x.indexOf(2 * 9000 + 5, 100)).toBe(9000);
    expect(x.indexOf(2 * n + 5, 0)).toBe(n); // past the end
  });

  it('drops whole dead blocks only, and later indexes move down by them', () => {
    const x = new PartitionIndex<string>();
    for (let i = 0; i < 10_000; i++) x.push(`r${i}`, 0, i, i);
    expect(x.dropBefore(4095)).toBe(0); // no whole block is dead yet
    expect(x.dropBefore(9000)).toBe(8192);
    expect(x.length).toBe(10_000 - 8192);
    expect([x.holder(0), x.offset(0), x.offset(x.length - 1)]).toEqual(['r8192', 8192, 9999]);
    for (let i = 10_000; i < 20_000; i++) x.push(`r${i}`, 0, i, i); // pushing on after a drop
    expect(x.holder(x.length - 1)).toBe('r19999');
    expect(x.indexOf(15_000, 0)).toBe(15_000 - 8192);
  });
});

describe('a MemoryLog partition over many blocks', () => {
  it('reads every live record by offset while retention deletes and compaction rewrites', async () => {
    let now = 0;
    const log = new MemoryLog({ cleanEveryRecords: 500, clock: () => now });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '20000' } });
    const rng = new Rng(7);
    const latest = new Map<string, { offset: number; value: string; ts: number }>();
    let next = 0;
    for (let batch = 0; batch < 40; batch++) {
      const recs = Array.from({ length: 1000 }, () => {
        const key = `k${Math.floor(rng.next() * 3000)}`;
        return { key: Buffer.from(key), value: Buffer.from(`v${next}`), timestamp: next++ };
      });
      now = next;
      const acks = await log.produce('t', recs);
      recs.forEach((r, i) => latest.set(r.key.toString(), { offset: acks[i].offset, value: r.value.toString(), ts: r.timestamp }));
    }
    const all = await log.read('t', 0, 0, 100_000);
    // Deleted: nothing older than retention survives outside the active segment; kept: in offset order.
    expect(all[0].offset).toBeGreaterThan(8192); // whole blocks were dropped
    expect(all.length).toBeLessThan(20_000);
    for (let i = 1; i < all.length; i++) expect(all[i].offset).toBeGreaterThan(all[i - 1].offset);
    // Every record read says what was produced at its offset, and the latest of each key still
    // inside retention is there.
    const byOffset = new Map(all.map((r) => [r.offset, r]));
    for (const r of all) expect(Buffer.from(r.value!).toString()).toBe(`v${r.timestamp}`);
    for (const { offset, value, ts } of latest.values()) {
      if (ts >= now - 20_000) expect(Buffer.from(byOffset.get(offset)!.value!).toString()).toBe(value);
    }
    // A read from any offset starts at the first live record at or after it.
    for (const from of [0, all[0].offset, 12_345, 30_000, 39_999]) {
      const got = await log.read('t', 0, from, 3);
      const expected = all.filter((r) => r.offset >= from).slice(0, 3).map((r) => r.offset);
      expect(got.map((r) => r.offset)).toEqual(expected);
    }
  });
});
