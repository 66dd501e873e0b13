// Prequential (test-then-train) evaluation loops shared by the benchmark: each row is scored or
// predicted first and learned after, the way a streaming query sees it.
import type { OnlineModel } from '../../src/ml/online-model.js';
import { rocAuc } from '../../src/ml/metrics/roc-auc.js';
import type { LabelledRows } from './datasets.js';

/** Score-then-learn ROC AUC of an anomaly model (labels are only used for the metric). */
export function anomalyAuc(model: OnlineModel, data: LabelledRows): number {
  const scores = new Float64Array(data.y.length);
  for (let i = 0; i < data.x.length; i++) {
    scores[i] = model.predict(data.x[i]);
    model.learn(data.x[i], 0);
  }
  return rocAuc(data.y, scores);
}

export interface DriftRecovery {
  drift: number;
  /** Accuracy over the 5,000 rows before the drift. */
  before: number;
  /** Accuracy over rows drift+1000 .. drift+2000 (after the 1,000-row recovery budget). */
  after: number;
  /** Rows until the 500-row moving accuracy first comes back within 2 points of `before` (step 100). */
  rowsToRecover: number;
}

export interface ClassifierRun {
  accuracy: number;
  recoveries: DriftRecovery[];
}

/** Predict-then-learn accuracy, and how the model recovers after each drift. */
export function prequentialAccuracy(model: OnlineModel, data: LabelledRows, drifts: number[]): ClassifierRun {
  const hit = new Uint8Array(data.y.length);
  let correct = 0;
  for (let i = 0; i < data.x.length; i++) {
    const p = model.predict(data.x[i]);
    if (p === data.y[i]) { hit[i] = 1; correct++; }
    model.learn(data.x[i], data.y[i]);
  }
  const mean = (a: number, b: number): number => {
    let s = 0;
    for (let i = a; i < b; i++) s += hit[i];
    return s / (b - a);
  };
  const recoveries = drifts.map((d) => {
    const before = mean(Math.max(0, d - 5000), d);
    let rows = 0;
    while (rows < 10_000 && d + rows + 500 <= hit.length && mean(d + rows, d + rows + 500) < before - 0.02) rows += 100;
    return { drift: d, before, after: mean(d + 1000, Math.min(hit.length, d + 2000)), rowsToRecover: rows };
  });
  return { accuracy: correct / data.y.length, recoveries };
}
