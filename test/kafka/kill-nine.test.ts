// kill -9 at any moment loses nothing: `eddy server` processes a 4-partition stream into a
// stateless sink and a GROUP BY (through its repartition topic and changelog) while input keeps
// arriving; it is killed with SIGKILL twice and restarted. At-least-once: every input reaches
// the sink and no count falls short. exactly_once: every input reaches the sink once and every
// count is exact (read_committed).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import {
  cliBuilt, killNine, producePaced, readAll, REGIONS, startServer, stopServer, waitProcessed,
  type ServerProcess,
} from './service-helpers.js';

vi.setConfig({ testTimeout: 300_000 });

const N = 3000;

describe.skipIf(!kafkaEnabled || !cliBuilt())('kill -9 of a service instance', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it.each(['at_least_once', 'exactly_once'])('loses no output (%s)', async (guarantee) => {
    const suffix = `${guarantee}_${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `kill9_${suffix}`;
    const input = `events_${suffix}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-kill9-test' });
    let server: ServerProcess | undefined;
    try {
      // The statements join the service through its command topic; the servers run them.
      const setup = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest', 'processing.guarantee': guarantee } });
      await setup.executeScript(`
        CREATE STREAM events (id STRING KEY, region STRING, seq INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE STREAM copied_${suffix} AS SELECT id, region, seq FROM events;
        CREATE TABLE counts_${suffix} AS SELECT region, COUNT(*) AS n FROM events GROUP BY region;`);
      const groups = [...setup.state.queries.keys()].map((q) => `_eddy_${serviceId}_query_${q}`);
      await setup.close(); // its queries stop here; the server takes them over
      expect(groups).toHaveLength(2);

      server = await startServer(brokers, serviceId, 'one');
      let kills = 0;
      await producePaced(log, input, 0, N, 100, 60, async (sent) => {
        if ((sent === 1000 || sent === 2000) && server) {
          await new Promise((r) => setTimeout(r, 150 + Math.random() * 300)); // mid-batch, somewhere
          await killNine(server);
          kills++;
          server = await startServer(brokers, serviceId, 'one');
        }
      });
      expect(kills).toBe(2);
      await waitProcessed(log, groups, [input]);

      const copied = await readAll(log, `COPIED_${suffix}`.toUpperCase());
      const seqs = copied.map((r) => r.value!.SEQ as number);
      expect(new Set(seqs).size).toBe(N); // every input, at least once
      const counts = new Map<string, number>();
      for (const r of await readAll(log, `COUNTS_${suffix}`.toUpperCase())) counts.set(r.key, r.value!.N as number);
      expect(counts.size).toBe(REGIONS);
      const perRegion = N / REGIONS;
      console.log(`kill -9 (${guarantee}): ${seqs.length - N} duplicate sink records, counts ${[...counts.values()].join(',')} (exact: ${perRegion})`);
      if (guarantee === 'exactly_once') {
        expect(seqs).toHaveLength(N); // and only once
        expect([...counts.values()]).toEqual(Array(REGIONS).fill(perRegion));
      } else {
        for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(perRegion);
      }
    } finally {
      if (server) await stopServer(server);
      await log.close();
    }
  });
});
