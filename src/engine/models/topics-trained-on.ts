// The topics a query reads that a model it calls learns from (its training query reads them too):
// where the query's scores and the model's learning meet. The warnings about scores that are not
// test-then-train (lookahead.ts, funnel-warning.ts, push-scoring-warning.ts) each look at these.
import type { EngineState } from '../engine-state.js';
import { modelsCalled, type PersistentQuery } from '../persistent-query.js';
import { sourceTopics } from '../../runtime/build-operators.js';
import { OnnxModel } from './onnx-model.js';
import type { LiveModel } from './live-model.js';

export interface TrainedTopic {
  /** The model (upper-case name) and its training query. */
  name: string;
  model: LiveModel;
  trainer: PersistentQuery;
  topic: string;
  partitions: number;
  /** The rows of `topic` before the trainer's position on this instance (partitions elsewhere: 0). */
  learned: number;
}

/** For query `q`: each online model it calls and each topic both read. ONNX models learn nothing. */
export async function topicsTrainedOn(state: EngineState, q: PersistentQuery): Promise<TrainedTopic[]> {
  const reads = sourceTopics(q.root);
  const out: TrainedTopic[] = [];
  for (const name of modelsCalled(q.root, (fn) => state.registry.scalar(fn)?.model !== undefined)) {
    const model = state.models.get(name);
    const trainer = model && !(model instanceof OnnxModel) && state.queries.get(model.def.queryId);
    if (!trainer) continue;
    for (const topic of sourceTopics(trainer.root)) {
      if (!reads.includes(topic)) continue;
      const partitions = (await state.log.describeTopic(topic))?.partitions ?? 1;
      let learned = 0;
      for (let p = 0; p < partitions; p++) learned += trainer.runner.nextToProcess(topic, p) ?? 0;
      out.push({ name, model: model as LiveModel, trainer, topic, partitions, learned });
    }
  }
  return out;
}
