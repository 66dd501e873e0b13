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
      const created = await first.executeScript(`
        CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts TRAIN ONLINE;
        CREATE STREAM ${sink} AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
      // One partition: the model learns in lockstep with the query, nothing to warn of.
      expect(created.at(-1)).toMatchObject({ kind: 'message', message: expect.stringMatching(/^Created query with ID CSAS_\w+$/) });
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

  it('a query scoring over several partitions with a model that learns through the funnel says it is not in lockstep', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-models-test' });
    const e = await Engine.create({ log, durable: true, serviceId: `funnel_${suffix}`, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      const results = await e.executeScript(`
        CREATE STREAM obs (a DOUBLE, b DOUBLE, y BOOLEAN) WITH (KAFKA_TOPIC='obs_${suffix}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE MODEL clf WITH (TYPE='logistic_regression', LABEL='y') AS SELECT a, b, y FROM obs TRAIN ONLINE;
        CREATE MODEL z WITH (TYPE='zscore') AS SELECT a, b FROM obs TRAIN ONLINE;
        CREATE STREAM scored WITH (KAFKA_TOPIC='scored_${suffix}') AS SELECT y, PREDICT(clf, a, b) AS p FROM obs;
        CREATE STREAM odd WITH (KAFKA_TOPIC='odd_${suffix}') AS SELECT ANOMALY_SCORE(z, a, b) AS s FROM obs;
        INSERT INTO scored SELECT y, PREDICT(clf, a, b) AS p FROM obs;`);
      const messages = results.map((r) => (r.kind === 'message' ? r.message : ''));
      const warning = `Warning: model CLF (logistic_regression) learns the 4 partitions of topic obs_${suffix} in one task`;
      expect(messages[3]).toMatch(/^Created query with ID CSAS_SCORED_\d+\nWarning: /);
      expect(messages[3]).toContain(warning);
      expect(messages[3]).toContain('not in lockstep');
      // zscore merges per task: scored in lockstep per partition, no warning.
      expect(messages[4]).toMatch(/^Created query with ID CSAS_ODD_\d+$/);
      expect(messages[5]).toMatch(/^Created query with ID INSERTQUERY_\d+\nWarning: /);
      expect(messages[5]).toContain(warning);
    } finally {
      await e.close();
      await log.close();
    }
  });
});
