// Faults a query meets on a real broker that must not stall the service: a sink record the topic
// can never take (over its max.message.bytes), and the processing-log topic deleted under it.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { readAll } from './service-helpers.js';
import { freshSuffix } from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('unwritable records and a lost processing log on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('a record over the topic\'s max message size goes to the processing log and the rest of its batch reaches the sink', async () => {
    const suffix = freshSuffix();
    const serviceId = `big_${suffix}`;
    const input = `texts_${suffix}`;
    const sink = `DOUBLED_${suffix}`.toUpperCase();
    const log = new KafkaLog({ brokers, clientId: 'eddy-big-record-test' });
    const engine = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await engine.executeScript(`
        CREATE STREAM texts (id STRING KEY, t STRING) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ${sink} AS SELECT id, t + t AS t FROM texts;`);
      // 700 kB in, 1.4 MB out: over the broker's default max.message.bytes (~1 MB).
      const big = 'x'.repeat(700_000);
      const rec = (id: string, t: string) => ({ key: Buffer.from(id), value: Buffer.from(JSON.stringify({ T: t })) });
      await log.produce(input, [rec('a', 'a'), rec('b', big), rec('c', 'c')]);
      await engine.settle();

      expect((await readAll(log, sink)).map((r) => [r.key, r.value])).toEqual([['a', { T: 'aa' }], ['c', { T: 'cc' }]]);
      const entries = (await readAll(log, `_eddy_${serviceId}_processing_log`)).map((r) => r.value!);
      const produced = entries.filter((e) => e.TYPE === 'PRODUCTION');
      expect(produced).toHaveLength(1);
      expect(produced[0]).toMatchObject({ TOPIC: sink });
      expect(String(produced[0].MESSAGE)).toMatch(/too large|max/i);
      // The service goes on: the next statements run.
      await log.produce(input, [rec('d', 'd')]);
      await engine.settle();
      expect((await readAll(log, sink)).map((r) => r.key)).toEqual(['a', 'c', 'd']);
    } finally {
      await engine.close();
      await log.close();
    }
  });

  it('with exactly_once, a record over the topic\'s max message size goes to the processing log and the rest of its transaction reaches the sink', async () => {
    const suffix = freshSuffix();
    const serviceId = `bigeos_${suffix}`;
    const input = `texts_${suffix}`;
    const sink = `DOUBLED_${suffix}`.toUpperCase();
    const log = new KafkaLog({ brokers, clientId: 'eddy-big-record-eos-test' });
    const engine = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest', 'processing.guarantee': 'exactly_once' } });
    try {
      await engine.executeScript(`
        CREATE STREAM texts (id STRING KEY, t STRING) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ${sink} AS SELECT id, t + t AS t FROM texts;`);
      const rec = (id: string, t: string) => ({ key: Buffer.from(id), value: Buffer.from(JSON.stringify({ T: t })) });
      await log.produce(input, [rec('a', 'a'), rec('b', 'x'.repeat(700_000)), rec('c', 'c')]);
      await engine.settle();
      expect((await readAll(log, sink)).map((r) => [r.key, r.value])).toEqual([['a', { T: 'aa' }], ['c', { T: 'cc' }]]);
      const entries = (await readAll(log, `_eddy_${serviceId}_processing_log`)).map((r) => r.value!);
      expect(entries.filter((e) => e.TYPE === 'PRODUCTION')).toEqual([expect.objectContaining({ TOPIC: sink })]);
    } finally {
      await engine.close();
      await log.close();
    }
  });

  it('deleting the processing-log topic under a running service: the next statement returns and later errors are logged again', async () => {
    const suffix = freshSuffix();
    const serviceId = `plogdel_${suffix}`;
    const input = `lines_${suffix}`;
    const plog = `_eddy_${serviceId}_processing_log`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-plog-deleted-test' });
    const engine = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await engine.executeScript(`
        CREATE STREAM lines (id STRING KEY, v INT) WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ok_${suffix} AS SELECT id, v FROM lines;`);
      await log.deleteTopic(plog);
      const [bad] = await log.produce(input, [{ key: Buffer.from('k'), value: Buffer.from('{"V": not json') }]);
      // The next statement returns (it used to wait forever on the processing log).
      const [res] = await engine.executeScript(`SHOW STREAMS;`);
      expect(res.kind).toBeDefined();
      expect((await log.describeTopic(plog))?.partitions).toBe(1);
      const entries = (await readAll(log, plog)).map((r) => r.value!);
      expect(entries).toContainEqual(expect.objectContaining({ TYPE: 'DESERIALIZATION', TOPIC: input, OFFSET: bad.offset }));
    } finally {
      await engine.close();
      await log.close();
    }
  });
});
