// Transactions (processing.guarantee=exactly_once) on both logs: the shared behaviour runs on
// MemoryLog and on KafkaLog against the test broker; then what only Kafka shows (a transaction a
// dropped producer left open on the broker, the broker's transaction timeout).

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKafkaClient } from '../../src/log/kafka-config.js';
import { KafkaLog, type KafkaLogOptions } from '../../src/log/kafka-log.js';
import { KafkaTransactionalProducer } from '../../src/log/kafka-transactional-producer.js';
import type { Consumer, Log, LogRecord, TransactionalProducer } from '../../src/log/log.js';
import { LogError } from '../../src/log/log-error.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

// A broker rebalances and fetches over the network (and one test waits for a transaction timeout).
vi.setConfig({ testTimeout: 90_000 });

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : dec.decode(b));
/** A value large enough that a few of them fill a produce request (so they reach the broker before commit). */
const big = (tag: string): Uint8Array => {
  const b = new Uint8Array(200 * 1024).fill(46);
  b.set(bytes(tag));
  return b;
};
const tagOf = (r: LogRecord): string => (text(r.value) ?? '').replace(/\.+$/, '');

let counter = 0;
const unique = (prefix: string): string => `${prefix}-tx-${process.pid}-${Date.now().toString(36)}-${counter++}`;

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  const e = await p.then(() => undefined, (err: unknown) => err);
  if (e !== undefined && !(e instanceof LogError)) throw e;
  return (e as LogError | undefined)?.code;
};

async function drain(c: Consumer, want: number, ms = 20_000): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  const deadline = Date.now() + ms;
  while (out.length < want && Date.now() < deadline) out.push(...(await c.poll({ maxWaitMs: 200 })));
  return out;
}

/** Polls until the consumer owns its partitions and knows where each starts (a broker's rebalance). */
async function settle(c: Consumer, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  const settled = (): boolean => c.assignment().length > 0 && c.positions().size === c.assignment().length;
  while (!settled() && Date.now() < deadline) expect(await c.poll({ maxWaitMs: 100 })).toEqual([]);
  expect(settled()).toBe(true);
}

async function readAll(log: Log, topic: string): Promise<LogRecord[]> {
  const ends = await log.endOffsets(topic);
  const out: LogRecord[] = [];
  for (let p = 0; p < ends.length; p++) out.push(...(await log.read(topic, p, 0, 10_000)));
  return out;
}

