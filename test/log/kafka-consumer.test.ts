// KafkaConsumer on a real broker: co-partitioned group assignment, positions that pass
// transaction markers and aborted records, and assignment() as the rebalance hook of poll().

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import kafkajs from 'kafkajs';
import { KafkaLog, type KafkaLogOptions } from '../../src/log/kafka-log.js';
import type { Consumer, LogRecord, TopicPartition } from '../../src/log/log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 120_000 });

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
let counter = 0;
const unique = (prefix: string): string => `${prefix}-kc-${process.pid}-${Date.now().toString(36)}-${counter++}`;

/** Partition numbers per topic, e.g. { a: [0, 1], b: [0, 1] }. */
function byTopic(tps: TopicPartition[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const tp of tps) (out[tp.topic] ??= []).push(tp.partition);
  for (const ps of Object.values(out)) ps.sort((x, y) => x - y);
  return out;
}

/** Polls all `cs` (collecting what they return) until `done()` or a minute passes. */
async function pollUntil(cs: Consumer[], done: () => boolean | Promise<boolean>, got: LogRecord[] = []): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done()) && Date.now() < deadline) {
    for (const recs of await Promise.all(cs.map((c) => c.poll({ maxWaitMs: 100 })))) got.push(...recs);
  }
  expect(await done()).toBe(true);
}

/** A new topic of 4 partitions with 2 records each, and the one member of a new group, which has read all 8. */
async function oneMemberReadAll(log: KafkaLog): Promise<{ topic: string; groupId: string; c1: Consumer }> {
  const topic = unique('t');
  const groupId = unique('g');
  await log.createTopic(topic, { partitions: 4 });
  await log.produce(topic, Array.from({ length: 8 }, (_, i) => ({ key: null, value: bytes(String(i)), partition: i % 4 })));
  const c1 = log.consumer({ groupId, topics: [topic] });
  const first: LogRecord[] = [];
  await pollUntil([c1], () => first.length === 8, first);
  return { topic, groupId, c1 };
}

