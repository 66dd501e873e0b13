// Behaviour of individual models beyond the shared contract (model-conformance.test.ts).
import { describe, expect, it } from 'vitest';
import { createModel, getModelFactory, listModels, ModelRegistry, registerModel } from '../../src/ml/registry.js';
import type { OnlineModel } from '../../src/ml/online-model.js';
import { Rng } from '../../src/ml/rng.js';
import { Ridge } from '../../src/ml/linear/ridge.js';

function accuracy(m: OnlineModel, rows: { x: Float64Array; y: number }[]): number {
  let ok = 0;
  for (const r of rows) {
    if (m.predict(r.x) === r.y) ok++;
    m.learn(r.x, r.y);
  }
  return ok / rows.length;
}

/** Three Gaussian blobs on very different scales (standardization matters). */
function blobs(n: number, seed: number, classes = 3) {
  const rng = new Rng(seed);
  const centres = [[0, 0], [4, 400], [-4, 800]];
  return Array.from({ length: n }, () => {
    const y = Math.floor(rng.next() * classes);
    return { x: Float64Array.of(centres[y][0] + rng.gauss(), centres[y][1] + 100 * rng.gauss()), y };
  });
}

describe('linear classifiers', () => {
  for (const optimizer of ['sgd', 'adam', 'ftrl']) {
    it(`logistic_regression (${optimizer}) separates two classes`, () => {
      const m = createModel('logistic_regression', { features: 2, classes: 2, params: { optimizer }, seed: 1 });
      expect(accuracy(m, blobs(4000, 1, 2))).toBeGreaterThan(0.95);
    });
  }

  it('penalties and decay keep learning (sgd + l1, adam + l2, power_t)', () => {
    for (const params of [{ l1: 0.001 }, { optimizer: 'adam', l2: 0.001 }, { learning_rate: 0.5, power_t: 0.5 }]) {
      const m = createModel('logistic_regression', { features: 2, classes: 2, params, seed: 1 });
      expect(accuracy(m, blobs(4000, 1, 2)), JSON.stringify(params)).toBeGreaterThan(0.95);
    }
  });

  it('logistic_regression becomes softmax when a third class appears', () => {
    const m = createModel('logistic_regression', { features: 2, params: {}, seed: 1 });
    const rows = blobs(6000, 2, 3);
    accuracy(m, rows.slice(0, 3000));
    expect(accuracy(m, rows.slice(3000))).toBeGreaterThan(0.95);
    const p = new Float64Array(3);
    m.predictProba!(rows[0].x, p);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
  });

  it('the multiclass perceptron learns three classes', () => {
    const m = createModel('perceptron', { features: 2, params: {}, seed: 1 });
    expect(accuracy(m, blobs(6000, 3, 3))).toBeGreaterThan(0.9);
  });

  it('l1 with ftrl zeroes an irrelevant feature', () => {
    const rng = new Rng(4);
    const m = createModel('logistic_regression', { features: 3, classes: 2, params: { optimizer: 'ftrl', l1: 30 }, seed: 1 });
    for (let i = 0; i < 3000; i++) {
      const x = Float64Array.of(rng.gauss(), rng.gauss(), rng.gauss());
      m.learn(x, x[0] > 0 ? 1 : 0);
    }
    // Moving only the irrelevant feature must not change the probability.
    const p1 = new Float64Array(2), p2 = new Float64Array(2);
    m.predictProba!(Float64Array.of(0.5, 0, -3), p1);
    m.predictProba!(Float64Array.of(0.5, 0, 3), p2);
    expect(p1[1]).toBeCloseTo(p2[1], 12);
    expect(p1[1]).toBeGreaterThan(0.6);
  });

  it('linear_regression fits a line', () => {
    const rng = new Rng(5);
    const m = createModel('linear_regression', { features: 2, params: {}, seed: 1 });
    for (let i = 0; i < 20000; i++) {
      const x = Float64Array.of(rng.gauss(10, 3), rng.gauss());
      m.learn(x, 3 * x[0] - 2 * x[1] + 1);
    }
    expect(m.predict(Float64Array.of(12, 1))).toBeCloseTo(35, 1);
  });
});

describe('ridge', () => {
  it('solves the penalised normal equations exactly', () => {
    const rng = new Rng(6);
    const m = createModel('ridge', { features: 2, params: { alpha: 0 }, seed: 1 }) as Ridge;
    for (let i = 0; i < 200; i++) {
      const x = Float64Array.of(rng.gauss(), rng.gauss(5, 2));
      m.learn(x, 2 * x[0] - 0.5 * x[1] + 3);
    }
    const { weights, intercept } = m.coefficients();
    expect(weights[0]).toBeCloseTo(2, 10);
    expect(weights[1]).toBeCloseTo(-0.5, 10);
    expect(intercept).toBeCloseTo(3, 9);
  });

  it('shrinks with alpha and survives collinear features', () => {
    const m = createModel('ridge', { features: 2, params: { alpha: 0 }, seed: 1 });
    for (let i = 0; i < 50; i++) m.learn(Float64Array.of(i, 2 * i), i);
    expect(Number.isFinite(m.predict(Float64Array.of(3, 6)))).toBe(true);
    expect(m.predict(Float64Array.of(3, 6))).toBeCloseTo(3, 4);
  });
});

