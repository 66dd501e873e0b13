// On the broker, a query's consumer joins its group seconds after CREATE returns, and a query
// accepted by `eddy run` may first run on a server started later: auto.offset.reset=latest must
// still mean the end of the input when the statement was accepted.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix, readTopic } from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 90_000 });

const LATEST = { 'auto.offset.reset': 'latest' };
const rec = (i: number) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(JSON.stringify({ V: i })) });
const values = async (log: KafkaLog, topic: string): Promise<number[]> =>
  (await readTopic(log, topic)).map((r) => (JSON.parse(r.value!.toString()) as { V: number }).V).sort((a, b) => a - b);

describe.skipIf(!kafkaEnabled)('latest means when the statement was accepted (Kafka)', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('a query created with latest processes every record produced right after CREATE returned', async () => {
    const suffix = freshSuffix();
    const log = new KafkaLog({ brokers, clientId: 'eddy-latest-test' });
    const e = await Engine.create({ log, durable: true, serviceId: `latest_${suffix}`, properties: LATEST });
    try {
      await e.executeScript(`CREATE STREAM s_${suffix} (id STRING KEY, v INT) WITH (KAFKA_TOPIC='in_${suffix}', VALUE_FORMAT='JSON', PARTITIONS=2);`);
      await log.produce(`in_${suffix}`, [rec(-1)]); // before the query: not for it
      await e.executeScript(`CREATE STREAM out_${suffix} AS SELECT id, v FROM s_${suffix};`);
      await log.produce(`in_${suffix}`, [0, 1, 2, 3, 4].map(rec));
      await e.settle();
      expect(await values(log, `OUT_${suffix}`.toUpperCase())).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await e.close();
      await log.close();
    }
  });

  it('a query accepted by an instance that stopped at once starts, on the next instance, where it was accepted', async () => {
    const suffix = freshSuffix();
    const serviceId = `latest2_${suffix}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-latest-test' });
    try {
      const a = await Engine.create({ log, durable: true, serviceId, properties: LATEST });
      await a.executeScript(`
        CREATE STREAM s_${suffix} (id STRING KEY, v INT) WITH (KAFKA_TOPIC='in_${suffix}', VALUE_FORMAT='JSON', PARTITIONS=2);
        INSERT INTO s_${suffix} (id, v) VALUES ('early', -1);
        CREATE STREAM out_${suffix} AS SELECT id, v FROM s_${suffix};`);
      await a.close();
      await log.produce(`in_${suffix}`, [0, 1, 2].map(rec)); // no instance runs the query
      const b = await Engine.create({ log, durable: true, serviceId, properties: LATEST });
      try {
        await log.produce(`in_${suffix}`, [rec(3)]);
        await b.settle();
        expect(await values(log, `OUT_${suffix}`.toUpperCase())).toEqual([0, 1, 2, 3]);
      } finally {
        await b.close();
      }
    } finally {
      await log.close();
    }
  });
});
