// The online autoencoder as a user meets it: it learns the structure of a correlated stream and
// scores rows that break it higher, its scores of normal rows fall as it learns, hostile rows
// neither crash nor poison it, and its randomness comes from the seed alone.
import { describe, expect, it } from 'vitest';
import { createModel, getModelFactory } from '../../src/ml/registry.js';
import type { OnlineModel } from '../../src/ml/online-model.js';
import { rocAuc } from '../../src/ml/metrics/roc-auc.js';
import { Rng } from '../../src/ml/rng.js';

const D = 8;

/**
 * 8 features, each a noisy linear function of 2 latent factors (fixed loadings from seed 99).
 * Anomalies have the same per-feature spread but independent features: every value is ordinary,
 * only the correlation is broken.
 */
function correlatedStream(seed: number) {
  const loadings = new Rng(99);
  const a = Float64Array.from({ length: 2 * D }, () => loadings.uniform(-2, 2));
  const offset = Float64Array.from({ length: D }, () => loadings.uniform(-10, 10));
  const sd = Float64Array.from({ length: D }, (_, i) => Math.sqrt(a[2 * i] ** 2 + a[2 * i + 1] ** 2 + 0.01));
  const rng = new Rng(seed);
  return {
    normal(): Float64Array {
      const f0 = rng.gauss(), f1 = rng.gauss();
      return Float64Array.from({ length: D }, (_, i) => offset[i] + a[2 * i] * f0 + a[2 * i + 1] * f1 + rng.gauss(0, 0.1));
    },
    anomaly(): Float64Array {
      return Float64Array.from({ length: D }, (_, i) => offset[i] + rng.gauss(0, sd[i]));
    },
  };
}

function model(seed = 1, params: Record<string, string | number> = {}): OnlineModel {
  return createModel('autoencoder', { features: D, params, seed });
}

/** AUC of the model's scores: `n` anomalies (positives) against `n` normal rows. */
function separation(m: OnlineModel, s: ReturnType<typeof correlatedStream>, n = 300): number {
  const labels: number[] = [], scores: number[] = [];
  for (let i = 0; i < n; i++) {
    labels.push(0, 1);
    scores.push(m.predict(s.normal()), m.predict(s.anomaly()));
  }
  return rocAuc(labels, scores);
}

function meanScore(m: OnlineModel, rows: Float64Array[]): number {
  return rows.reduce((sum, x) => sum + m.predict(x), 0) / rows.length;
}

