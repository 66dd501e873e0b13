// The behaviour every Log must show (MemoryLog and KafkaLog): run it with
// logBehaviourSuite(() => makeLog(), capabilities). Topic and group names are unique per test so
// the suite can run against a shared broker; waits are generous where a broker needs time to
// rebalance (they cost nothing when the log is fast). What only some logs promise is behind a
// capability flag.

import { afterEach, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../src/log/default-partitioner.js';
import type { Consumer, Log, LogRecord } from '../../src/log/log.js';
import { LogError } from '../../src/log/log-error.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : dec.decode(b));

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

/** What a Log promises beyond the interface's minimum; all default to true. */
export interface LogCapabilities {
  /** poll() returns records in global append order across partitions (MemoryLog only). */
  globalOrder?: boolean;
}

/** Polls until `want` records arrived or `ms` passed. */
async function drain(c: Consumer, want: number, ms = 20_000): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  const deadline = Date.now() + ms;
  while (out.length < want && Date.now() < deadline) {
    out.push(...(await c.poll({ maxWaitMs: Math.min(200, Math.max(1, deadline - Date.now())) })));
  }
  return out;
}

/**
 * Polls (handing out nothing: there are no records yet) until the consumer owns partitions and
 * knows where each starts, i.e. a broker finished the group's rebalance.
 */
async function settle(c: Consumer, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  const settled = (): boolean => c.assignment().length > 0 && c.positions().size === c.assignment().length;
  while (!settled() && Date.now() < deadline) expect(await c.poll({ maxWaitMs: 100 })).toEqual([]);
  expect(settled()).toBe(true);
}

