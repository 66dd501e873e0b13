// The processing log on a real broker: a malformed record is logged (reason, topic, partition,
// offset) to the service's processing-log topic and readable through the system stream, and
// the query goes on with the next record.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { readAll } from './service-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('the processing log on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('logs a malformed record with where it was and goes on', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `plog_${suffix}`;
    const input = `readings_${suffix}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-plog-test' });
    const engine = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await engine.executeScript(`
        CREATE STREAM readings (id STRING KEY, v INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM ok_${suffix} AS SELECT id, v FROM readings;`);
      const [bad] = await log.produce(input, [{ key: Buffer.from('k1'), value: Buffer.from('{"V": not json'), partition: 1 }]);
      await log.produce(input, [{ key: Buffer.from('k1'), value: Buffer.from('{"V": 7}'), partition: 1 }]);
      await engine.settle();

      expect((await readAll(log, `OK_${suffix}`.toUpperCase())).map((r) => r.value)).toEqual([{ V: 7 }]);
      const entries = (await readAll(log, `_eddy_${serviceId}_processing_log`)).map((r) => r.value!);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ TYPE: 'DESERIALIZATION', TOPIC: input, PARTITION: 1, OFFSET: bad.offset });
      expect(String(entries[0].MESSAGE)).toMatch(/JSON/i);

      const [res] = await engine.executeScript('SELECT type, `TOPIC`, `PARTITION`, `OFFSET` FROM EDDY_PROCESSING_LOG EMIT CHANGES LIMIT 1;');
      if (res.kind !== 'stream') throw new Error(`expected a push query, got ${res.kind}`);
      const rows: unknown[][] = [];
      for await (const row of res.rows) rows.push(row);
      expect(rows).toEqual([['DESERIALIZATION', input, 1, bad.offset]]);
    } finally {
      await engine.close();
      await log.close();
    }
  });
});
