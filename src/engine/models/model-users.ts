// Which queries call a model (PREDICT, PREDICT_PROBA, ANOMALY_SCORE, CLUSTER): they hold it
// bound since they were planned, so DROP MODEL and CREATE OR REPLACE MODEL refuse while any runs.
import type { EngineState } from '../engine-state.js';
import { modelsCalled } from '../persistent-query.js';
import { SqlError, type Span } from '../../types/sql-error.js';

/** Ids of the running queries (persistent and push) that call model `name` (upper-case), sorted. */
export function queriesUsingModel(state: EngineState, name: string): string[] {
  const isModelFunction = (fn: string): boolean => state.registry.scalar(fn)?.model !== undefined;
  return [...state.queries.values()]
    .filter((q) => q.kind !== 'TRAIN' && modelsCalled(q.root, isModelFunction).includes(name))
    .map((q) => q.id)
    .sort();
}

/**
 * A query calling PREDICT (or friends) on a model holds that model: dropping or replacing it
 * would leave the query scoring with a model no one can see or train. Refused as DROP STREAM
 * refuses a source that queries read.
 */
export function refuseIfInUse(state: EngineState, name: string, what: 'drop' | 'replace', span: Span): void {
  const users = queriesUsingModel(state, name);
  if (users.length === 0) return;
  throw new SqlError('INVALID_STATEMENT',
    `Cannot ${what} model ${name}.\nThe following queries use this model: [${users.join(', ')}].\nYou need to terminate them before you ${what} ${name}.`, { position: span });
}