function transactionSuite(name: string, makeLog: () => Promise<Log>): void {
  describe(`transactions on ${name}`, () => {
    const logs: Log[] = [];
    const closers: { close(): Promise<void> }[] = [];
    const open = async (): Promise<Log> => {
      const log = await makeLog();
      logs.push(log);
      return log;
    };
    const producer = (log: Log, id: string): TransactionalProducer => {
      const p = log.transactionalProducer(id);
      closers.push(p);
      return p;
    };
    const consume = (log: Log, groupId: string, topics: string[]): Consumer => {
      const c = log.consumer({ groupId, topics });
      closers.push(c);
      return c;
    };
    afterEach(async () => {
      for (const c of closers.splice(0)) await c.close();
      for (const l of logs.splice(0)) await l.close();
    });

    it('makes records in several topics and the group offsets visible together on commit', async () => {
      const log = await open();
      const [a, b, src] = [unique('a'), unique('b'), unique('src')];
      const group = unique('g');
      await log.createTopic(a, { partitions: 2 });
      await log.createTopic(b, { partitions: 1 });
      await log.createTopic(src, { partitions: 2 });
      const watcher = consume(log, unique('w'), [a, b]);
      await settle(watcher);

      const p = producer(log, unique('id'));
      await p.begin();
      await p.produce(a, [{ key: bytes('k1'), value: bytes('a1') }, { key: null, value: bytes('a2'), partition: 1 }]);
      await p.produce(b, [{ key: null, value: bytes('b1'), headers: [{ key: 'h', value: bytes('x') }], timestamp: 1234 }]);
      await p.produce(a, [{ key: bytes('k3'), value: bytes('a3'), partition: 0 }]);
      await p.sendOffsets(group, [{ topic: src, partition: 0, offset: 3 }, { topic: src, partition: 1, offset: 7 }]);

      // Nothing of the open transaction is visible.
      expect(await watcher.poll({ maxWaitMs: 500 })).toEqual([]);
      expect(await readAll(log, a)).toEqual([]);
      expect(await readAll(log, b)).toEqual([]);
      expect(await log.committedOffsets(group, src)).toEqual(new Map());

      await p.commit();
      expect((await readAll(log, a)).map((r) => text(r.value)).sort()).toEqual(['a1', 'a2', 'a3']);
      const [rb] = await readAll(log, b);
      expect([text(rb.value), rb.timestamp, rb.headers.map((h) => [h.key, text(h.value)])]).toEqual(['b1', 1234, [['h', 'x']]]);
      expect(await log.committedOffsets(group, src)).toEqual(new Map([[0, 3], [1, 7]]));
      const seen = await drain(watcher, 4);
      expect(seen.map((r) => text(r.value)).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
      // Per partition in produce order.
      for (const part of [0, 1]) {
        const vs = seen.filter((r) => r.topic === a && r.partition === part).map((r) => text(r.value));
        expect(vs).toEqual(['a1', 'a2', 'a3'].filter((v) => vs.includes(v)));
      }
    });

    it('never shows the records or offsets of an aborted transaction', async () => {
      const log = await open();
      const [t, src] = [unique('t'), unique('src')];
      const group = unique('g');
      await log.createTopic(t, { partitions: 1 });
      await log.createTopic(src, { partitions: 1 });
      const p = producer(log, unique('id'));
      // Big enough to be sent to the broker before abort (records buffered in the producer
      // would not test the readers' read_committed).
      await p.begin();
      await p.produce(t, [{ key: null, value: big('aborted-1') }, { key: null, value: big('aborted-2') }, { key: null, value: big('aborted-3') }]);
      await p.sendOffsets(group, [{ topic: src, partition: 0, offset: 5 }]);
      await p.abort();
      await p.begin();
      await p.produce(t, [{ key: null, value: bytes('committed') }]);
      await p.commit();
      await p.begin();
      await p.produce(t, [{ key: null, value: bytes('aborted-4') }]);
      await p.abort();

      expect((await readAll(log, t)).map(tagOf)).toEqual(['committed']);
      expect(await log.committedOffsets(group, src)).toEqual(new Map());
      const c = consume(log, unique('g'), [t]);
      expect((await drain(c, 1)).map(tagOf)).toEqual(['committed']);
      expect(await c.poll({ maxWaitMs: 500 })).toEqual([]);
    });

    it('fences the older producer when a newer one with the same id begins', async () => {
      const log = await open();
      const t = unique('t');
      const id = unique('id');
      await log.createTopic(t, { partitions: 1 });
      const older = producer(log, id);
      await older.begin();
      await older.produce(t, [{ key: null, value: bytes('zombie-1') }]);
      const newer = producer(log, id);
      await newer.begin();
      // The older one's transaction is gone: it cannot complete it (on Kafka, produce() buffers, so
      // the broker refuses it at the latest on commit), nor start another.
      expect(await codeOf(older.produce(t, [{ key: null, value: bytes('zombie-2') }]).then(() => older.commit()))).toBe('PRODUCER_FENCED');
      expect(await codeOf(older.begin().then(() => older.produce(t, [{ key: null, value: bytes('zombie-3') }])).then(() => older.commit())))
        .toBe('PRODUCER_FENCED');
      expect(await codeOf(older.abort())).toBe('PRODUCER_FENCED');
      await newer.produce(t, [{ key: null, value: bytes('newer') }]);
      await newer.commit();
      expect((await readAll(log, t)).map(tagOf)).toEqual(['newer']);
      // A producer with another id is not affected.
      const other = producer(log, unique('id'));
      await other.begin();
      await other.produce(t, [{ key: null, value: bytes('other') }]);
      await other.commit();
      expect((await readAll(log, t)).map(tagOf)).toEqual(['newer', 'other']);
    });

    it('refuses calls out of order', async () => {
      const log = await open();
      const t = unique('t');
      await log.createTopic(t, { partitions: 1 });
      const p = producer(log, unique('id'));
      expect(await codeOf(p.produce(t, [{ key: null, value: null }]))).toBe('INVALID_TRANSACTION_STATE');
      expect(await codeOf(p.sendOffsets('g', [{ topic: t, partition: 0, offset: 1 }]))).toBe('INVALID_TRANSACTION_STATE');
      expect(await codeOf(p.commit())).toBe('INVALID_TRANSACTION_STATE');
      await p.abort(); // nothing open: nothing to do
      await p.begin();
      expect(await codeOf(p.begin())).toBe('INVALID_TRANSACTION_STATE');
      await p.produce(t, [{ key: null, value: bytes('still open') }]); // the second begin() changed nothing
      await p.commit();
      expect(await codeOf(p.commit())).toBe('INVALID_TRANSACTION_STATE');
      expect((await readAll(log, t)).map(tagOf)).toEqual(['still open']);
      await p.close();
      expect(await codeOf(p.begin())).toBe('CLOSED');
    });

    it('ends the transaction when a call fails, so it cannot be committed without the failed records', async () => {
      const log = await open();
      const t = unique('t');
      await log.createTopic(t, { partitions: 2 });
      const p = producer(log, unique('id'));
      await p.begin();
      await p.produce(t, [{ key: null, value: bytes('lost') }]);
      expect(await codeOf(p.produce(t, [{ key: null, value: bytes('bad'), partition: 2 }]))).toBe('INVALID_PARTITION');
      expect(await codeOf(p.commit())).toBe('INVALID_TRANSACTION_STATE');
      await p.abort(); // a no-op now
      await p.begin();
      expect(await codeOf(p.produce(unique('missing'), [{ key: null, value: null }]))).toBe('UNKNOWN_TOPIC');
      expect(await codeOf(p.produce(t, [{ key: null, value: bytes('after') }]))).toBe('INVALID_TRANSACTION_STATE');
      await p.begin();
      await p.produce(t, [{ key: null, value: bytes('ok'), partition: 1 }]);
      await p.commit();
      expect((await readAll(log, t)).map(tagOf)).toEqual(['ok']);
    });

    it('commits large transactions whole', async () => {
      const log = await open();
      const t = unique('t');
      await log.createTopic(t, { partitions: 3 });
      const p = producer(log, unique('id'));
      await p.begin();
      for (let i = 0; i < 12; i++) await p.produce(t, [{ key: bytes(`k${i}`), value: big(`v${i}`) }]);
      expect(await readAll(log, t)).toEqual([]);
      await p.commit();
      const got = await readAll(log, t);
      expect(got.map(tagOf).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `v${i}`).sort());
      // Each partition holds its keys in produce order.
      for (let part = 0; part < 3; part++) {
        const vs = got.filter((r) => r.partition === part).map((r) => Number(tagOf(r).slice(1)));
        expect(vs).toEqual([...vs].sort((x, y) => x - y));
      }
    });
  });
}