export function logBehaviourSuite(makeLog: () => Promise<Log>, caps: LogCapabilities = {}): void {
  const globalOrder = caps.globalOrder ?? true;
  describe('Log behaviour', () => {
    const opened: Log[] = [];
    const consumers: Consumer[] = [];
    const open = async (): Promise<Log> => {
      const log = await makeLog();
      opened.push(log);
      return log;
    };
    const consume = (log: Log, ...args: Parameters<Log['consumer']>): Consumer => {
      const c = log.consumer(...args);
      consumers.push(c);
      return c;
    };
    afterEach(async () => {
      for (const c of consumers.splice(0)) await c.close();
      for (const l of opened.splice(0)) await l.close();
    });

    describe('topics', () => {
      it('creates, describes, lists and deletes topics', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 3, config: { 'cleanup.policy': 'compact' } });
        const d = await log.describeTopic(name);
        expect(d).toMatchObject({ name, partitions: 3 });
        expect(d!.config['cleanup.policy']).toBe('compact');
        expect((await log.listTopics()).map((t) => t.name)).toContain(name);
        await log.deleteTopic(name);
        expect(await log.describeTopic(name)).toBeUndefined();
        expect((await log.listTopics()).map((t) => t.name)).not.toContain(name);
      });

      it('refuses to create a topic twice', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const err = await log.createTopic(name, { partitions: 1 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LogError);
        expect((err as LogError).code).toBe('TOPIC_EXISTS');
      });

      it.each([
        ['cleanup.policy', 'shred'],
        ['retention.ms', 'a week'],
        ['retention.ms', '-2'],
        ['retention.bytes', '1.5'],
        ['delete.retention.ms', '-1'],
      ])('refuses a topic with %s=%s', async (config, value) => {
        const log = await open();
        const name = unique('t');
        const err = await log.createTopic(name, { partitions: 1, config: { [config]: value } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LogError);
        expect((err as LogError).code).toBe('INVALID_TOPIC');
        expect(await log.describeTopic(name)).toBeUndefined();
      });

      it('reports unknown topics', async () => {
        const log = await open();
        const name = unique('missing');
        const err = await log.produce(name, [{ key: null, value: bytes('x') }]).catch((e: unknown) => e);
        expect((err as LogError).code).toBe('UNKNOWN_TOPIC');
        expect(((await log.deleteTopic(name).catch((e: unknown) => e)) as LogError).code).toBe('UNKNOWN_TOPIC');
      });
    });

    describe('produce and read', () => {
      it('appends with consecutive offsets per partition and reads them back intact', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const at = await log.produce(name, [
          { key: bytes('k1'), value: bytes('v1'), timestamp: 1000, headers: [{ key: 'h', value: bytes('hv') }] },
          { key: null, value: null, timestamp: 2000 },
          { key: bytes('k3'), value: bytes('v3'), timestamp: 3000 },
        ]);
        expect(at).toEqual([{ partition: 0, offset: 0 }, { partition: 0, offset: 1 }, { partition: 0, offset: 2 }]);
        const more = await log.produce(name, [{ key: null, value: bytes('v4'), timestamp: 4000 }]);
        expect(more).toEqual([{ partition: 0, offset: 3 }]);
        expect(await log.endOffsets(name)).toEqual([4]);

        const recs = await log.read(name, 0, 0, 10);
        expect(recs.map((r) => [r.offset, text(r.key), text(r.value), r.timestamp])).toEqual([
          [0, 'k1', 'v1', 1000], [1, null, null, 2000], [2, 'k3', 'v3', 3000], [3, null, 'v4', 4000],
        ]);
        expect(recs[0].topic).toBe(name);
        expect(recs[0].headers.map((h) => [h.key, text(h.value)])).toEqual([['h', 'hv']]);
        expect((await log.read(name, 0, 2, 1)).map((r) => r.offset)).toEqual([2]);
        expect(await log.read(name, 0, 4, 10)).toEqual([]);

        // append writes as produce does, after what is there, without telling where.
        await log.append(name, [{ key: bytes('k5'), value: bytes('v5'), timestamp: 5000 }, { key: null, value: bytes('v6'), timestamp: 6000 }]);
        expect(await log.endOffsets(name)).toEqual([6]);
        expect((await log.read(name, 0, 4, 10)).map((r) => [r.offset, text(r.key), text(r.value), r.timestamp])).toEqual([
          [4, 'k5', 'v5', 5000], [5, null, 'v6', 6000],
        ]);
      });

      it('stamps records without a timestamp with the append time', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const before = Date.now();
        await log.produce(name, [{ key: null, value: bytes('x') }]);
        const [r] = await log.read(name, 0, 0, 1);
        expect(r.timestamp).toBeGreaterThanOrEqual(before - 1000);
        expect(r.timestamp).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('puts keyed records in the partition Kafka would choose', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 7 });
        const keys = ['a', 'b', 'alice', 'bob', '0', '1', '42', 'some-longer-key'];
        const at = await log.produce(name, keys.map((k) => ({ key: bytes(k), value: bytes(k) })));
        at.forEach((a, i) => expect(a.partition).toBe(partitionForKey(bytes(keys[i]), 7)));
        // the same key always lands in the same partition
        const again = await log.produce(name, keys.map((k) => ({ key: bytes(k), value: bytes(k) })));
        expect(again.map((a) => a.partition)).toEqual(at.map((a) => a.partition));
      });

      it('honours an explicit partition and refuses a missing one', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 3 });
        const at = await log.produce(name, [{ key: bytes('a'), value: null, partition: 2 }]);
        expect(at).toEqual([{ partition: 2, offset: 0 }]);
        const err = await log.produce(name, [{ key: null, value: null, partition: 3 }]).catch((e: unknown) => e);
        expect((err as LogError).code).toBe('INVALID_PARTITION');
        expect(await log.endOffsets(name)).toEqual([0, 0, 1]);
      });

      it('spreads null-keyed records over all partitions', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 4 });
        await log.produce(name, Array.from({ length: 40 }, (_, i) => ({ key: null, value: bytes(String(i)) })));
        const ends = await log.endOffsets(name);
        expect(ends.reduce((a, b) => a + b, 0)).toBe(40);
        expect(ends.every((e) => e > 0)).toBe(true);
      });
    });

    describe('consumers', () => {
      it('reads from the earliest offset by default, in order per partition', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 2 });
        for (let i = 0; i < 10; i++) {
          await log.produce(name, [{ key: bytes(`k${i % 3}`), value: bytes(String(i)) }]);
        }
        const c = consume(log, { groupId: unique('g'), topics: [name] });
        const got = await drain(c, 10);
        expect(got).toHaveLength(10);
        for (const p of [0, 1]) {
          const offs = got.filter((r) => r.partition === p).map((r) => r.offset);
          expect(offs).toEqual([...offs].sort((a, b) => a - b));
          expect(offs).toEqual(offs.map((_, i) => i));
        }
      });

      it("with autoOffsetReset 'latest' skips what was there before it joined", async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, [{ key: null, value: bytes('old') }]);
        const c = consume(log, { groupId: unique('g'), topics: [name], autoOffsetReset: 'latest' });
        await settle(c); // 'latest' is where the log ends when the consumer gets the partition
        await log.produce(name, [{ key: null, value: bytes('new') }]);
        const got = await drain(c, 1);
        expect(got.map((r) => text(r.value))).toEqual(['new']);
      });

      it('resumes a group from its committed offsets after close and reopen', async () => {
        const log = await open();
        const name = unique('t');
        const groupId = unique('g');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, ['a', 'b', 'c'].map((v) => ({ key: null, value: bytes(v) })));
        const c1 = consume(log, { groupId, topics: [name] });
        const first = await drain(c1, 3);
        expect(first.map((r) => text(r.value))).toEqual(['a', 'b', 'c']);
        await c1.commit();
        expect(c1.positions().get(`${name}/0`)).toBe(3);
        await c1.close();

        await log.produce(name, [{ key: null, value: bytes('d') }]);
        const c2 = consume(log, { groupId, topics: [name] });
        const next = await drain(c2, 1);
        expect(next.map((r) => [r.offset, text(r.value)])).toEqual([[3, 'd']]);
      });

      it('commits explicit offsets as the next offset to read', async () => {
        const log = await open();
        const name = unique('t');
        const groupId = unique('g');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, ['a', 'b', 'c'].map((v) => ({ key: null, value: bytes(v) })));
        const c1 = consume(log, { groupId, topics: [name] });
        await drain(c1, 3);
        await c1.commit([{ topic: name, partition: 0, offset: 1 }]);
        await c1.close();
        const c2 = consume(log, { groupId, topics: [name] });
        expect((await drain(c2, 2)).map((r) => text(r.value))).toEqual(['b', 'c']);
      });

      it('does not commit on close: uncommitted records are read again', async () => {
        const log = await open();
        const name = unique('t');
        const groupId = unique('g');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, ['a', 'b'].map((v) => ({ key: null, value: bytes(v) })));
        const c1 = consume(log, { groupId, topics: [name] });
        await drain(c1, 2);
        await c1.close();
        const c2 = consume(log, { groupId, topics: [name] });
        expect((await drain(c2, 2)).map((r) => text(r.value))).toEqual(['a', 'b']);
      });

      it('gives separate groups separate positions', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, [{ key: null, value: bytes('x') }]);
        const a = consume(log, { groupId: unique('g'), topics: [name] });
        const b = consume(log, { groupId: unique('g'), topics: [name] });
        expect(await drain(a, 1)).toHaveLength(1);
        expect(await drain(b, 1)).toHaveLength(1);
      });

      it('wakes a waiting poll as soon as a record is produced', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const c = consume(log, { groupId: unique('g'), topics: [name] });
        await settle(c); // so the wait below measures the wake-up, not a rebalance
        const started = Date.now();
        const pending = c.poll({ maxWaitMs: 10_000 });
        setTimeout(() => void log.produce(name, [{ key: null, value: bytes('wake') }]), 50);
        const got = await pending;
        expect(got.map((r) => text(r.value))).toEqual(['wake']);
        expect(Date.now() - started).toBeLessThan(5000);
      });

      it('returns [] when nothing arrives within maxWaitMs', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const c = consume(log, { groupId: unique('g'), topics: [name] });
        const started = Date.now();
        expect(await c.poll({ maxWaitMs: 100 })).toEqual([]);
        expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      });

      it('wakes a waiting poll with [] when the consumer closes', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        const c = log.consumer({ groupId: unique('g'), topics: [name] });
        const started = Date.now();
        const pending = c.poll({ maxWaitMs: 10_000 });
        setTimeout(() => void c.close(), 50);
        expect(await pending).toEqual([]);
        expect(Date.now() - started).toBeLessThan(5000);
      });

      it.runIf(globalOrder)('polls in global append order across partitions', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 3 });
        const values = Array.from({ length: 30 }, (_, i) => String(i));
        for (const v of values) await log.produce(name, [{ key: bytes(`key-${v}`), value: bytes(v) }]);
        const c = consume(log, { groupId: unique('g'), topics: [name] });
        expect((await drain(c, 30)).map((r) => text(r.value))).toEqual(values);
      });

      it('respects maxRecords', async () => {
        const log = await open();
        const name = unique('t');
        await log.createTopic(name, { partitions: 1 });
        await log.produce(name, Array.from({ length: 5 }, (_, i) => ({ key: null, value: bytes(String(i)) })));
        const c = consume(log, { groupId: unique('g'), topics: [name] });
        const first = await c.poll({ maxRecords: 2, maxWaitMs: 20_000 });
        expect(first.length).toBeGreaterThan(0);
        expect(first.length).toBeLessThanOrEqual(2);
      });

      it('splits partitions between two consumers of a group, and hands all back when one leaves', async () => {
        const log = await open();
        const name = unique('t');
        const groupId = unique('g');
        await log.createTopic(name, { partitions: 4 });
        const c1 = consume(log, { groupId, topics: [name] });
        const c2 = consume(log, { groupId, topics: [name] });
        const deadline = Date.now() + 60_000;
        const owned = (c: Consumer): number[] => c.assignment().map((tp) => tp.partition).sort();
        // On a broker the second member joins later: wait until both own a share.
        const split = (): boolean => owned(c1).length > 0 && owned(c2).length > 0 && owned(c1).length + owned(c2).length === 4;
        while (!split() && Date.now() < deadline) {
          await Promise.all([c1.poll({ maxWaitMs: 100 }), c2.poll({ maxWaitMs: 100 })]);
        }
        expect(owned(c1).length).toBeGreaterThan(0);
        expect(owned(c2).length).toBeGreaterThan(0);
        expect([...owned(c1), ...owned(c2)].sort()).toEqual([0, 1, 2, 3]);

        // each record is delivered to exactly one of them
        await log.produce(name, Array.from({ length: 20 }, (_, i) => ({ key: bytes(`k${i}`), value: bytes(String(i)) })));
        const seen: LogRecord[] = [];
        while (seen.length < 20 && Date.now() < deadline) {
          const [a, b] = await Promise.all([c1.poll({ maxWaitMs: 100 }), c2.poll({ maxWaitMs: 100 })]);
          a.forEach((r) => expect(owned(c1)).toContain(r.partition));
          b.forEach((r) => expect(owned(c2)).toContain(r.partition));
          seen.push(...a, ...b);
        }
        expect(seen.map((r) => text(r.value)).sort((x, y) => Number(x) - Number(y)))
          .toEqual(Array.from({ length: 20 }, (_, i) => String(i)));

        await c1.commit();
        await c2.close();
        while (owned(c1).length !== 4 && Date.now() < deadline) await c1.poll({ maxWaitMs: 100 });
        expect(owned(c1)).toEqual([0, 1, 2, 3]);
      });
    });
  });
}
