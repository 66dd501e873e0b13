// One hostile row must not poison a model: every registered model type, fed values whose square
// overflows, infinities, and long runs of values at the largest magnitude a model accepts, keeps
// finite predictions and keeps learning. Rows a model must not learn are skipped outright.
import { describe, expect, it } from 'vitest';
import { listModels } from '../../src/ml/registry.js';
import type { ModelFactory, OnlineModel } from '../../src/ml/online-model.js';
import { MAX_ABS_VALUE } from '../../src/ml/finite-guard.js';
import { Rng } from '../../src/ml/rng.js';

const FEATURES = 4;

function create(f: ModelFactory, params: Record<string, number | boolean | string> = {}): OnlineModel {
  return f.create({ features: FEATURES, classes: f.task === 'classification' ? 2 : undefined, params, seed: 7 });
}

/** Normal rows: y = 2 x0 - x1 (regression) or x0 > 0 (classification). */
function normalRows(n: number, seed: number, task: ModelFactory['task']): { x: Float64Array; y: number }[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const x = Float64Array.from({ length: FEATURES }, () => rng.gauss(0, 1));
    return { x, y: task === 'regression' ? 2 * x[0] - x[1] : x[0] > 0 ? 1 : 0 };
  });
}

/** Predictions and class probabilities on probe rows, flattened. */
function outputs(m: OnlineModel, probes: { x: Float64Array }[]): number[] {
  const out: number[] = [];
  const proba = new Float64Array(2);
  for (const { x } of probes) {
    out.push(m.predict(x));
    if (m.predictProba) { m.predictProba(x, proba); out.push(...proba); }
  }
  return out;
}

const types = listModels();

describe('model guards', () => {
  it('covers every registered model type', () => {
    expect(types.length).toBe(18);
  });

  it.each(types.map((f) => [f.type, f] as const))('%s skips rows with Infinity or a value whose square overflows, as if it never saw them', (_t, f) => {
    const clean = create(f), fed = create(f);
    const rows = normalRows(300, 1, f.task);
    const hostile = [Infinity, -Infinity, 1e308, -Number.MAX_VALUE, MAX_ABS_VALUE * 10];
    rows.forEach((r, i) => {
      clean.learn(r.x, r.y);
      fed.learn(r.x, r.y);
      if (i % 30 === 0) {
        for (const v of hostile) {
          const x = Float64Array.of(1, v, -1, 0.5);
          fed.learn(x, f.task === 'regression' ? 1 : 0);
          if (f.task === 'regression') fed.learn(Float64Array.of(1, 2, 3, 4), v);
        }
      }
    });
    const probes = normalRows(20, 2, f.task);
    expect(outputs(fed, probes)).toEqual(outputs(clean, probes));
    expect(fed.seen).toBe(clean.seen);
  });

  it.each(types.map((f) => [f.type, f] as const))('%s stays finite through a long run of values at the largest accepted magnitude, and still learns', (_t, f) => {
    const m = create(f);
    const rng = new Rng(3);
    for (const r of normalRows(200, 1, f.task)) m.learn(r.x, r.y);
    for (let i = 0; i < 2000; i++) {
      const s = i % 2 ? 1 : -1;
      m.learn(Float64Array.of(s * MAX_ABS_VALUE, MAX_ABS_VALUE * rng.next(), -s * MAX_ABS_VALUE, 1), f.task === 'regression' ? s * MAX_ABS_VALUE : i % 2);
    }
    const probes = normalRows(20, 2, f.task);
    const before = outputs(m, probes);
    expect(before.every(Number.isFinite), `${f.type}: ${before.join(', ')}`).toBe(true);
    for (const r of normalRows(500, 4, f.task)) m.learn(r.x, r.y);
    const after = outputs(m, probes);
    // Still learning: the new rows moved its predictions (a NaN model is stuck for good).
    expect(after.every(Number.isFinite), `${f.type}: ${after.join(', ')}`).toBe(true);
    expect(after).not.toEqual(before);
    expect(new Float64Array(m.snapshot().buffer).some(Number.isNaN)).toBe(false);
  });

  it('a learning rate out of range is refused with the parameter and its range', () => {
    const f = types.find((t) => t.type === 'linear_regression')!;
    expect(() => create(f, { learning_rate: 1e308 })).toThrow("parameter 'learning_rate' must be in (0, 1000], got 1e+308");
    expect(() => create(f, { learning_rate: 0 })).toThrow(/learning_rate.*\(0, 1000\]/);
  });
});
