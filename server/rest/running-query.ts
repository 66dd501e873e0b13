// A running query as ksqlDB's entities list it (SHOW QUERIES, DESCRIBE's read/writeQueries).
import type { Engine } from '../../src/engine/engine.js';

type EngineQuery = Engine['state']['queries'] extends Map<string, infer Q> ? Q : never;

export interface RunningQuery {
  queryString: string;
  sinks: string[];
  sinkKafkaTopics: string[];
  id: string;
  statusCount: Record<string, number>;
  queryType: 'PERSISTENT' | 'PUSH';
  state: string;
}

export function runningQuery(q: EngineQuery): RunningQuery {
  const state = q.status === 'RUNNING' ? 'RUNNING' : 'ERROR';
  return {
    queryString: q.sql,
    sinks: q.sinkName ? [q.sinkName] : [],
    sinkKafkaTopics: q.sinkTopic ? [q.sinkTopic] : [],
    id: q.id,
    statusCount: { [state]: 1 },
    queryType: q.kind === 'PUSH' ? 'PUSH' : 'PERSISTENT',
    state,
  };
}
