// A push query calling a model is not in lockstep with the model's trainer (a slow client must
// not hold up training: persistent-query.ts gates only persistent queries), so it scores each
// row with the model as it is when the query reaches the row: rows the model has already learned
// (a backlog read from the earliest offset) score as seen, and live rows may be scored before or
// after they are learned. A data scientist reading ANOMALY_SCORE in the shell would take those
// scores for test-then-train ones, so the query says so, as CREATE does for a backlog.
import type { EngineState } from '../engine-state.js';
import type { PersistentQuery } from '../persistent-query.js';
import { topicsTrainedOn } from './topics-trained-on.js';

/** The warning for a just-started push query `q`, or undefined if it calls no model trained on a topic it reads. */
export async function pushScoringWarning(state: EngineState, q: PersistentQuery): Promise<string | undefined> {
  const out: string[] = [];
  for (const { name, topic, learned } of await topicsTrainedOn(state, q)) {
    out.push(`Warning: this push query scores rows of topic ${topic} with model ${name} as it is when the query reaches each row, `
      + `not in lockstep with its training (${name} has learned the first ${learned.toLocaleString('en-US')} rows of it so far; those score as seen). `
      + 'For test-then-train scores, score in a persistent query (CREATE STREAM ... AS SELECT).');
  }
  return out.length > 0 ? out.join('\n') : undefined;
}
