// MemoryLog: the shared Log behaviour, plus what only the in-process log promises (global
// append order across topics and partitions, which makes query processing deterministic).

import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import { LogError } from '../../src/log/log-error.js';
import { logBehaviourSuite } from './log-behaviour-suite.js';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

logBehaviourSuite(async () => new MemoryLog());

describe('MemoryLog', () => {
  it('polls in global append order across topics and partitions', async () => {
    const log = new MemoryLog();
    await log.createTopic('a', { partitions: 3 });
    await log.createTopic('b', { partitions: 2 });
    const order: Array<[string, string]> = [];
    for (let i = 0; i < 30; i++) {
      const topic = i % 3 === 0 ? 'b' : 'a';
      await log.produce(topic, [{ key: bytes(`key-${i}`), value: bytes(String(i)) }]);
      order.push([topic, String(i)]);
    }
    const c = log.consumer({ groupId: 'g', topics: ['a', 'b'] });
    const got = [...(await c.poll({ maxRecords: 7 })), ...(await c.poll({ maxRecords: 100 }))];
    expect(got.map((r) => [r.topic, text(r.value)])).toEqual(order);
  });

  it('keeps the order of records produced in one batch', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 5 });
    await log.produce('t', Array.from({ length: 50 }, (_, i) => ({ key: bytes(`k${i}`), value: bytes(String(i)) })));
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    expect((await c.poll()).map((r) => text(r.value))).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('uses its clock for records without a timestamp', async () => {
    const log = new MemoryLog({ clock: () => 12345 });
    await log.createTopic('t', { partitions: 1 });
    await log.produce('t', [{ key: null, value: null }, { key: null, value: null, timestamp: 7 }]);
    expect((await log.read('t', 0, 0, 10)).map((r) => r.timestamp)).toEqual([12345, 7]);
  });

  it('assigns a topic created after the consumer subscribed', async () => {
    const log = new MemoryLog();
    const c = log.consumer({ groupId: 'g', topics: ['later'] });
    expect(c.assignment()).toEqual([]);
    const pending = c.poll({ maxWaitMs: 5000 });
    await log.createTopic('later', { partitions: 2 });
    await log.produce('later', [{ key: bytes('x'), value: bytes('hello') }]);
    expect((await pending).map((r) => text(r.value))).toEqual(['hello']);
    expect(c.assignment()).toHaveLength(2);
  });

  it('forgets committed offsets when a topic is deleted and re-created', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    await log.produce('t', [{ key: null, value: bytes('old') }]);
    const c1 = log.consumer({ groupId: 'g', topics: ['t'] });
    await c1.poll();
    await c1.commit();
    await c1.close();
    await log.deleteTopic('t');
    await log.createTopic('t', { partitions: 1 });
    await log.produce('t', [{ key: null, value: bytes('new') }]);
    const c2 = log.consumer({ groupId: 'g', topics: ['t'] });
    expect((await c2.poll()).map((r) => [r.offset, text(r.value)])).toEqual([[0, 'new']]);
  });

  it('range-assigns partitions in join order', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 5 });
    const c1 = log.consumer({ groupId: 'g', topics: ['t'] });
    const c2 = log.consumer({ groupId: 'g', topics: ['t'] });
    expect(c1.assignment().map((tp) => tp.partition)).toEqual([0, 1, 2]);
    expect(c2.assignment().map((tp) => tp.partition)).toEqual([3, 4]);
  });

  it('keeps the position of partitions a consumer keeps across a rebalance', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 2 });
    await log.produce('t', [{ key: null, value: bytes('x'), partition: 0 }, { key: null, value: bytes('y'), partition: 1 }]);
    const c1 = log.consumer({ groupId: 'g', topics: ['t'] });
    expect(await c1.poll()).toHaveLength(2);
    const c2 = log.consumer({ groupId: 'g', topics: ['t'] }); // takes partition 1, uncommitted
    expect(c1.positions()).toEqual(new Map([['t/0', 1]]));
    expect((await c2.poll()).map((r) => text(r.value))).toEqual(['y']);
  });

  it('wakes waiting polls with [] and refuses writes once closed', async () => {
    const log = new MemoryLog();
    await log.createTopic('t', { partitions: 1 });
    const c = log.consumer({ groupId: 'g', topics: ['t'] });
    const pending = c.poll({ maxWaitMs: 10_000 });
    await log.close();
    expect(await pending).toEqual([]);
    const err = await log.produce('t', [{ key: null, value: null }]).catch((e: unknown) => e);
    expect((err as LogError).code).toBe('CLOSED');
  });

  it('refuses topic names and partition counts Kafka would refuse', async () => {
    const log = new MemoryLog();
    for (const bad of ['', '.', 'a b', 'x/y', 'a'.repeat(250)]) {
      expect(((await log.createTopic(bad, { partitions: 1 }).catch((e: unknown) => e)) as LogError).code).toBe('INVALID_TOPIC');
    }
    expect(((await log.createTopic('ok', { partitions: 0 }).catch((e: unknown) => e)) as LogError).code).toBe('INVALID_TOPIC');
  });
});
