// MemoryLog's bounded topics: Kafka's retention.ms, retention.bytes and cleanup.policy=compact
// (with delete.retention.ms for tombstones). The broker cleans lazily (by segment, every few
// minutes), so these checks run on MemoryLog only; `cleanEveryRecords` makes it clean often.

import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { LogRecord } from '../../src/log/log.js';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
const DAY = 24 * 60 * 60 * 1000;

async function readAll(log: MemoryLog, topic: string, partition = 0): Promise<LogRecord[]> {
  const [end] = await log.endOffsets(topic);
  return log.read(topic, partition, 0, end);
}

describe('MemoryLog retention', () => {
  it('an embedded topic with retention.ms drops records older than it; a consumer from earliest starts at the first kept record', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 10 });
    await log.createTopic('t', { partitions: 1, config: { 'retention.ms': '1000' } });
    // One record per 100 ms: at time 9900 (the newest), records before 8900 are past retention.
    await log.produce('t', Array.from({ length: 100 }, (_, i) => ({ key: null, value: bytes(String(i)), timestamp: i * 100 })));
    const kept = await readAll(log, 't');
    expect(kept[0].offset).toBe(89);
    expect(kept.map((r) => r.offset)).toEqual(Array.from({ length: 11 }, (_, i) => 89 + i));
    expect(await log.endOffsets('t')).toEqual([100]);
    const c = log.consumer({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest' });
    expect((await c.poll({ maxRecords: 1000 })).map((r) => text(r.value))).toEqual(kept.map((r) => text(r.value)));
    expect(c.positions().get('t/0')).toBe(100);
  });

  it('a script loading weeks of historic events keeps them all: the active segment is never cleaned', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    await log.produce('t', Array.from({ length: 6000 }, (_, i) => ({ key: null, value: bytes(`row ${i}`), timestamp: i * 15 * 60 * 1000 })));
    expect((await readAll(log, 't')).length).toBe(6000);
  });

  it('a closed segment (segment.bytes) past retention.ms is deleted; the active one stays', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1, config: { 'segment.bytes': '100', 'retention.ms': String(DAY) } });
    // 10-byte values: a segment rolls every 10 records; one record per hour over 3 days.
    await log.produce('t', Array.from({ length: 72 }, (_, i) => ({ key: null, value: bytes(`r${String(i).padStart(9, '0')}`), timestamp: i * 3600 * 1000 })));
    const kept = (await readAll(log, 't')).map((r) => r.offset);
    // The newest is hour 71 (a roll after record 69 cleaned what was older than hour 45 then).
    expect(kept[0]).toBeGreaterThan(40);
    expect(kept[kept.length - 1]).toBe(71);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => kept[0] + i));
  });

  it('keeps a week of records by default and nothing more on an uncompacted topic', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1 });
    await log.produce('t', [0, 3, 7, 8, 9].map((d) => ({ key: null, value: bytes(`day ${d}`), timestamp: d * DAY })));
    // The newest is day 9, so the week kept starts at day 2.
    expect((await readAll(log, 't')).map((r) => text(r.value))).toEqual(['day 3', 'day 7', 'day 8', 'day 9']);
  });

  it('retention.ms=-1 keeps every record', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1, config: { 'retention.ms': '-1' } });
    await log.produce('t', [0, 100, 1000].map((d) => ({ key: null, value: bytes(`day ${d}`), timestamp: d * DAY })));
    expect(await readAll(log, 't')).toHaveLength(3);
  });

  it('retention.bytes bounds the bytes a partition keeps, dropping the oldest records first', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1, config: { 'retention.bytes': '100' } });
    await log.produce('t', Array.from({ length: 50 }, (_, i) => ({ key: bytes('k'), value: bytes(`value-${String(i).padStart(3, '0')}`), timestamp: 0 })));
    const kept = await readAll(log, 't');
    // 10 bytes a record (key 1 + value 9): the newest 10 fit in 100 bytes.
    expect(kept.map((r) => text(r.value))).toEqual(Array.from({ length: 10 }, (_, i) => `value-0${40 + i}`));
    expect(kept[0].offset).toBe(40);
  });

  it('a consumer that fell behind the log start goes on from the first kept record (earliest)', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1, config: { 'retention.ms': '10' } });
    const c = log.consumer({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest' });
    await log.produce('t', [{ key: null, value: bytes('a'), timestamp: 0 }]);
    expect((await c.poll()).map((r) => text(r.value))).toEqual(['a']);
    await log.produce('t', [1, 2, 100, 101].map((ts) => ({ key: null, value: bytes(String(ts)), timestamp: ts })));
    expect((await c.poll()).map((r) => text(r.value))).toEqual(['100', '101']);
  });

  it('a group whose committed offset was deleted restarts at the log start (earliest) or the end (latest)', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1, config: { 'retention.ms': '10' } });
    await log.produce('t', [0, 1, 2].map((ts) => ({ key: null, value: bytes(String(ts)), timestamp: ts })));
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    await c.commit([{ topic: 't', partition: 0, offset: 1 }]);
    await c.close();
    await log.produce('t', [50, 51].map((ts) => ({ key: null, value: bytes(String(ts)), timestamp: ts })));
    const early = log.consumer({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest' });
    expect((await early.poll()).map((r) => text(r.value))).toEqual(['50', '51']);
    await early.close();
    const late = log.consumer({ groupId: 'g', topics: ['t'], autoOffsetReset: 'latest' });
    expect(late.positions().get('t/0')).toBe(5);
  });
});

