// The test-then-train guarantee: a persistent query that calls PREDICT(m, ...) on the topic m
// trains on scores every row with m as it was just before m learned that row — the same
// predictions as one model that alternates predict and learn, row by row. The input arrives in
// one burst, so the scoring and the training query (separate consumers) would race without it.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { burst, predictThenLearn } from './test-then-train-reference.js';
import { LiveModel } from '../../src/engine/models/live-model.js';

const props = { 'auto.offset.reset': 'earliest' };

/** The input stream and the model learning on it, as every test here has them. */
const TRAINED_ON_PTS = `
  CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts TRAIN ONLINE;`;

/** A scoring query's output rows (SEQ and its prediction P), in order. */
async function scoredRows(log: MemoryLog, topic: string): Promise<{ SEQ: number; P: unknown }[]> {
  const [end] = await log.endOffsets(topic);
  return (await log.read(topic, 0, 0, end)).map((r) => JSON.parse(Buffer.from(r.value!).toString()) as { SEQ: number; P: unknown });
}

describe('test-then-train', () => {
  it.each([false, true])('scores each row with the model from before it learned the row (durable: %s)', async (durable) => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable, serviceId: 'ttt', properties: props });
    try {
      await e.executeScript(`${TRAINED_ON_PTS}
        CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
      const input = burst(3000);
      await log.produce('pts', input);
      await e.settle();

      const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
      const actual = await scoredRows(log, 'SCORED');
      expect(actual.map((a) => a.SEQ)).toEqual(input.map((_r, i) => i));
      expect(actual.map((a) => a.P)).toEqual(expected);
      expect(e.state.models.get('M')!.rows).toBe(3000);
    } finally {
      await e.close();
    }
  });

  it('holds two scoring queries and the trainer in lockstep, one of them scoring only the rows it keeps', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, properties: props });
    try {
      await e.executeScript(`${TRAINED_ON_PTS}
        CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;
        CREATE STREAM some AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts WHERE seq % 3 = 0;`);
      // Bursts of several polls' worth, so the queries take turns across poll boundaries too.
      const input = burst(12_000);
      for (let i = 0; i < input.length; i += 4000) await log.produce('pts', input.slice(i, i + 4000));
      await e.settle();

      const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
      const all = await scoredRows(log, 'SCORED');
      expect(all.map((a) => a.P)).toEqual(expected);
      const some = await scoredRows(log, 'SOME');
      expect(some.map((a) => a.SEQ)).toEqual(input.map((_r, i) => i).filter((i) => i % 3 === 0));
      expect(some.map((a) => a.P)).toEqual(expected.filter((_p, i) => i % 3 === 0));
      expect(e.state.models.get('M')!.rows).toBe(12_000);
    } finally {
      await e.close();
    }
  });

  it('predicts each row once: the trainer takes the scoring query\'s prediction of the row it learns', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, properties: props });
    try {
      await e.executeScript(`${TRAINED_ON_PTS}
        CREATE STREAM scored AS SELECT seq, PREDICT(m, x, y) AS guess FROM pts;`);
      const live = e.state.models.get('M')!;
      const model = live.model;
      let predicts = 0;
      const predict = model.predict.bind(model);
      model.predict = (x) => { predicts++; return predict(x); };
      const input = burst(2000);
      await log.produce('pts', input);
      await e.settle();

      // Row 0 meets an empty model (NULL, nothing learned to test against); every other row is
      // predicted by the scoring query and the trainer's test reuses it.
      expect(predicts).toBe(input.length - 1);
      expect(live.rows).toBe(2000);
      const ref = new LiveModel(live.def);
      const bound = ref.bind('PREDICT');
      if (typeof bound === 'string') throw new Error(bound);
      const expected = input.map((r) => {
        const v = JSON.parse(r.value.toString()) as { X: number; Y: number; BUSY: boolean };
        const p = bound.impl(v.X, v.Y);
        ref.learn([v.X, v.Y, v.BUSY], 0);
        return p;
      });
      const [end] = await log.endOffsets('SCORED');
      const actual = (await log.read('SCORED', 0, 0, end)).map((r) => (JSON.parse(Buffer.from(r.value!).toString()) as { GUESS: boolean | null }).GUESS);
      expect(actual).toEqual(expected);
      expect(live.metrics.values()[0].whole).toBeCloseTo(ref.metrics.values()[0].whole, 12);
    } finally {
      await e.close();
    }
  });
});
