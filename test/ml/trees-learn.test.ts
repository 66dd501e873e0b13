import { describe, expect, it } from 'vitest';
import type { HyperParams } from '../../src/ml/online-model.js';
import { treeModels } from '../../src/ml/trees/index.js';
import { accuracy, CLASSIFIERS, model, prequential, REGRESSORS, stream, train } from './trees-helpers.js';

const threshold = (x: Float64Array) => (x[1] <= 0.6 ? 1 : 0);
const threeClasses = (x: Float64Array) => (x[0] < 0.3 ? 0 : x[2] < 0.5 ? 1 : 2);

describe('tree and k-NN models learn simple concepts', () => {
  it('exports the factories with River-style defaults', () => {
    expect(treeModels.map((f) => f.type)).toEqual([
      'hoeffding_tree',
      'hoeffding_adaptive_tree',
      'adaptive_random_forest',
      'hoeffding_tree_regressor',
      'knn',
      'knn_regressor',
    ]);
    const ht = treeModels[0].params;
    expect(ht.grace_period.default).toBe(200);
    expect(ht.delta.default).toBe(1e-7);
    expect(ht.tau.default).toBe(0.05);
    expect(ht.leaf_prediction.default).toBe('nba');
    const arf = treeModels[2].params;
    expect(arf.n_models.default).toBe(10);
    expect(arf.lambda_value.default).toBe(6);
    expect(arf.max_features.default).toBe('sqrt');
  });

  for (const type of CLASSIFIERS) {
    it(`${type}: > 0.9 on a noiseless threshold concept`, () => {
      const m = model(type);
      train(m, stream(5000, 5, 1, threshold));
      expect(accuracy(m, stream(2000, 5, 2, threshold))).toBeGreaterThan(0.9);
      expect(m.seen).toBe(5000);
      expect(m.stateBytes()).toBeGreaterThan(0);
    });

    it(`${type}: three classes from a small tree`, () => {
      const m = model(type, { classes: 3 });
      train(m, stream(10000, 5, 3, threeClasses));
      expect(accuracy(m, stream(2000, 5, 4, threeClasses))).toBeGreaterThan(0.85);
      const p = new Float64Array(3);
      m.predictProba!(new Float64Array([0.1, 0.5, 0.5, 0.5, 0.5]), p);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 9);
      expect(p[0]).toBeGreaterThan(0.5);
    });
  }

  it('hoeffding_tree grows a tree and respects max_depth', () => {
    const rows = stream(20000, 5, 5, threeClasses);
    const deep = model('hoeffding_tree') as unknown as { tree: { counts(): { branches: number; depth: number } } };
    train(deep as never, rows);
    expect(deep.tree.counts().branches).toBeGreaterThan(1);
    const flat = model('hoeffding_tree', { params: { max_depth: 1 } }) as unknown as typeof deep;
    train(flat as never, rows);
    expect(flat.tree.counts().depth).toBeLessThanOrEqual(1);
  });

  it('hoeffding_tree supports gini, mc and nb leaves', () => {
    for (const params of [{ split_criterion: 'gini' }, { leaf_prediction: 'mc' }, { leaf_prediction: 'nb', nb_threshold: 10 }] as HyperParams[]) {
      const m = model('hoeffding_tree', { params });
      train(m, stream(5000, 5, 6, threshold));
      expect(accuracy(m, stream(2000, 5, 7, threshold))).toBeGreaterThan(0.9);
    }
  });

  it('rejects bad parameter values', () => {
    expect(() => model('hoeffding_tree', { params: { leaf_prediction: 'svm' } })).toThrow(/leaf_prediction/);
    expect(() => model('hoeffding_tree', { params: { grace_period: 0 } })).toThrow(/grace_period/);
    expect(() => model('adaptive_random_forest', { params: { max_features: 'cube' } })).toThrow(/max_features/);
    expect(() => model('adaptive_random_forest', { params: { max_features: 'log2', n_models: 3 } })).not.toThrow();
  });

  const step = (x: Float64Array) => (x[0] > 0.5 ? 10 : 0) + (x[3] > 0.3 ? 4 : 0);
  for (const type of REGRESSORS) {
    it(`${type}: fits a step function`, () => {
      const m = model(type);
      train(m, stream(6000, 5, 8, step));
      const test = stream(2000, 5, 9, step);
      let se = 0;
      for (const r of test) se += (m.predict(r.x) - r.y) ** 2;
      // The target's variance is about 28; a fitted model is far below (k-NN blurs the steps).
      expect(se / test.length).toBeLessThan(type === 'knn_regressor' ? 7 : 2);
    });
  }

  it('hoeffding_tree_regressor: mean, model and exact E-BST variants', () => {
    const linear = (x: Float64Array) => 3 * x[0] + 2 * (x[1] > 0.5 ? 1 : 0);
    for (const params of [{ leaf_prediction: 'mean' }, { leaf_prediction: 'model' }, { splitter: 'ebst' }] as HyperParams[]) {
      const m = model('hoeffding_tree_regressor', { params, features: 3 });
      train(m, stream(8000, 3, 10, linear));
      const test = stream(1000, 3, 11, linear);
      let se = 0;
      for (const r of test) se += (m.predict(r.x) - r.y) ** 2;
      expect(se / test.length).toBeLessThan(0.5);
    }
  });

  it('prequential accuracy on a noisy concept approaches the noise ceiling', () => {
    const noisy = stream(30000, 4, 12, (x, i) => ((x[0] + x[1] <= 1 ? 1 : 0) ^ (i % 10 === 0 ? 1 : 0)));
    expect(prequential(model('hoeffding_tree', { features: 4 }), noisy, 20000)).toBeGreaterThan(0.85);
  });
});
