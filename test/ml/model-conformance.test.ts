// The contract every registered model type keeps (see src/ml/online-model.ts). It iterates over
// the registry, so model types registered later (the tree models) are checked without edits here.
import { describe, expect, it } from 'vitest';
import { listModels } from '../../src/ml/registry.js';
import type { ModelFactory, ModelSpec, OnlineModel } from '../../src/ml/online-model.js';
import { Rng } from '../../src/ml/rng.js';

const FEATURES = 4;

interface Row { x: Float64Array; y: number }

/** A task-shaped stream: classes 0/1 first, class 2 from row `newClassAt`; optional NaNs. */
function stream(task: ModelFactory['task'], n: number, seed: number, opts: { nanRate?: number; newClassAt?: number } = {}): Row[] {
  const rng = new Rng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const x = new Float64Array(FEATURES);
    for (let j = 0; j < FEATURES; j++) x[j] = rng.gauss(j, 1 + j);
    let y = 0;
    if (task === 'regression') y = 2 * x[0] - x[1] + 0.5 * x[3] + rng.gauss(0, 0.1);
    else if (task === 'classification') {
      y = x[0] + 0.5 * x[1] > 1 ? 1 : 0;
      if (opts.newClassAt !== undefined && i >= opts.newClassAt && x[2] > 2) y = 2;
    }
    if (opts.nanRate) for (let j = 0; j < FEATURES; j++) if (rng.next() < opts.nanRate) x[j] = NaN;
    rows.push({ x, y });
  }
  return rows;
}

function specFor(f: ModelFactory, seed = 7): ModelSpec {
  return { features: FEATURES, classes: f.task === 'classification' ? 2 : undefined, params: {}, seed };
}

/** Predictions (and probabilities for classifiers) on probe rows, flattened. */
function outputs(m: OnlineModel, probes: Row[], classes = 3): number[] {
  const out: number[] = [];
  const proba = new Float64Array(classes);
  for (const { x } of probes) {
    out.push(m.predict(x));
    if (m.predictProba) {
      m.predictProba(x, proba);
      out.push(...proba);
    }
  }
  return out;
}

function learnAll(m: OnlineModel, rows: Row[]): void {
  for (const r of rows) m.learn(r.x, r.y);
}

function expectClose(a: number[], b: number[], tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (Object.is(a[i], b[i])) continue;
    expect(Math.abs(a[i] - b[i]), `output ${i}: ${a[i]} vs ${b[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
  }
}

const factories = listModels();

describe('model conformance', () => {
  it('has the built-in model types registered', () => {
    const types = factories.map((f) => f.type);
    for (const t of ['logistic_regression', 'perceptron', 'naive_bayes', 'linear_regression', 'ridge', 'half_space_trees', 'mahalanobis', 'zscore', 'kmeans']) {
      expect(types).toContain(t);
    }
  });

  for (const f of factories) {
    describe(f.type, () => {
      const train = stream(f.task, 400, 1, { newClassAt: 250 });
      const probes = stream(f.task, 40, 2);

      it('documents itself', () => {
        expect(f.description.length).toBeGreaterThan(0);
        const m = f.create(specFor(f));
        expect(m.type).toBe(f.type);
        expect(m.task).toBe(f.task);
      });

      it('never mutates its input', () => {
        const m = f.create(specFor(f));
        const proba = new Float64Array(3);
        for (const r of [...train.slice(0, 300), ...stream(f.task, 50, 3, { nanRate: 0.2 })]) {
          const copy = r.x.slice();
          m.predict(r.x);
          m.predictProba?.(r.x, proba);
          m.learn(r.x, r.y);
          expect(Array.from(r.x)).toEqual(Array.from(copy));
        }
      });

      it('snapshot then restore into a fresh model gives identical predictions', () => {
        const a = f.create(specFor(f));
        learnAll(a, train.slice(0, 300));
        const b = f.create(specFor(f));
        b.restore(a.snapshot());
        expect(b.seen).toBe(a.seen);
        expect(outputs(b, probes)).toEqual(outputs(a, probes));
        // And they stay identical while learning on.
        learnAll(a, train.slice(300));
        learnAll(b, train.slice(300));
        expect(outputs(b, probes)).toEqual(outputs(a, probes));
        expect(a.stateBytes()).toBeGreaterThan(0);
      });

      it('is reproducible from its seed', () => {
        const a = f.create(specFor(f, 11));
        const b = f.create(specFor(f, 11));
        learnAll(a, train);
        learnAll(b, train);
        expect(outputs(b, probes)).toEqual(outputs(a, probes));
      });

      it('survives missing features and a class appearing mid-stream', () => {
        const m = f.create(specFor(f));
        const rows = stream(f.task, 400, 5, { nanRate: 0.15, newClassAt: 200 });
        const proba = new Float64Array(3);
        for (const r of rows) {
          const p = m.predict(r.x);
          expect(Number.isNaN(p), `prediction for ${Array.from(r.x)}`).toBe(false);
          if (m.predictProba) {
            m.predictProba(r.x, proba);
            for (const v of proba) expect(Number.isFinite(v)).toBe(true);
          }
          m.learn(r.x, r.y);
        }
        const allNaN = new Float64Array(FEATURES).fill(NaN);
        expect(Number.isNaN(m.predict(allNaN))).toBe(false);
        if (f.task === 'classification') {
          // The new class is known afterwards: restoring keeps it.
          const r = f.create(specFor(f));
          r.restore(m.snapshot());
          expect(outputs(r, probes)).toEqual(outputs(m, probes));
        }
      });

      it.runIf(f.mergeable)('merge(A, B) equals learning A then B', () => {
        const a = f.create(specFor(f));
        const b = f.create(specFor(f));
        const whole = f.create(specFor(f));
        learnAll(a, train.slice(0, 200));
        learnAll(b, train.slice(200));
        learnAll(whole, train);
        expect(a.merge).toBeDefined();
        a.merge!(b);
        expect(a.seen).toBe(whole.seen);
        expectClose(outputs(a, probes), outputs(whole, probes), 1e-9);
      });
    });
  }
});
