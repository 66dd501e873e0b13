// Synthetic streams and small evaluation loops for the tree and k-NN model tests.
import type { ModelSpec, OnlineModel } from '../../src/ml/online-model.js';
import { Rng } from '../../src/ml/rng.js';
import { treeModels } from '../../src/ml/trees/index.js';

export interface Row {
  x: Float64Array;
  y: number;
}

export function model(type: string, spec: Partial<ModelSpec> = {}): OnlineModel {
  const f = treeModels.find((m) => m.type === type);
  if (!f) throw new Error(`no model ${type}`);
  return f.create({ features: spec.features ?? 5, classes: spec.classes ?? 2, params: spec.params ?? {}, seed: spec.seed ?? 1 });
}

/** Uniform features in [0, 1); the label comes from `label` (noise-free unless it adds some). */
export function stream(n: number, features: number, seed: number, label: (x: Float64Array, i: number) => number): Row[] {
  const rng = new Rng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const x = new Float64Array(features);
    for (let j = 0; j < features; j++) x[j] = rng.next();
    rows.push({ x, y: label(x, i) });
  }
  return rows;
}

export function train(m: OnlineModel, rows: Row[]): void {
  for (const r of rows) m.learn(r.x, r.y);
}

export function accuracy(m: OnlineModel, rows: Row[]): number {
  let ok = 0;
  for (const r of rows) if (m.predict(r.x) === r.y) ok++;
  return ok / rows.length;
}

/** Test-then-train accuracy over rows[from, to). */
export function prequential(m: OnlineModel, rows: Row[], from = 0, to = rows.length): number {
  let ok = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (i >= from && i < to && m.predict(r.x) === r.y) ok++;
    m.learn(r.x, r.y);
  }
  return ok / (to - from);
}

export const CLASSIFIERS = ['hoeffding_tree', 'hoeffding_adaptive_tree', 'adaptive_random_forest', 'knn'];
export const REGRESSORS = ['hoeffding_tree_regressor', 'knn_regressor'];
