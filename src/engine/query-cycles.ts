// A persistent query whose output flows back into its own input — INSERT INTO s SELECT FROM s,
// or a ring of queries (a → b, b → a) — sends every record round forever: the topics grow
// without end (in process, until memory runs out) and the queries never catch up. ksqlDB runs
// such rings (its issue #1258 asks to warn or prevent); Eddy refuses the statement that would
// close one, naming the ring, before anything is created. Checked for new statements; a command
// replayed from the command topic ran already and is not refused.
import type { EngineState } from './engine-state.js';
import type { Step } from '../plan/physical-plan.js';
import { sourceTopics } from '../runtime/build-operators.js';
import { SqlError, type Position } from '../types/sql-error.js';

/** Throws if a query reading `root`'s sources and writing `sinkTopic` would close a ring. */
export function checkNoQueryCycle(state: EngineState, root: Step, sinkTopic: string, position?: Position): void {
  if (state.replaying) return;
  const inputs = new Set(sourceTopics(root));
  // Edges topic → (query, topic) of the queries running, as a query reads and writes.
  const next = new Map<string, { query: string; to: string }[]>();
  for (const q of state.queries.values()) {
    if (q.kind === 'PUSH' || q.sinkTopic === undefined) continue;
    for (const from of sourceTopics(q.root)) {
      let out = next.get(from);
      if (!out) next.set(from, (out = []));
      out.push({ query: q.id, to: q.sinkTopic });
    }
  }
  // Breadth first from the new query's sink: the shortest way back to one of its inputs.
  const cameFrom = new Map<string, { query: string; from: string } | null>([[sinkTopic, null]]);
  const queue = [sinkTopic];
  for (let i = 0; i < queue.length; i++) {
    const topic = queue[i];
    if (inputs.has(topic)) throw cycleError(topic, sinkTopic, cameFrom, position);
    for (const e of next.get(topic) ?? []) {
      if (cameFrom.has(e.to)) continue;
      cameFrom.set(e.to, { query: e.query, from: topic });
      queue.push(e.to);
    }
  }
}

function cycleError(input: string, sinkTopic: string, cameFrom: Map<string, { query: string; from: string } | null>, position?: Position): SqlError {
  return new SqlError('INVALID_STATEMENT', `This query would write into its own input: its rows would go round forever (${ring(input, sinkTopic, cameFrom)}). `
    + 'Write to another topic, or TERMINATE a query of the ring first.', { position });
}

/** "topic A → this query → topic B → Q1 → topic A": the new query's input, then the way back. */
function ring(input: string, sinkTopic: string, cameFrom: Map<string, { query: string; from: string } | null>): string {
  const back: string[] = [];
  for (let t = input; t !== sinkTopic;) {
    const step = cameFrom.get(t)!;
    back.unshift(`${step.query} → topic ${t}`);
    t = step.from;
  }
  return [`topic ${input}`, `this query → topic ${sinkTopic}`, ...back].join(' → ');
}