transactionSuite('MemoryLog', async () => new MemoryLog());

describe('MemoryLog transactions', () => {
  it('appends a commit in one step: a waiting poll gets all of it at once', async () => {
    const log = new MemoryLog();
    await log.createTopic('a', { partitions: 2 });
    await log.createTopic('b', { partitions: 1 });
    const c = log.consumer({ groupId: 'g', topics: ['a', 'b'] });
    const pending = c.poll({ maxWaitMs: 5000 });
    const p = log.transactionalProducer('id');
    await p.begin();
    await p.produce('a', [{ key: null, value: bytes('1') }, { key: null, value: bytes('2') }]);
    await p.produce('b', [{ key: null, value: bytes('3') }]);
    await p.produce('a', [{ key: null, value: bytes('4') }]);
    await p.commit();
    // Global append order is produce order, as for MemoryLog.produce.
    expect((await pending).map((r) => [r.topic, text(r.value)])).toEqual([['a', '1'], ['a', '2'], ['b', '3'], ['a', '4']]);
  });

  it('a commit that fails appends nothing', async () => {
    const log = new MemoryLog();
    await log.createTopic('a', { partitions: 1 });
    await log.createTopic('gone', { partitions: 1 });
    const p = log.transactionalProducer('id');
    await p.begin();
    await p.produce('a', [{ key: null, value: bytes('x') }]);
    await p.produce('gone', [{ key: null, value: bytes('y') }]);
    await log.deleteTopic('gone');
    expect(await codeOf(p.commit())).toBe('UNKNOWN_TOPIC');
    expect(await log.endOffsets('a')).toEqual([0]);
    expect(await codeOf(p.commit())).toBe('INVALID_TRANSACTION_STATE');
  });
});

