// A source topic deleted under a running query on a real broker: the service goes on — the next
// statements return, other queries keep working — and the query says what happened.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { readAll } from './service-helpers.js';
import { freshSuffix } from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('a source topic deleted under a running query on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('the next statements return and the other queries go on', async () => {
    const suffix = freshSuffix();
    const serviceId = `srcdel_${suffix}`;
    const doomed = `doomed_${suffix}`;
    const kept = `kept_${suffix}`;
    const keptSink = `KEPT_COPY_${suffix}`.toUpperCase();
    const log = new KafkaLog({ brokers, clientId: 'eddy-source-deleted-test' });
    const engine = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
    const rec = (id: string) => ({ key: Buffer.from(id), value: Buffer.from(JSON.stringify({ V: id })) });
    try {
      await engine.executeScript(`
        CREATE STREAM doomed (id STRING KEY, v STRING) WITH (KAFKA_TOPIC='${doomed}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM kept (id STRING KEY, v STRING) WITH (KAFKA_TOPIC='${kept}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM doomed_copy_${suffix} AS SELECT * FROM doomed;
        CREATE STREAM ${keptSink} AS SELECT * FROM kept;`);
      await log.produce(doomed, [rec('a')]);
      await log.produce(kept, [rec('a')]);
      await engine.settle();

      await log.deleteTopic(doomed);
      await log.produce(kept, [rec('b')]);
      // Each statement first waits for the queries to catch up: it must not wait on the lost one.
      const [shown] = await engine.executeScript('SHOW QUERIES;');
      expect(shown.kind).toBe('rows');
      await engine.settle();
      expect((await readAll(log, keptSink)).map((r) => r.key)).toEqual(['a', 'b']);
      // The lost query says why it stopped.
      const [after] = await engine.executeScript('SHOW QUERIES;');
      const row = (after.kind === 'rows' ? after.rows : []).find((r) => String(r[0]).startsWith('CSAS_DOOMED_COPY'));
      expect(row?.[2]).toBe('ERROR:1');
    } finally {
      await engine.close();
      await log.close();
    }
  });
});
