import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/ml/rng.js';
import { Accuracy } from '../../src/ml/metrics/accuracy.js';
import { LogLoss } from '../../src/ml/metrics/log-loss.js';
import { MAE, RMSE } from '../../src/ml/metrics/regression-errors.js';
import { ExactRocAuc, rocAuc } from '../../src/ml/metrics/roc-auc.js';
import { StreamingRocAuc } from '../../src/ml/metrics/streaming-roc-auc.js';

describe('rocAuc', () => {
  it('is the Mann-Whitney probability with ties as one half', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  it('ExactRocAuc keeps the whole stream or a window', () => {
    const all = new ExactRocAuc(), last = new ExactRocAuc(4);
    const labels = [1, 0, 1, 0, 0, 1, 0, 1];
    const scores = [0.1, 0.9, 0.2, 0.8, 0.1, 0.9, 0.2, 0.8]; // bad first half, perfect second
    labels.forEach((l, i) => { all.update(l, scores[i]); last.update(l, scores[i]); });
    expect(all.get()).toBeCloseTo(rocAuc(labels, scores), 12);
    expect(last.get()).toBe(1);
    expect(last.count).toBe(4);
  });
});

describe('StreamingRocAuc', () => {
  it('approximates the exact AUC closely', () => {
    const rng = new Rng(1);
    const s = new StreamingRocAuc();
    const labels: number[] = [], scores: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const l = rng.next() < 0.1 ? 1 : 0;
      const score = rng.gauss(l ? 1 : 0, 1);
      labels.push(l); scores.push(score); s.update(l, score);
    }
    expect(Math.abs(s.get() - rocAuc(labels, scores))).toBeLessThan(2e-3);
  });
});

describe('prequential metrics', () => {
  it('accuracy over the stream and the last N rows', () => {
    const all = new Accuracy(), last = new Accuracy(2);
    [[1, 1], [0, 1], [1, 1], [0, 0]].forEach(([y, p]) => { all.update(y, p); last.update(y, p); });
    expect(all.get()).toBe(0.75);
    expect(last.get()).toBe(1);
  });

  it('log loss clips like scikit-learn', () => {
    const l = new LogLoss();
    l.update(0.5);
    l.update(0);
    expect(l.get()).toBeCloseTo((Math.log(2) - Math.log(1e-15)) / 2, 10);
  });

  it('MAE and RMSE', () => {
    const mae = new MAE(), rmse = new RMSE(), w = new RMSE(1);
    [[1, 2], [3, 1]].forEach(([y, p]) => { mae.update(y, p); rmse.update(y, p); w.update(y, p); });
    expect(mae.get()).toBe(1.5);
    expect(rmse.get()).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(w.get()).toBe(2);
  });
});