describe.skipIf(!kafkaEnabled)('KafkaConsumer', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);
  const logs: KafkaLog[] = [];
  const open = (opts: Partial<KafkaLogOptions> = {}): KafkaLog => {
    const log = new KafkaLog({ brokers, clientId: 'eddy-test', ...opts });
    logs.push(log);
    return log;
  };
  afterEach(async () => {
    for (const l of logs.splice(0)) await l.close();
  });
  afterAll(async () => {
    if (!process.env.KAFKA_BROKERS) return; // a test broker is thrown away
    const log = new KafkaLog({ brokers });
    for (const t of await log.listTopics()) if (t.name.includes(`-kc-${process.pid}-`)) await log.deleteTopic(t.name);
    await log.close();
  }, 5 * 60_000);

  it('assigns partition p of every topic to one member, and all to the one left', async () => {
    const log = open();
    const [a, b] = [unique('a'), unique('b')];
    await log.createTopic(a, { partitions: 4 });
    await log.createTopic(b, { partitions: 4 });
    const groupId = unique('g');
    const c1 = log.consumer({ groupId, topics: [a, b] });
    const c2 = log.consumer({ groupId, topics: [b, a] });
    const size = (c: Consumer): number => c.assignment().length;
    await pollUntil([c1, c2], () => size(c1) === 4 && size(c2) === 4);

    const [one, two] = [byTopic(c1.assignment()), byTopic(c2.assignment())];
    expect(one[a]).toEqual(one[b]); // co-partitioned
    expect(two[a]).toEqual(two[b]);
    // contiguous task ranges: {0,1} and {2,3}, whichever member sorts first
    expect([one[a], two[a]].sort((x, y) => x[0] - y[0])).toEqual([[0, 1], [2, 3]]);

    await c2.close();
    await pollUntil([c1], () => size(c1) === 8);
    expect(byTopic(c1.assignment())).toEqual({ [a]: [0, 1, 2, 3], [b]: [0, 1, 2, 3] });
    await c1.close();
  });

  it('commits what its user flushed when the group rebalances: a partition\'s next owner starts after it', async () => {
    const log = open();
    const { topic, groupId, c1 } = await oneMemberReadAll(log);
    c1.flushed!(); // processed and written, not committed (the runner's commit interval is not up)
    expect([...(await log.committedOffsets(groupId, topic)).values()]).toEqual([]);

    const c2 = log.consumer({ groupId, topics: [topic] });
    const again: LogRecord[] = [];
    await pollUntil([c1, c2], () => c2.assignment().length === 2, again);
    for (let i = 0; i < 5; i++) for (const recs of await Promise.all([c1, c2].map((c) => c.poll({ maxWaitMs: 100 })))) again.push(...recs);
    // Without the commit at the rebalance, c2 would read its two partitions from offset 0 again.
    expect(again.map((r) => `${r.partition}@${r.offset}`)).toEqual([]);
    expect(Object.fromEntries(await log.committedOffsets(groupId, topic))).toEqual({ 0: 2, 1: 2, 2: 2, 3: 2 });
    await c2.close();
    await c1.close();
  });

  it('reaches the end offsets past commit and abort markers, and never hands out aborted records', async () => {
    const log = open();
    const topic = unique('tx');
    await log.createTopic(topic, { partitions: 2 });
    const kafka = new kafkajs.Kafka({ brokers, clientId: 'eddy-test-tx', logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer({ transactionalId: unique('txid'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const inTx = async (values: string[], partition: number, end: 'commit' | 'abort'): Promise<void> => {
      const tx = await producer.transaction();
      await tx.send({ topic, messages: values.map((value) => ({ value, partition })) });
      await tx[end]();
    };
    try {
      // Partition 1 holds nothing but an aborted transaction: its position must still move on.
      await inTx(['x1', 'x2'], 1, 'abort');
      await inTx(['c1', 'c2', 'c3'], 0, 'commit'); // offsets 0-2, commit marker 3

      const c = log.consumer({ groupId: unique('g'), topics: [topic] });
      const got: LogRecord[] = [];
      const caughtUp = async (): Promise<boolean> => {
        const pos = c.positions();
        const ends = await log.endOffsets(topic);
        return ends.every((e, p) => pos.get(`${topic}/${p}`) === e);
      };
      await pollUntil([c], async () => got.length === 3 && (await caughtUp()), got);
      expect(await log.endOffsets(topic)).toEqual([4, 3]);

      // An aborted transaction after what was read: a fetch with only filtered records.
      await inTx(['a1', 'a2'], 0, 'abort'); // offsets 4-5, abort marker 6
      await pollUntil([c], async () => (await log.endOffsets(topic))[0] === 7 && (await caughtUp()), got);

      await inTx(['c4'], 0, 'commit'); // offset 7, marker 8
      await pollUntil([c], async () => got.length === 4 && (await caughtUp()), got);
      expect(await log.endOffsets(topic)).toEqual([9, 3]);
      expect(got.map((r) => [r.partition, r.offset, text(r.value)])).toEqual([
        [0, 0, 'c1'], [0, 1, 'c2'], [0, 2, 'c3'], [0, 7, 'c4'],
      ]);
      // nothing more turns up
      expect(await c.poll({ maxWaitMs: 1000 })).toEqual([]);
      await c.close();
    } finally {
      await producer.disconnect();
    }
  });

  describe('assignment() changes only as poll() returns', () => {
    it('every record a poll returns is of a partition in assignment() then', async () => {
      const log = open({ maxBufferedPerPartition: 20 });
      const topic = unique('t');
      const groupId = unique('g');
      await log.createTopic(topic, { partitions: 4 });
      await log.produce(topic, Array.from({ length: 400 }, (_, i) => ({ key: null, value: bytes(String(i)), partition: i % 4 })));
      const c1 = log.consumer({ groupId, topics: [topic] });
      let c2: Consumer | undefined;
      let seen = 0;
      let rebalances = 0;
      let last = '';
      const deadline = Date.now() + 60_000;
      // A slow poller while a second member joins and leaves: partitions move under it.
      while (rebalances < 3 && Date.now() < deadline) {
        const recs = await c1.poll({ maxRecords: 5, maxWaitMs: 100 });
        const owned = new Set(c1.assignment().map((tp) => tp.partition));
        for (const r of recs) expect(owned).toContain(r.partition);
        seen += recs.length;
        const now = [...owned].sort().join();
        if (now !== last) { rebalances++; last = now; }
        if (seen >= 20 && !c2) c2 = log.consumer({ groupId, topics: [topic] });
        if (c2 && c1.assignment().length === 2) { await c2.close(); }
        if (c2) await c2.poll({ maxWaitMs: 10 });
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(rebalances).toBeGreaterThanOrEqual(3); // all 4, then 2, then all 4 again
    });

    it('shows a partition lost and assigned back between two polls as gone for one poll', async () => {
      const log = open();
      const { topic, groupId, c1 } = await oneMemberReadAll(log);
      expect(c1.assignment()).toHaveLength(4);

      // c1 does not poll while c2 comes and goes; its positions() (live) follow the rebalances.
      const c2 = log.consumer({ groupId, topics: [topic] });
      await pollUntil([c2], () => c2.assignment().length === 2 && c1.positions().size === 2);
      expect(c1.assignment()).toHaveLength(4); // not yet shown: c1 has not polled
      await c2.close();
      const back = Date.now() + 60_000;
      while (c1.positions().size < 4 && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
      expect(c1.positions().size).toBe(4);

      // Nothing was committed: the returned partitions start over at 0, so the caller must drop
      // what it kept for them. One poll shows them gone, the next brings them (and their records).
      expect(await c1.poll({ maxWaitMs: 1000 })).toEqual([]);
      const kept = c1.assignment().map((tp) => tp.partition).sort();
      expect(kept).toHaveLength(2);
      const again: LogRecord[] = [];
      await pollUntil([c1], () => again.length === 4, again);
      expect(c1.assignment()).toHaveLength(4);
      expect(again.every((r) => !kept.includes(r.partition) && r.offset < 2)).toBe(true);
      await c1.close();
    });
  });
});
