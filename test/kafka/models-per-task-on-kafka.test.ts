// A mergeable model on a real broker, two instances: each learns the rows of its own partitions,
// and both serve the merge of every task's part, the model one learner of all rows would have.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { createModel } from '../../src/ml/registry.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 180_000 });

const N = 4000;

async function until(what: string, ok: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!kafkaEnabled)('mergeable models on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('two instances learn a ridge model per task and serve the same merged model', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `parts_${suffix}`;
    const topic = `pts_${suffix}`;
    const props = { 'auto.offset.reset': 'earliest' };
    const log = new KafkaLog({ brokers, clientId: 'eddy-parts-test' });
    const a = await Engine.create({ log, durable: true, serviceId, properties: props });
    const b = await Engine.create({ log, durable: true, serviceId, properties: props });
    try {
      await a.executeScript(`CREATE STREAM pts (x DOUBLE, y DOUBLE, z DOUBLE) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE MODEL r WITH (TYPE='ridge', LABEL='z') AS SELECT x, y, z FROM pts TRAIN ONLINE;`);
      await b.settle(120_000);
      const runner = (e: Engine) => e.state.queries.get(e.state.models.get('R')!.def.queryId)!.runner;
      await until('the tasks to be split', () => [a, b].every((e) => runner(e).assignedTasks().length === 2));
      const rows = Array.from({ length: N }, (_v, i) => ({ x: ((i * 37) % 101) / 10, y: ((i * 53) % 97) / 10, z: 0 }));
      for (const r of rows) r.z = 1.5 * r.x - 2 * r.y + 4 + ((rows.indexOf(r) * 7) % 13) / 50;
      await log.produce(topic, rows.map((r, i) => ({ key: null, partition: i % 4, value: Buffer.from(JSON.stringify({ X: r.x, Y: r.y, Z: r.z })) })));
      await a.settle(120_000);
      await b.settle(120_000);
      await until('both instances to merge every part', () => [a, b].every((e) => e.state.models.get('R')!.rows === N));
      for (const e of [a, b]) expect(e.state.models.get('R')!.parts!.localRows).toBe(N / 2);
      const ridge = createModel('ridge', { features: 2, params: {}, seed: 42 });
      for (const r of rows) ridge.learn(Float64Array.of(r.x, r.y), r.z);
      const want = ridge.predict(Float64Array.of(3, 7));
      for (const e of [a, b]) {
        const [res] = await e.executeScript('SELECT PREDICT(r, 3.0, 7.0) AS z FROM pts LIMIT 1;');
        if (res.kind !== 'rows') throw new Error(`expected rows, got ${res.kind}`);
        const got = res.rows[0][0] as number;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
      }
    } finally {
      await b.close();
      await a.close();
      await log.close();
    }
  });

  it('a model and its scoring query started together on a topic of four partitions catch up with a burst', async () => {
    // Lockstep is per partition, and each consumer hands out its partitions' records in runs
    // starting at another partition: the two waited for each other, each wait lasting the gate's
    // 5-second limit (`eddy run --brokers` said "queries did not catch up within 60000 ms").
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const topic = `burst_${suffix}`;
    const sink = `BURST_SCORED_${suffix}`.toUpperCase();
    const log = new KafkaLog({ brokers, clientId: 'eddy-parts-burst-test' });
    const e = await Engine.create({ log, durable: true, serviceId: `burst_${suffix}`, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`CREATE STREAM pts (seq INT, a DOUBLE, b DOUBLE) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE MODEL z WITH (TYPE='zscore') AS SELECT a, b FROM pts TRAIN ONLINE;
        CREATE STREAM ${sink} AS SELECT seq, ANOMALY_SCORE(z, a, b) AS score FROM pts;`);
      const runners = [...e.state.queries.values()].map((q) => q.runner);
      await until('both queries to be assigned', () => runners.every((r) => r.assignedTasks().length === 4));
      await log.produce(topic, Array.from({ length: N }, (_v, i) => ({
        key: null, partition: i % 4, value: Buffer.from(JSON.stringify({ SEQ: i, A: ((i * 37) % 101) / 10, B: ((i * 53) % 97) / 10 })),
      })));
      const t0 = Date.now();
      await e.settle(60_000);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(e.state.models.get('Z')!.rows).toBe(N);
      expect((await log.endOffsets(sink)).reduce((x, y) => x + y, 0)).toBe(N);
    } finally {
      await e.close();
      await log.close();
    }
  });
});
