// An ONNX model on a real broker: the model's bytes travel in the command topic, so a second
// instance, started where the file is not, replays the CREATE MODEL and the scoring query and
// scores what arrives after the first instance stopped, as scikit-learn does.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { readAll } from './service-helpers.js';

vi.setConfig({ testTimeout: 180_000 });

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'onnx');
const { logreg } = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as { logreg: { x: number[][]; label: number[] } };

describe.skipIf(!kafkaEnabled)('ONNX models on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('a second instance scores with the model from the command topic, without the file', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `onnx_${suffix}`;
    const topic = `pts_${suffix}`;
    const sink = `SCORED_${suffix}`.toUpperCase();
    const props = { 'auto.offset.reset': 'earliest' };
    const dir = mkdtempSync(join(tmpdir(), 'eddy-onnx-kafka-'));
    copyFileSync(join(FIXTURES, 'logreg.onnx'), join(dir, 'm.onnx'));
    const log = new KafkaLog({ brokers, clientId: 'eddy-onnx-test' });
    const record = (i: number) => ({ key: null, value: Buffer.from(JSON.stringify({ ID: i, F0: logreg.x[i][0], F1: logreg.x[i][1], F2: logreg.x[i][2] })) });
    const first = await Engine.create({ log, durable: true, serviceId, properties: props, baseDir: dir });
    let second: Engine | undefined;
    try {
      await first.executeScript(`
        CREATE STREAM pts (id INT, f0 DOUBLE, f1 DOUBLE, f2 DOUBLE) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL m WITH (TYPE='onnx', PATH='m.onnx');
        CREATE STREAM ${sink} AS SELECT id, PREDICT(m, f0, f1, f2) AS g FROM pts;`);
      await log.produce(topic, logreg.x.slice(0, 20).map((_, i) => record(i)));
      await first.settle(120_000);
      await first.close();
      rmSync(join(dir, 'm.onnx'));
      await log.produce(topic, logreg.x.slice(20).map((_, i) => record(20 + i)));
      second = await Engine.create({ log, durable: true, serviceId, properties: props, baseDir: tmpdir() });
      await second.settle(120_000);
      const scored = await readAll(log, sink);
      expect(scored.map((r) => r.value!.ID)).toEqual(logreg.x.map((_, i) => i));
      expect(scored.map((r) => r.value!.G)).toEqual(logreg.label);
    } finally {
      await second?.close();
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
