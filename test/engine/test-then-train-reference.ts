// Shared by the test-then-train tests (MemoryLog and Kafka): an input burst whose rule changes
// half way (so the model keeps changing and a row scored late would differ), and the reference
// a scoring query must match: one model of the same definition that predicts, then learns, row
// by row.
import { LiveModel } from '../../src/engine/models/live-model.js';
import type { ModelDef } from '../../src/engine/models/model-def.js';

export interface Point { SEQ: number; X: number; Y: number; BUSY: boolean }

export function burst(n: number): { key: null; value: Buffer }[] {
  return Array.from({ length: n }, (_v, i) => {
    const x = ((i * 37) % 100) / 10;
    const y = ((i * 53) % 100) / 10;
    const busy = i < n / 2 ? x + y > 10 : x - y > 0;
    const p: Point = { SEQ: i, X: x, Y: y, BUSY: busy };
    return { key: null, value: Buffer.from(JSON.stringify(p)) };
  });
}

/** PREDICT_PROBA of each input row before learning it, and the fully trained reference's PREDICT_PROBA. */
export function predictThenLearn(def: ModelDef, input: { value: Buffer }[]): { expected: unknown[]; proba: (x: number, y: number) => unknown } {
  const ref = new LiveModel(def);
  const bound = ref.bind('PREDICT_PROBA');
  if (typeof bound === 'string') throw new Error(bound);
  const expected = input.map((r) => {
    const v = JSON.parse(r.value.toString()) as Point;
    const p = bound.impl(v.X, v.Y);
    ref.learn([v.X, v.Y, v.BUSY], 0);
    return p;
  });
  return { expected, proba: (x, y) => bound.impl(x, y) };
}
