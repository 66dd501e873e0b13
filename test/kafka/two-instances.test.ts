// Scale-out: two `eddy server` instances of one service split the 4 partitions (tasks) of a
// source; one is killed with SIGKILL while input keeps coming, and the other takes over its tasks
// with their state (restored from the changelogs). The union of the outputs is complete, and no
// count falls short (which it would if a moved task had lost its state).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { cliBuilt, groupMembers, killNine, producePaced, readAll, REGIONS, startServer, stopServer, waitProcessed, type ServerProcess } from './service-helpers.js';

vi.setConfig({ testTimeout: 300_000 });

const N = 3000;

describe.skipIf(!kafkaEnabled || !cliBuilt())('two instances of a service', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('split the tasks, and one takes over the other\'s with their state when it is killed', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `pair_${suffix}`;
    const input = `events_${suffix}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-two-instances-test' });
    const servers: ServerProcess[] = [];
    try {
      const setup = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
      await setup.executeScript(`
        CREATE STREAM events (id STRING KEY, region STRING, seq INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE STREAM copied_${suffix} AS SELECT id, region, seq FROM events;
        CREATE TABLE counts_${suffix} AS SELECT region, COUNT(*) AS n FROM events GROUP BY region;`);
      const groups = [...setup.state.queries.keys()].map((q) => `_eddy_${serviceId}_query_${q}`);
      await setup.close();

      servers.push(await startServer(brokers, serviceId, 'a'), await startServer(brokers, serviceId, 'b'));
      // Each query's group: two members, co-partitioned tasks split between them.
      for (const g of groups) {
        const deadline = Date.now() + 90_000;
        let members = await groupMembers(brokers, g);
        while (!(members.length === 2 && members.every((m) => m.length > 0)) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 500));
          members = await groupMembers(brokers, g);
        }
        expect(members).toHaveLength(2);
        expect(members.flat().sort()).toEqual([0, 1, 2, 3]);
      }

      await producePaced(log, input, 0, N, 100, 60, async (sent) => {
        if (sent === N / 2) await killNine(servers[1]);
      });
      await waitProcessed(log, groups, [input]);
      for (const g of groups) expect(await groupMembers(brokers, g)).toEqual([[0, 1, 2, 3]]);

      const seqs = (await readAll(log, `COPIED_${suffix}`.toUpperCase())).map((r) => r.value!.SEQ as number);
      expect(new Set(seqs).size).toBe(N);
      const counts = new Map<string, number>();
      for (const r of await readAll(log, `COUNTS_${suffix}`.toUpperCase())) counts.set(r.key, r.value!.N as number);
      expect(counts.size).toBe(REGIONS);
      for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(N / REGIONS);
      console.log(`two instances: ${seqs.length - N} duplicate sink records, counts ${[...counts.values()].join(',')} (exact: ${N / REGIONS})`);
    } finally {
      for (const s of servers) await stopServer(s);
      await log.close();
    }
  });
});