describe.skipIf(!kafkaEnabled)('KafkaLog transactions', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  transactionSuite('KafkaLog', async () => new KafkaLog({ brokers, clientId: 'eddy-test' }));

  describe('on Kafka', () => {
    const closers: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      for (const c of closers.splice(0)) await c.close();
    });
    const openLog = (): KafkaLog => {
      const log = new KafkaLog({ brokers, clientId: 'eddy-test' });
      closers.push(log);
      return log;
    };
    /** A producer as another process would have it (its own client), with its own transaction timeout. */
    const rawProducer = (id: string, transactionTimeoutMs: number, more: Partial<KafkaLogOptions> = {}): KafkaTransactionalProducer => {
      const opts = { brokers, clientId: 'eddy-test-zombie', transactionTimeoutMs, ...more };
      const p = new KafkaTransactionalProducer(createKafkaClient(opts), id, opts);
      closers.push(p);
      return p;
    };

    it('aborts a transaction a dropped producer left open when a new producer with its id begins', async () => {
      const log = openLog();
      const t = unique('t');
      const id = unique('id');
      await log.createTopic(t, { partitions: 1 });
      // The old process: its transaction is open on the broker (records sent, never committed),
      // with a timeout far beyond this test, so only the new producer's begin() can end it.
      const dropped = rawProducer(id, 120_000);
      await dropped.begin();
      await dropped.produce(t, [{ key: null, value: big('zombie-1') }, { key: null, value: big('zombie-2') }, { key: null, value: big('zombie-3') }]);
      // An open transaction holds back read_committed readers, later writes included.
      await log.produce(t, [{ key: null, value: bytes('plain') }]);
      expect(await log.read(t, 0, 0, 10)).toEqual([]);

      const restarted = openLog().transactionalProducer(id);
      closers.push(restarted);
      const t0 = Date.now();
      await restarted.begin();
      await restarted.produce(t, [{ key: null, value: bytes('restarted') }]);
      await restarted.commit();
      expect((await log.read(t, 0, 0, 100)).map(tagOf)).toEqual(['plain', 'restarted']);
      expect(Date.now() - t0).toBeLessThan(30_000);
      const c = log.consumer({ groupId: unique('g'), topics: [t] });
      closers.push(c);
      expect((await drain(c, 2)).map(tagOf)).toEqual(['plain', 'restarted']);
      expect(await c.poll({ maxWaitMs: 500 })).toEqual([]);
      expect(await codeOf(dropped.commit())).toBe('PRODUCER_FENCED');
    });

    it('starts afresh after a commit that failed on the wire', async () => {
      const log = openLog();
      const [gone, kept] = [unique('gone'), unique('kept')];
      await log.createTopic(gone, { partitions: 1 });
      await log.createTopic(kept, { partitions: 1 });
      const p = rawProducer(unique('id'), 10_000, { retry: { retries: 1, initialRetryTime: 50 } });
      await p.begin();
      await p.produce(kept, [{ key: null, value: bytes('lost') }]);
      await p.produce(gone, [{ key: null, value: bytes('lost too') }]); // checked, then buffered
      await log.deleteTopic(gone);
      expect(await codeOf(p.commit())).toBe('UNKNOWN_TOPIC');
      expect(await codeOf(p.commit())).toBe('INVALID_TRANSACTION_STATE');
      // The kafkajs producer that knew the deleted topic was dropped: a new one works.
      await p.begin();
      await p.produce(kept, [{ key: null, value: bytes('after') }]);
      await p.commit();
      expect((await log.read(kept, 0, 0, 10)).map(tagOf)).toEqual(['after']);
    });

    it('lets the broker abort a transaction left open past the transaction timeout', async () => {
      const log = openLog();
      const t = unique('t');
      await log.createTopic(t, { partitions: 1 });
      const stalled = rawProducer(unique('id'), 1000);
      await stalled.begin();
      await stalled.produce(t, [{ key: null, value: big('stalled-1') }, { key: null, value: big('stalled-2') }, { key: null, value: big('stalled-3') }]);
      await log.produce(t, [{ key: null, value: bytes('plain') }]);
      expect(await log.read(t, 0, 0, 10)).toEqual([]);
      // The broker looks for timed-out transactions every 10 s (its default).
      const deadline = Date.now() + 30_000;
      let seen: LogRecord[] = [];
      while (seen.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        seen = await log.read(t, 0, 0, 10);
      }
      expect(seen.map(tagOf)).toEqual(['plain']);
      // Aborting bumped the producer's epoch: it cannot go on.
      expect(await codeOf(stalled.commit())).toBe('PRODUCER_FENCED');
    });
  });
});
