// A scoring query created after its model has trained on the same topic scores the rows the
// model already learned with a model that has seen them: test-then-train holds only for the rows
// after the model's position. Nothing can make those scores honest after the fact, so CREATE
// says so, with how many rows, and how to score a backlog honestly.
import type { EngineState } from '../engine-state.js';
import type { PersistentQuery } from '../persistent-query.js';
import { topicsTrainedOn } from './topics-trained-on.js';

/** The warning for a just-started query `q` reading from `reset`, or undefined if it scores honestly. */
export async function lookaheadWarning(state: EngineState, q: PersistentQuery, reset: 'earliest' | 'latest'): Promise<string | undefined> {
  if (reset !== 'earliest') return undefined; // it starts at the end: every row it scores is new to the model
  const out: string[] = [];
  for (const { name, topic, learned } of await topicsTrainedOn(state, q)) {
    if (learned === 0) continue;
    out.push(`Warning: model ${name} has already learned the first ${learned.toLocaleString('en-US')} rows of topic ${topic}; `
      + `this query scores them with a model that has seen them, so those scores are not honest (test-then-train holds only for rows that arrive after them). `
      + `To score a backlog honestly, create the model and the scoring query on a new, empty stream, then replay the backlog into it (INSERT INTO new_stream SELECT * FROM ...).`);
  }
  return out.length > 0 ? out.join('\n') : undefined;
}
