// A second instance joining a service takes over some of the first one's tasks. The first has
// processed and flushed every record (counts written, changelog written) but, with a long commit
// interval, not committed its offsets. When the group rebalances it must commit what it flushed
// before giving tasks away: otherwise the new owner restores the counts from the changelog and
// then reads the same records again from the old committed offsets, counting them twice.
// Two engines in this process, each with its own Kafka client, as two instances would be.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix, readTopic } from './engine-on-kafka-helpers.js';
import { groupMembers } from './service-helpers.js';

vi.setConfig({ testTimeout: 180_000 });

const IDS = 8;

describe.skipIf(!kafkaEnabled)('a rebalance (Kafka)', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('commits what an instance flushed before its tasks move: the new owner does not count them again', async () => {
    const suffix = freshSuffix();
    const serviceId = `rebal_${suffix}`;
    const input = `ev_${suffix}`;
    // Offsets would otherwise be committed 2 s after each flush; here only a rebalance commits them.
    const properties = { 'auto.offset.reset': 'earliest', 'ksql.streams.commit.interval.ms': '600000' };
    const logs = [1, 2].map((i) => new KafkaLog({ brokers, clientId: `eddy-rebalance-${i}` }));
    const engines: Engine[] = [];
    try {
      const a = await Engine.create({ log: logs[0], durable: true, serviceId, properties, followIntervalMs: 100 });
      engines.push(a);
      await a.executeScript(`
        CREATE STREAM ev (id STRING KEY, v INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE TABLE counts_${suffix} AS SELECT id, COUNT(*) AS n FROM ev GROUP BY id;`);
      const [queryId] = [...a.state.queries.keys()];
      const group = `_eddy_${serviceId}_query_${queryId}`;
      // One record per id per batch.
      let batches = 0;
      const batch = async () => {
        await logs[0].produce(input, Array.from({ length: IDS }, (_, i) => ({ key: Buffer.from(`id${i}`), value: Buffer.from(JSON.stringify({ V: batches })) })));
        batches++;
      };
      // The first flush commits (the interval counts from the start); then input keeps coming,
      // so A never sits idle (an idle runner commits at once) while B joins.
      await batch();
      await a.settle(60_000);
      let joined = false;
      const paced = (async () => {
        for (let extra = 0; extra < 20 && batches < 3000; extra += joined ? 1 : 0) {
          await batch();
          await new Promise((r) => setTimeout(r, 30));
        }
      })();
      await new Promise((r) => setTimeout(r, 1000));
      const b = await Engine.create({ log: logs[1], durable: true, serviceId, properties, followIntervalMs: 100 });
      engines.push(b);
      const deadline = Date.now() + 90_000;
      let members = await groupMembers(brokers, group, true);
      while (!(members.length === 2 && members.every((m) => m.length > 0)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        members = await groupMembers(brokers, group, true);
      }
      joined = true;
      await paced;
      expect(members.flat().sort()).toEqual([0, 1, 2, 3]);
      for (let i = 0; i < 3; i++) for (const e of engines) await e.settle(60_000);
      const latest = new Map<string, number>();
      for (const r of await readTopic(logs[0], `COUNTS_${suffix}`.toUpperCase())) latest.set(r.key!.toString(), (JSON.parse(r.value!.toString()) as { N: number }).N);
      // Without the commit at the rebalance, the ids that moved were counted ~1.7 times (every record
      // since the first commit, twice). What remains in theory: kafkajs cannot hold its JoinGroup
      // back, so a batch being processed when the rebalance began may be committed only after the
      // new owner read the offsets. Measured: exact in 16 of 16 runs once the consumer hands out
      // nothing while it rejoins (before that, one batch twice in 1 of 7).
      console.log(`rebalance: ${batches} batches, counts ${[...latest.values()].join(',')}`);
      expect([...latest.keys()].sort()).toEqual(Array.from({ length: IDS }, (_, i) => `id${i}`));
      for (const n of latest.values()) {
        expect(n).toBeGreaterThanOrEqual(batches);
        expect(n - batches).toBeLessThanOrEqual(2);
      }
    } finally {
      for (const e of engines) await e.close();
      for (const l of logs) await l.close();
    }
  });
});
