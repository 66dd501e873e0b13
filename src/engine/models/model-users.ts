// Which queries call a model (PREDICT, PREDICT_PROBA, ANOMALY_SCORE, CLUSTER): they hold it
// bound since they were planned, so DROP MODEL and CREATE OR REPLACE MODEL refuse while any runs.
import type { EngineState } from '../engine-state.js';
import { modelsCalled } from '../persistent-query.js';

/** Ids of the running queries (persistent and push) that call model `name` (upper-case), sorted. */
export function queriesUsingModel(state: EngineState, name: string): string[] {
  const isModelFunction = (fn: string): boolean => state.registry.scalar(fn)?.model !== undefined;
  return [...state.queries.values()]
    .filter((q) => q.kind !== 'TRAIN' && modelsCalled(q.root, isModelFunction).includes(name))
    .map((q) => q.id)
    .sort();
}
