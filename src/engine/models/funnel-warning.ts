// A model whose state does not merge learns a multi-partition source in one task: its rows go
// through a one-partition funnel topic first (execute-model.ts). Lockstep with a scoring query
// would cost a round trip through the broker per row, so a query scoring with such a model over
// that source scores each row with the model as learned by then: a burst is scored before the
// model has learned any of it (PREDICT gives NULL). Seen by a user as "every prediction is
// NULL", so CREATE says so, and what gives exact test-then-train instead.
import type { EngineState } from '../engine-state.js';
import type { PersistentQuery } from '../persistent-query.js';
import { topicsTrainedOn } from './topics-trained-on.js';

/** The warning for a just-started query `q`, or undefined if no model it calls learns through a funnel of a topic it reads. */
export async function funnelWarning(state: EngineState, q: PersistentQuery): Promise<string | undefined> {
  const out: string[] = [];
  for (const { name, model, trainer, topic, partitions } of await topicsTrainedOn(state, q)) {
    // The trainer's graph has a one-partition topic only when it funnels (build-operators.ts).
    if (trainer.graph.onePartition.size === 0) continue;
    out.push(`Warning: model ${name} (${model.def.type}) learns the ${partitions} partitions of topic ${topic} in one task, through a funnel topic `
      + `(its state does not merge across partitions), so this query scores each row with ${name} as learned by then, not in lockstep: `
      + `rows it scores before ${name} has learned anything give NULL, and a burst of rows is scored ahead of the learning. `
      + `For exact test-then-train, read a one-partition topic, or use a model type whose state merges `
      + `(ridge, linear_regression with SOLVER='normal', mahalanobis, naive_bayes, zscore).`);
  }
  return out.length > 0 ? out.join('\n') : undefined;
}
