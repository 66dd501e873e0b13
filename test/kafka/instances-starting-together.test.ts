// Instances of a service started at the same moment on the broker (two servers, or a server
// and `eddy run`): all create the service's topics, one wins, and none may die of "topic
// already exists". A query created afterwards then produces all its rows.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix, readTopic } from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!kafkaEnabled)('instances of a service starting together (Kafka)', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('three instances started at the same moment all start, and a query created afterwards produces every row', async () => {
    const suffix = freshSuffix();
    const serviceId = `together_${suffix}`;
    // One client per instance, as separate processes would have.
    const logs = [1, 2, 3].map((i) => new KafkaLog({ brokers, clientId: `eddy-together-${i}` }));
    const started = await Promise.allSettled(logs.map((log) => Engine.create({
      log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' }, followIntervalMs: 100,
    })));
    const engines = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
      await engines[0].executeScript(`
        CREATE STREAM s_${suffix} (id STRING KEY, v INT) WITH (KAFKA_TOPIC='in_${suffix}', VALUE_FORMAT='JSON', PARTITIONS=3);
        CREATE STREAM out_${suffix} AS SELECT id, v FROM s_${suffix};`);
      const n = 300;
      await logs[0].produce(`in_${suffix}`, Array.from({ length: n }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(JSON.stringify({ V: i })) })));
      for (const e of engines) await e.settle();
      const values = new Set((await readTopic(logs[0], `OUT_${suffix}`.toUpperCase())).map((r) => (JSON.parse(r.value!.toString()) as { V: number }).V));
      expect(values.size).toBe(n);
    } finally {
      for (const e of engines) await e.close();
      for (const l of logs) await l.close();
    }
  });
});