describe('autoencoder', () => {
  it('is registered with its parameters documented', () => {
    const f = getModelFactory('AUTOENCODER')!;
    expect(f.task).toBe('anomaly');
    expect(f.mergeable).toBe(false);
    expect(Object.keys(f.params)).toEqual(['hidden', 'activation', 'learning_rate', 'beta1', 'beta2', 'eps', 'clip_norm']);
  });

  it('scores rows that break the features\' correlation above normal rows', () => {
    const s = correlatedStream(1);
    const m = model();
    for (let i = 0; i < 4000; i++) m.learn(s.normal(), 0);
    expect(m.seen).toBe(4000);
    expect(separation(m, s)).toBeGreaterThan(0.95);
  });

  it('scores a normal row lower as it learns', () => {
    const s = correlatedStream(2);
    const probes = Array.from({ length: 200 }, () => s.normal());
    const m = model();
    expect(m.predict(probes[0])).toBe(0); // nothing learned yet
    for (let i = 0; i < 100; i++) m.learn(s.normal(), 0);
    const early = meanScore(m, probes);
    for (let i = 0; i < 4000; i++) m.learn(s.normal(), 0);
    const late = meanScore(m, probes);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(early / 2);
  });

  it('does not learn in predict', () => {
    const s = correlatedStream(3);
    const m = model();
    for (let i = 0; i < 300; i++) m.learn(s.normal(), 0);
    const before = m.snapshot();
    for (let i = 0; i < 100; i++) m.predict(s.anomaly());
    expect(m.snapshot()).toEqual(before);
  });

  it('survives huge values, infinities and missing values without being poisoned', () => {
    const s = correlatedStream(4);
    const m = model();
    const wild = [
      Float64Array.from({ length: D }, (_, i) => (i === 3 ? 1e300 : 0)),
      Float64Array.from({ length: D }, () => 1e300),
      Float64Array.from({ length: D }, (_, i) => (i % 2 ? -Infinity : Infinity)),
      Float64Array.from({ length: D }, () => NaN),
    ];
    for (let i = 0; i < 4000; i++) {
      const x = s.normal();
      if (i % 10 === 0) x[i % D] = NaN; // 10% of rows miss a value
      m.learn(x, 0);
      if (i % 500 === 0) {
        for (const w of wild) {
          expect(Number.isNaN(m.predict(w))).toBe(false);
          m.learn(w, 0);
        }
      }
    }
    // Rows beyond ±1e150 are skipped; the all-NaN row counts but teaches nothing.
    expect(m.seen).toBe(4000 + 8);
    // Scores stay finite and meaningful: a huge value scores huge, a missing value is not an anomaly.
    expect(Number.isFinite(m.predict(wild[0]))).toBe(true);
    expect(m.predict(wild[0])).toBeGreaterThan(1e100);
    expect(m.predict(wild[3])).toBe(0);
    const withNaN = s.normal();
    withNaN[5] = NaN;
    expect(Number.isFinite(m.predict(withNaN))).toBe(true);
    expect(new Float64Array(m.snapshot().buffer).every(Number.isFinite)).toBe(true);
    expect(separation(m, s)).toBeGreaterThan(0.95);
  });

  it('one wild but learnable row moves the weights by at most an ordinary step', () => {
    const s = correlatedStream(5);
    const m = model();
    for (let i = 0; i < 3000; i++) m.learn(s.normal(), 0);
    const x = s.normal();
    x[2] = 1e12; // within ±1e150: learned, and wrecks feature 2's running variance
    m.learn(x, 0);
    const after = new Float64Array(m.snapshot().buffer);
    expect(after.every(Number.isFinite)).toBe(true);
    for (let i = 0; i < 1000; i++) m.learn(s.normal(), 0);
    // Feature 2 now standardises to about 0 but the other 7 still carry the correlation.
    expect(separation(m, s)).toBeGreaterThan(0.9);
  });

  it('gives the same scores for the same seed and different initial weights for another seed', () => {
    const run = (seed: number): number[] => {
      const s = correlatedStream(6);
      const m = model(seed);
      const out: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const x = s.normal();
        out.push(m.predict(x));
        m.learn(x, 0);
      }
      return out;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(8)).not.toEqual(run(7));
    const fresh = (seed: number): number[] => Array.from(new Float64Array(model(seed).snapshot().buffer));
    expect(fresh(7)).toEqual(fresh(7));
    expect(fresh(8)).not.toEqual(fresh(7));
  });

  it('takes relu, a hidden size and Adam parameters, and refuses oversized or invalid ones', () => {
    const s = correlatedStream(7);
    const m = model(1, { activation: 'relu', hidden: 4, learning_rate: 0.02, beta2: 0.99 });
    for (let i = 0; i < 4000; i++) m.learn(s.normal(), 0);
    expect(separation(m, s)).toBeGreaterThan(0.9);
    expect(() => model(1, { activation: 'sigmoid' })).toThrow(/activation/);
    expect(() => model(1, { hidden: 0 })).toThrow(/hidden/);
    expect(() => model(1, { beta1: 1 })).toThrow(/beta1/);
    expect(() => createModel('autoencoder', { features: 1024, params: { hidden: 1024 }, seed: 1 })).toThrow(/at most 1048576 weights/);
    expect(createModel('autoencoder', { features: 1024, params: {}, seed: 1 }).stateBytes()).toBeGreaterThan(32 * 2 ** 20);
    expect(getModelFactory('autoencoder')!.maxFeatures).toBe(1024);
  });

  it('restores into a fresh model that scores and learns on identically', () => {
    const s = correlatedStream(8);
    const a = model();
    for (let i = 0; i < 500; i++) a.learn(s.normal(), 0);
    const b = model();
    b.restore(a.snapshot());
    const rows = Array.from({ length: 200 }, (_, i) => (i % 4 ? s.normal() : s.anomaly()));
    for (const x of rows) {
      expect(b.predict(x)).toBe(a.predict(x));
      a.learn(x, 0);
      b.learn(x, 0);
    }
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(() => model(1, { hidden: 3 }).restore(a.snapshot())).toThrow(/model state/);
  });
});