describe('naive_bayes', () => {
  it('uses categorical counts for the listed features', () => {
    const rng = new Rng(7);
    const m = createModel('naive_bayes', { features: 2, params: { categorical: '0' }, seed: 1 });
    const rows = Array.from({ length: 2000 }, () => {
      const y = rng.next() < 0.5 ? 1 : 0;
      // Category codes 10/20 for class 0, 30/40 for class 1; a useless numeric feature.
      return { x: Float64Array.of((y * 2 + (rng.next() < 0.5 ? 1 : 2)) * 10, rng.gauss()), y };
    });
    expect(accuracy(m, rows)).toBeGreaterThan(0.99);
    expect(() => createModel('naive_bayes', { features: 2, params: { categorical: '5' }, seed: 1 })).toThrow(/out of range/);
  });
});

describe('anomaly detectors', () => {
  for (const type of ['half_space_trees', 'mahalanobis', 'zscore', 'rank_zscore']) {
    it(`${type} scores an outlier above the inliers`, () => {
      const rng = new Rng(8);
      const m = createModel(type, { features: 3, params: {}, seed: 1 });
      for (let i = 0; i < 1000; i++) m.learn(Float64Array.of(rng.gauss(), rng.gauss(50, 5), rng.gauss()), 0);
      const inlier = m.predict(Float64Array.of(0.1, 49, -0.2));
      const outlier = m.predict(Float64Array.of(6, 90, 5));
      expect(outlier).toBeGreaterThan(inlier);
    });
  }

  it('half_space_trees scores 0 during its first window, as River does', () => {
    const m = createModel('half_space_trees', { features: 2, params: { window_size: 10 }, seed: 1 });
    for (let i = 0; i < 9; i++) m.learn(Float64Array.of(i, i), 0);
    expect(m.predict(Float64Array.of(100, 100))).toBe(0);
    m.learn(Float64Array.of(1, 1), 0);
    expect(m.predict(Float64Array.of(100, 100))).toBeGreaterThan(0);
  });
});

describe('kmeans', () => {
  it('puts separated blobs in different clusters', () => {
    const rng = new Rng(9);
    const m = createModel('kmeans', { features: 2, params: { n_clusters: 2, halflife: 0.1 }, seed: 3 });
    for (let i = 0; i < 2000; i++) {
      const c = i % 2 ? 3 : -3;
      m.learn(Float64Array.of(c + 0.3 * rng.gauss(), c + 0.3 * rng.gauss()), 0);
    }
    expect(m.predict(Float64Array.of(3, 3))).not.toBe(m.predict(Float64Array.of(-3, -3)));
  });
});

describe('drift_retraining_classifier', () => {
  it('passes base_ parameters to the wrapped model and recovers from an abrupt flip', () => {
    const rng = new Rng(10);
    const m = createModel('drift_retraining_classifier', { features: 1, classes: 2, params: { base_learning_rate: 0.5, base_power_t: 0.5 }, seed: 1 });
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const x = Float64Array.of(rng.gauss());
      return { x, y: (x[0] > 0 ? 1 : 0) ^ (i >= 3000 ? 1 : 0) };
    });
    accuracy(m, rows.slice(0, 3500));
    expect(accuracy(m, rows.slice(3500))).toBeGreaterThan(0.95);
    expect(() => createModel('drift_retraining_classifier', { features: 1, params: { base_learning_rte: 1 }, seed: 1 })).toThrow(/unknown parameter/);
    expect(() => createModel('drift_retraining_classifier', { features: 1, params: { model: 'ridge' }, seed: 1 })).toThrow(/not a classifier/);
  });
});

describe('registry', () => {
  it('lists, finds case-insensitively and rejects unknowns', () => {
    expect(listModels().length).toBeGreaterThanOrEqual(10);
    expect(getModelFactory('Logistic_Regression')?.type).toBe('logistic_regression');
    expect(() => createModel('nope', { features: 1, params: {}, seed: 0 })).toThrow(/unknown model type/);
    expect(() => createModel('ridge', { features: 1, params: { alpah: 1 }, seed: 0 })).toThrow(/unknown parameter 'alpah'/);
    expect(() => createModel('ridge', { features: 1, params: { alpha: 'x' }, seed: 0 })).toThrow(/must be a number/);
  });

  it('accepts more factories as a list and refuses duplicates', () => {
    const r = new ModelRegistry();
    const f = getModelFactory('zscore')!;
    r.registerAll([f]);
    expect(r.list().map((x) => x.type)).toEqual(['zscore']);
    expect(() => r.register(f)).toThrow(/already registered/);
    expect(() => registerModel(f)).toThrow(/already registered/);
  });
});
