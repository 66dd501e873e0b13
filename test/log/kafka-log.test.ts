// KafkaLog against a real broker (started by test/setup/kafka-global-setup.ts, or KAFKA_BROKERS):
// the shared Log behaviour, plus what is specific to KafkaLog on Kafka. With EDDY_KAFKA_TESTS=0
// there is no broker and these tests show as skipped.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KafkaLog, type KafkaLogOptions } from '../../src/log/kafka-log.js';
import type { Consumer, LogRecord } from '../../src/log/log.js';
import { LogError } from '../../src/log/log-error.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { logBehaviourSuite } from './log-behaviour-suite.js';

// A broker rebalances and fetches over the network: far slower than MemoryLog, on 2 cores too.
vi.setConfig({ testTimeout: 90_000 });

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
let counter = 0;
const unique = (prefix: string): string => `${prefix}-kl-${process.pid}-${Date.now().toString(36)}-${counter++}`;

async function drain(c: Consumer, want: number, ms = 30_000): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  const deadline = Date.now() + ms;
  while (out.length < want && Date.now() < deadline) out.push(...(await c.poll({ maxWaitMs: 200 })));
  return out;
}

describe.skipIf(!kafkaEnabled)('KafkaLog', () => {
  let brokers: string[] = [];
  // Starts the run's broker on first use; a first start downloads its jars.
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);
  // On a shared cluster (KAFKA_BROKERS), remove this run's topics; a test broker is thrown away.
  afterAll(async () => {
    if (!process.env.KAFKA_BROKERS) return;
    const log = new KafkaLog({ brokers });
    for (const t of await log.listTopics()) if (t.name.includes(`-${process.pid}-`)) await log.deleteTopic(t.name);
    await log.close();
  }, 5 * 60_000);

  logBehaviourSuite(async () => new KafkaLog({ brokers, clientId: 'eddy-test' }), { globalOrder: false });
  // Where Eddy's wire client cannot go (SASL), kafkajs fetches and produces: the same behaviour.
  describe('with kafkajs on the data path', () => {
    logBehaviourSuite(async () => new KafkaLog({ brokers, clientId: 'eddy-test', dataPath: 'kafkajs' }), { globalOrder: false });
  });

  describe('on Kafka', () => {
    const logs: KafkaLog[] = [];
    const open = (opts: Partial<KafkaLogOptions> = {}): KafkaLog => {
      const log = new KafkaLog({ brokers, clientId: 'eddy-test', ...opts });
      logs.push(log);
      return log;
    };
    afterEach(async () => {
      for (const l of logs.splice(0)) await l.close();
    });

    it('pauses a partition whose buffer is full and delivers everything in order', async () => {
      const log = open({ maxBufferedPerPartition: 50 });
      const name = unique('t');
      await log.createTopic(name, { partitions: 1 });
      const n = 1000;
      await log.produce(name, Array.from({ length: n }, (_, i) => ({ key: null, value: bytes(String(i)) })));
      const c = log.consumer({ groupId: unique('g'), topics: [name] });
      const got: LogRecord[] = [];
      const deadline = Date.now() + 60_000;
      while (got.length < n && Date.now() < deadline) {
        got.push(...(await c.poll({ maxRecords: 30, maxWaitMs: 200 })));
        await new Promise((r) => setTimeout(r, 2)); // a slow poller: fetching must wait for it
      }
      expect(got.map((r) => r.offset)).toEqual(Array.from({ length: n }, (_, i) => i));
    });

    it('produces large batches in several requests with consecutive offsets', async () => {
      const log = open({ compression: 'gzip' });
      const name = unique('t');
      await log.createTopic(name, { partitions: 2 });
      const big = new Uint8Array(2048).fill(120);
      const at = await log.produce(name, Array.from({ length: 1200 }, (_, i) => ({ key: null, value: big, partition: i % 2 })));
      expect(at.filter((a) => a.partition === 0).map((a) => a.offset)).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect(await log.endOffsets(name)).toEqual([600, 600]);
      const recs = await log.read(name, 1, 100, 450);
      expect(recs.map((r) => r.offset)).toEqual(Array.from({ length: 450 }, (_, i) => 100 + i));
      expect(recs[0].value).toEqual(big); // a Uint8Array view of the fetched bytes
    });

    it('keeps a consumer position across a rebalance: nothing handed out twice', async () => {
      const log = open();
      const name = unique('t');
      const groupId = unique('g');
      await log.createTopic(name, { partitions: 2 });
      await log.produce(name, Array.from({ length: 20 }, (_, i) => ({ key: null, value: bytes(String(i)), partition: i % 2 })));
      const c1 = log.consumer({ groupId, topics: [name] });
      const first = await drain(c1, 20);
      expect(first).toHaveLength(20);
      // No commit: a second member joins, and c1 keeps one partition, which must not restart at 0.
      const c2 = log.consumer({ groupId, topics: [name] });
      const deadline = Date.now() + 60_000;
      while ((c1.assignment().length !== 1 || c2.assignment().length !== 1) && Date.now() < deadline) {
        const [a] = await Promise.all([c1.poll({ maxWaitMs: 100 }), c2.poll({ maxWaitMs: 100 })]);
        expect(a).toEqual([]);
      }
      const kept = c1.assignment()[0].partition;
      expect(c1.positions().get(`${name}/${kept}`)).toBe(10);
      await log.produce(name, [{ key: null, value: bytes('after'), partition: kept }]);
      expect((await drain(c1, 1)).map((r) => [r.offset, text(r.value)])).toEqual([[10, 'after']]);
      await c1.close();
      await c2.close();
    });

    it('subscribes to a topic that is created later', async () => {
      const log = open();
      const name = unique('later');
      const c = log.consumer({ groupId: unique('g'), topics: [name] });
      expect(await c.poll({ maxWaitMs: 300 })).toEqual([]);
      await log.createTopic(name, { partitions: 2 });
      await log.produce(name, [{ key: bytes('x'), value: bytes('hello') }]);
      expect((await drain(c, 1)).map((r) => text(r.value))).toEqual(['hello']);
      expect(c.assignment()).toHaveLength(2);
      await c.close();
    });

    it('keeps producing after a topic it wrote to was deleted by another client', async () => {
      const log = open();
      const other = open();
      const gone = unique('gone');
      const kept = unique('kept');
      await log.createTopic(gone, { partitions: 1 });
      await log.createTopic(kept, { partitions: 1 });
      await log.produce(gone, [{ key: null, value: bytes('a') }]);
      await other.deleteTopic(gone);
      const fresh = unique('fresh');
      await log.createTopic(fresh, { partitions: 1 });
      expect(await log.produce(fresh, [{ key: null, value: bytes('b') }])).toEqual([{ partition: 0, offset: 0 }]);
      expect(await log.produce(kept, [{ key: null, value: bytes('c') }])).toEqual([{ partition: 0, offset: 0 }]);
      expect(((await log.produce(gone, [{ key: null, value: null }]).catch((e: unknown) => e)) as LogError).code).toBe('UNKNOWN_TOPIC');
    });

    it('round-trips headers with repeated keys and a null value, in order (Eddy\'s wire client)', async () => {
      const log = open();
      const name = unique('t');
      await log.createTopic(name, { partitions: 1 });
      await log.produce(name, [{
        key: null, value: bytes('v'),
        headers: [{ key: 'a', value: bytes('1') }, { key: 'n', value: null }, { key: 'a', value: bytes('2') }],
      }]);
      const c = log.consumer({ groupId: unique('g'), topics: [name] });
      try {
        let got: Awaited<ReturnType<typeof c.poll>> = [];
        for (let i = 0; i < 100 && got.length === 0; i++) got = await c.poll({ maxWaitMs: 200 });
        expect(got[0].headers.map((h) => [h.key, h.value === null ? null : text(h.value)])).toEqual([['a', '1'], ['n', null], ['a', '2']]);
      } finally {
        await c.close();
      }
    });

    it('round-trips headers through kafkajs (dataPath kafkajs: a null header value arrives empty, keys grouped)', async () => {
      const log = open({ dataPath: 'kafkajs' });
      const name = unique('t');
      await log.createTopic(name, { partitions: 1 });
      await log.produce(name, [{
        key: null, value: bytes('v'),
        headers: [{ key: 'a', value: bytes('1') }, { key: 'a', value: bytes('2') }, { key: 'n', value: null }],
      }]);
      const [r] = await log.read(name, 0, 0, 1);
      expect(r.headers.map((h) => [h.key, text(h.value)])).toEqual([['a', '1'], ['a', '2'], ['n', '']]);
    });

    it('reads from the log start when asked for an offset before it, and nothing past the end', async () => {
      const log = open();
      const name = unique('t');
      await log.createTopic(name, { partitions: 1 });
      await log.produce(name, [{ key: null, value: bytes('a') }]);
      expect((await log.read(name, 0, -5, 10)).map((r) => r.offset)).toEqual([0]);
      expect(await log.read(name, 0, 7, 10)).toEqual([]);
      expect(((await log.read(name, 1, 0, 1).catch((e: unknown) => e)) as LogError).code).toBe('INVALID_PARTITION');
    });

    it('describes replicas and only the configs set on the topic', async () => {
      const log = open();
      const name = unique('t');
      await log.createTopic(name, { partitions: 2, replicas: 1, config: { 'retention.ms': '3600000' } });
      expect(await log.describeTopic(name)).toEqual({ name, partitions: 2, replicas: 1, config: { 'retention.ms': '3600000' } });
      const bad = await log.createTopic(unique('t'), { partitions: 1, config: { 'no.such.config': 'x' } }).catch((e: unknown) => e);
      expect((bad as LogError).code).toBe('INVALID_TOPIC');
    });

    it('wakes polls with [] on close and refuses writes after', async () => {
      const log = open();
      const name = unique('t');
      await log.createTopic(name, { partitions: 1 });
      const c = log.consumer({ groupId: unique('g'), topics: [name] });
      const pending = c.poll({ maxWaitMs: 30_000 });
      await log.close();
      expect(await pending).toEqual([]);
      expect(((await log.produce(name, []).catch((e: unknown) => e)) as LogError).code).toBe('CLOSED');
    });
  });
});
