// A service on a real broker: a second instance started after the first stopped replays the
// command topic and resumes the query from its committed offsets — no output lost or repeated.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 180_000 });

async function sinkValues(log: KafkaLog, topic: string): Promise<string[]> {
  const [end] = await log.endOffsets(topic);
  return (await log.read(topic, 0, 0, end)).map((r) => Buffer.from(r.value!).toString());
}

describe.skipIf(!kafkaEnabled)('a durable service on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('a restarted instance replays the commands and resumes from committed offsets', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `restart_${suffix}`;
    const input = `readings_${suffix}`;
    const sink = `DOUBLED_${suffix}`.toUpperCase();
    const props = { 'auto.offset.reset': 'earliest' };
    const log1 = new KafkaLog({ brokers, clientId: 'eddy-restart-1' });
    const first = await Engine.create({ log: log1, durable: true, serviceId, properties: props });
    await first.executeScript(`
      CREATE STREAM readings (id INT KEY, v INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM ${sink} AS SELECT id, v * 2 AS v2 FROM readings;
      INSERT INTO readings (id, v) VALUES (1, 10);
      INSERT INTO readings (id, v) VALUES (2, 20);`);
    await first.settle();
    await first.close();
    await log1.close();

    const log2 = new KafkaLog({ brokers, clientId: 'eddy-restart-2' });
    await log2.produce(input, [{ key: Buffer.from([0, 0, 0, 3]), value: Buffer.from('{"V":30}') }]);
    const second = await Engine.create({ log: log2, durable: true, serviceId, properties: props });
    try {
      expect([...second.state.queries.keys()]).toEqual([`CSAS_${sink}_1`]);
      await second.settle();
      expect(await sinkValues(log2, sink)).toEqual(['{"V2":20}', '{"V2":40}', '{"V2":60}']);
    } finally {
      await second.close();
      await log2.close();
    }
  });
});