describe('MemoryLog compaction', () => {
  it('a compacted embedded topic keeps the latest record per key, at its original offset', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 4 });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact' } });
    const recs = ['a=1', 'b=1', 'a=2', 'c=1', 'b=2', 'a=3', 'c=2', 'a=4'];
    await log.produce('t', recs.map((kv) => ({ key: bytes(kv.split('=')[0]), value: bytes(kv), timestamp: 0 })));
    const kept = await readAll(log, 't');
    expect(kept.map((r) => [r.offset, text(r.value)])).toEqual([[4, 'b=2'], [6, 'c=2'], [7, 'a=4']]);
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    expect((await c.poll()).map((r) => text(r.value))).toEqual(['b=2', 'c=2', 'a=4']);
    expect(c.positions().get('t/0')).toBe(8);
  });

  it('keeps a compacted topic of few keys bounded however many records are appended', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 100 });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact' } });
    for (let b = 0; b < 100; b++) {
      await log.produce('t', Array.from({ length: 100 }, (_, i) => ({ key: bytes(`k${i % 5}`), value: bytes(String(b * 100 + i)), timestamp: 0 })));
    }
    expect(await log.endOffsets('t')).toEqual([10000]);
    expect(await readAll(log, 't')).toHaveLength(5);
  });

  it('drops a tombstone once it is older than delete.retention.ms, and keeps it before', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 2 });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact', 'delete.retention.ms': '100' } });
    await log.produce('t', [
      { key: bytes('a'), value: bytes('1'), timestamp: 0 },
      { key: bytes('a'), value: null, timestamp: 10 },
      { key: bytes('b'), value: bytes('1'), timestamp: 20 },
      { key: bytes('b'), value: bytes('2'), timestamp: 30 },
    ]);
    expect((await readAll(log, 't')).map((r) => [text(r.key), text(r.value)])).toEqual([['a', null], ['b', '2']]);
    await log.produce('t', [200, 210, 220, 230].map((ts) => ({ key: bytes('c'), value: bytes(String(ts)), timestamp: ts })));
    expect((await readAll(log, 't')).map((r) => [text(r.key), text(r.value)])).toEqual([['b', '2'], ['c', '230']]);
  });

  it('compact,delete both compacts and applies retention.ms', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 2 });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '50' } });
    await log.produce('t', [
      { key: bytes('old'), value: bytes('1'), timestamp: 0 },
      { key: bytes('x'), value: bytes('1'), timestamp: 100 },
      { key: bytes('x'), value: bytes('2'), timestamp: 110 },
      { key: bytes('y'), value: bytes('1'), timestamp: 120 },
    ]);
    expect((await readAll(log, 't')).map((r) => text(r.key) + '=' + text(r.value))).toEqual(['x=2', 'y=1']);
  });

  it('a compacted topic keeps records of old times that a delete topic would drop', async () => {
    const log = new MemoryLog({ cleanEveryRecords: 1 });
    await log.createTopic('t', { partitions: 1, config: { 'cleanup.policy': 'compact' } });
    await log.produce('t', [0, 30].map((d) => ({ key: bytes(`k${d}`), value: bytes('v'), timestamp: d * DAY })));
    expect(await readAll(log, 't')).toHaveLength(2);
  });
});
