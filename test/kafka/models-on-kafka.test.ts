// Models on a real broker: the test-then-train guarantee holds on Kafka too (a CSAS scoring a
// single-partition topic sees, for each row, the model from just before it learned the row),
// and a restarted service resumes the model from its checkpoint without relearning.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { burst, predictThenLearn } from '../engine/test-then-train-reference.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { readAll } from './service-helpers.js';

vi.setConfig({ testTimeout: 180_000 });

const N = 2000;

async function until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!kafkaEnabled)('models on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('test-then-train, and a restart resumes the model from its checkpoint', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `models_${suffix}`;
    const topic = `pts_${suffix}`;
    const sink = `SCORED_${suffix}`.toUpperCase();
    const props = { 'auto.offset.reset': 'earliest' };
    const log = new KafkaLog({ brokers, clientId: 'eddy-models-test' });
    const first = await Engine.create({ log, durable: true, serviceId, properties: props });
    let second: Engine | undefined;
    try {
      await first.executeScript(`
        CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts TRAIN ONLINE;
        CREATE STREAM ${sink} AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
      // Both consumers hold the partition before the burst arrives.
      const runners = [...first.state.queries.values()].map((q) => q.runner);
      await until('both queries to be assigned', () => runners.every((r) => r.assignedTasks().length === 1));
      const input = burst(N);
      await log.produce(topic, input);
      await first.settle(120_000);

      const { expected, proba } = predictThenLearn(first.state.models.get('M')!.def, input);
      const scored = await readAll(log, sink);
      expect(scored.map((r) => r.value!.SEQ)).toEqual(input.map((_r, i) => i));
      expect(scored.map((r) => r.value!.P)).toEqual(expected);
      await first.close();

      second = await Engine.create({ log, durable: true, serviceId, properties: props });
      await second.settle(120_000);
      expect(second.state.models.get('M')!.rows).toBe(N); // restored, not relearned
      // A pull query with PREDICT: the restored model predicts as the reference does.
      const [pulled] = await second.executeScript('SELECT PREDICT_PROBA(m, 9.0, 1.0) AS p FROM pts LIMIT 1;');
      if (pulled.kind !== 'rows') throw new Error(`expected rows, got ${pulled.kind}`);
      expect(pulled.rows).toEqual([[proba(9.0, 1.0)]]);
    } finally {
      await second?.close();
      await log.close();
    }
  });
});
