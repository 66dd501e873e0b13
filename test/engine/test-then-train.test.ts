// The test-then-train guarantee: a persistent query that calls PREDICT(m, ...) on the topic m
// trains on scores every row with m as it was just before m learned that row — the same
// predictions as one model that alternates predict and learn, row by row. The input arrives in
// one burst, so the scoring and the training query (separate consumers) would race without it.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { LiveModel } from '../../src/engine/models/live-model.js';

const props = { 'auto.offset.reset': 'earliest' };

function burst(n: number): { key: null; value: Buffer }[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    const x = ((i * 37) % 100) / 10;
    const y = ((i * 53) % 100) / 10;
    // The rule changes half way, so the model keeps changing and a row scored late would differ.
    const busy = i < n / 2 ? x + y > 10 : x - y > 0;
    out.push({ key: null, value: Buffer.from(JSON.stringify({ SEQ: i, X: x, Y: y, BUSY: busy })) });
  }
  return out;
}

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

      // The reference: one model of the same definition, predicting then learning each row.
      const ref = new LiveModel(e.state.models.get('M')!.def);
      const proba = ref.bind('PREDICT_PROBA');
      if (typeof proba === 'string') throw new Error(proba);
      const expected = input.map((r) => {
        const v = JSON.parse(r.value.toString()) as { X: number; Y: number; BUSY: boolean };
        const p = proba.impl(v.X, v.Y);
        ref.learn([v.X, v.Y, v.BUSY], 0);
        return p;
      });
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
