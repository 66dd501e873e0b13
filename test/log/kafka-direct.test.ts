// KafkaLog's group-less reads and offsets (KafkaDirect) on a real broker, through Eddy's wire
// client and through kafkajs's public API (dataPath 'kafkajs', as with SASL): the same answers.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KafkaLog, type KafkaLogOptions } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 90_000 });

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
let counter = 0;
const unique = (prefix: string): string => `${prefix}-kd-${process.pid}-${Date.now().toString(36)}-${counter++}`;

describe.skipIf(!kafkaEnabled)('KafkaLog reads and offsets without a group', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);
  const logs: KafkaLog[] = [];
  afterEach(async () => { for (const l of logs.splice(0)) await l.close(); });

  for (const dataPath of ['wire', 'kafkajs'] as const) {
    const open = (): KafkaLog => {
      const log = new KafkaLog({ brokers, clientId: 'eddy-test', dataPath } satisfies KafkaLogOptions);
      logs.push(log);
      return log;
    };

    describe(`through ${dataPath === 'wire' ? "Eddy's wire client" : "kafkajs's public API"}`, () => {
      it('gives an empty topic zero offsets, no records and no committed offsets', async () => {
        const log = open();
        const name = unique('empty');
        await log.createTopic(name, { partitions: 3 });
        expect(await log.endOffsets(name)).toEqual([0, 0, 0]);
        expect(await log.read(name, 2, 0, 10)).toEqual([]);
        expect(await log.committedOffsets(unique('g'), name)).toEqual(new Map());
        await expect(log.endOffsets(unique('missing'))).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC' });
      });

      it('reads across transactions: committed records in order, aborted ones and markers skipped', async () => {
        const log = open();
        const name = unique('txn');
        await log.createTopic(name, { partitions: 1 });
        const txn = log.transactionalProducer(unique('tx'));
        const group = unique('g');
        await txn.begin();
        await txn.produce(name, [{ key: null, value: bytes('a'), partition: 0 }, { key: null, value: bytes('b'), partition: 0 }]);
        await txn.sendOffsets(group, [{ topic: name, partition: 0, offset: 7 }]);
        await txn.commit(); // a, b at 0, 1; the commit marker at 2
        await txn.begin();
        // Large enough to leave the producer's buffer before the abort: on the broker, then aborted.
        const big = new Uint8Array(300 * 1024).fill(120);
        await txn.produce(name, [1, 2, 3].map(() => ({ key: null, value: big, partition: 0 })));
        await txn.abort();
        await txn.close();
        const [c] = await log.produce(name, [{ key: null, value: bytes('c'), partition: 0 }]);
        expect(c.offset).toBeGreaterThan(3); // the commit marker, the aborted records and their marker lie between

        const all = await log.read(name, 0, 0, 100);
        expect(all.map((r) => [r.offset, text(r.value)])).toEqual([[0, 'a'], [1, 'b'], [c.offset, 'c']]);
        expect((await log.read(name, 0, 1, 1)).map((r) => text(r.value))).toEqual(['b']);
        expect((await log.read(name, 0, 2, 100)).map((r) => text(r.value))).toEqual(['c']); // from the commit marker on
        expect((await log.read(name, 0, 3, 100)).map((r) => text(r.value))).toEqual(['c']); // from inside the aborted ones
        expect(await log.read(name, 0, c.offset + 1, 100)).toEqual([]);
        expect(await log.endOffsets(name)).toEqual([c.offset + 1]);
        expect(await log.committedOffsets(group, name)).toEqual(new Map([[0, 7]]));
      });
    });
  }
});
