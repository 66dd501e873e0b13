// A push query calling a model is not in lockstep with the model's trainer (a slow client must
// not hold up training: persistent-query.ts gates only persistent queries), so it scores each
// row with the model as it is when the query reaches the row: rows the model has already learned
// (a backlog read from the earliest offset) score as seen, and live rows may be scored before or
// after they are learned. A data scientist reading ANOMALY_SCORE in the shell would take those
// scores for test-then-train ones, so the query says so, as CREATE does for a backlog.
import type { EngineState } from '../engine-state.js';
import { modelsCalled, type PersistentQuery } from '../persistent-query.js';
import { sourceTopics } from '../../runtime/build-operators.js';
import { OnnxModel } from './onnx-model.js';

/** The warning for a just-started push query `q`, or undefined if it calls no model trained on a topic it reads. */
export async function pushScoringWarning(state: EngineState, q: PersistentQuery): Promise<string | undefined> {
  const reads = sourceTopics(q.root);
  const out: string[] = [];
  for (const name of modelsCalled(q.root, (fn) => state.registry.scalar(fn)?.model !== undefined)) {
    const m = state.models.get(name);
    // An ONNX model learns nothing: scoring its monitoring query's topic is honest.
    const trainer = m && !(m instanceof OnnxModel) && state.queries.get(m.def.queryId);
    if (!trainer) continue;
    for (const topic of sourceTopics(trainer.root)) {
      if (!reads.includes(topic)) continue;
      const partitions = (await state.log.describeTopic(topic))?.partitions ?? 1;
      let learned = 0;
      for (let p = 0; p < partitions; p++) learned += trainer.runner.nextToProcess(topic, p) ?? 0;
      out.push(`Warning: this push query scores rows of topic ${topic} with model ${name} as it is when the query reaches each row, `
        + `not in lockstep with its training (${name} has learned the first ${learned.toLocaleString('en-US')} rows of it so far; those score as seen). `
        + 'For test-then-train scores, score in a persistent query (CREATE STREAM ... AS SELECT).');
    }
  }
  return out.length > 0 ? out.join('\n') : undefined;
}
