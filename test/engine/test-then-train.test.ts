// The test-then-train guarantee: a persistent query that calls PREDICT(m, ...) on the topic m
// trains on scores every row with m as it was just before m learned that row — the same
// predictions as one model that alternates predict and learn, row by row. The input arrives in
// one burst, so the scoring and the training query (separate consumers) would race without it.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { burst, predictThenLearn } from './test-then-train-reference.js';

const props = { 'auto.offset.reset': 'earliest' };

describe('test-then-train', () => {
  it.each([false, true])('scores each row with the model from before it learned the row (durable: %s)', async (durable) => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable, serviceId: 'ttt', properties: props });
    try {
      await e.executeScript(`
        CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts TRAIN ONLINE;
        CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
      const input = burst(3000);
      await log.produce('pts', input);
      await e.settle();

      const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
      const [end] = await log.endOffsets('SCORED');
      const actual = (await log.read('SCORED', 0, 0, end)).map((r) => JSON.parse(Buffer.from(r.value!).toString()) as { SEQ: number; P: number | null });
      expect(actual.map((a) => a.SEQ)).toEqual(input.map((_r, i) => i));
      expect(actual.map((a) => a.P)).toEqual(expected);
      expect(e.state.models.get('M')!.rows).toBe(3000);
    } finally {
      await e.close();
    }
  });
});
