// (b) and (c) on Eddy, inside the Eddy worker process (eddy-worker.ts): each run a fresh durable
// service (own command topic, consumer groups and sink) on a KafkaLog, prepared untimed (engine,
// source stream), then timed from the CREATE ... AS SELECT statement by the benchmark, which
// watches the broker for the end (eddy-work.ts):
//   (b) a filter + projection CSAS;
//   (c) a tumbling-window COUNT/SUM CTAS, with the record cache on or off
//       (ksql.streams.cache.max.bytes.buffering = 0: every update of a batch goes out);
//   (m) an anomaly model learning online (zscore over temp and vibration: it merges, so it learns
//       per task, no funnel) and a CSAS scoring every reading with it, test-then-train.
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { THRESHOLD } from './load.js';
import { reportFailure } from './worker-ipc.js';

export type EddyQuery = 'filter' | 'aggregate' | 'model';

export interface EddyPrepare { brokers: string[]; topic: string; query: EddyQuery; tag: string; cacheOff: boolean }
export interface EddyStarted { queryId: string; sinkTopic: string; groupId: string }
export interface EddyStopped { processingLogEntries: number; firstProblem: string }

interface Current {
  log: KafkaLog;
  engine?: Engine;
  serviceId: string;
  statement: string;
  queryId?: string;
  processingLogEntries: number;
  firstProblem: string;
  watch?: NodeJS.Timeout;
}
let current: Current | undefined;

export async function prepare(a: EddyPrepare): Promise<void> {
  if (current) throw new Error('a run is in progress');
  const sink = `${{ filter: 'hot', aggregate: 'counts', model: 'scored' }[a.query]}_${a.tag}`.toUpperCase();
  const statements: Record<EddyQuery, string> = {
    filter: `CREATE STREAM ${sink} AS SELECT sensor, temp, vibration FROM readings WHERE temp > ${THRESHOLD} EMIT CHANGES;`,
    aggregate: `CREATE TABLE ${sink} AS SELECT sensor, COUNT(*) AS n, SUM(temp) AS total FROM readings
           WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY sensor EMIT CHANGES;`,
    // The scoring query is the timed one (the last statement): it waits for the model, row by row.
    model: `CREATE MODEL m_${a.tag} WITH (TYPE='zscore') AS SELECT temp, vibration FROM readings TRAIN ONLINE;
      CREATE STREAM ${sink} AS SELECT sensor, ANOMALY_SCORE(m_${a.tag}, temp, vibration) AS score FROM readings EMIT CHANGES;`,
  };
  const c: Current = {
    log: new KafkaLog({ brokers: a.brokers, clientId: `eddy-bench-${a.tag}` }), serviceId: `bench_${a.tag}`,
    statement: statements[a.query],
    processingLogEntries: 0, firstProblem: '',
  };
  current = c;
  const properties: Record<string, string> = { 'auto.offset.reset': 'earliest' };
  if (a.cacheOff) properties['ksql.streams.cache.max.bytes.buffering'] = '0';
  c.engine = await Engine.create({
    log: c.log, durable: true, serviceId: c.serviceId, properties,
    onProcessingLog: (e) => { if (c.processingLogEntries++ === 0) c.firstProblem = e.message; },
  });
  await c.engine.executeScript(`CREATE STREAM readings (sensor STRING KEY, site STRING, temp DOUBLE, vibration DOUBLE, status STRING, note STRING)
    WITH (KAFKA_TOPIC='${a.topic}', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');`);
}

export async function start(): Promise<EddyStarted> {
  const c = running();
  const results = await c.engine!.executeScript(c.statement);
  const result = results[results.length - 1];
  const queryId = result.kind === 'message' ? result.queryId : undefined;
  if (!queryId) throw new Error(`no query started by: ${c.statement}`);
  const q = c.engine!.state.queries.get(queryId);
  if (!q?.sinkTopic) throw new Error(`query ${queryId} has no sink topic`);
  c.queryId = queryId;
  // A query that fails shows only in its status; a look every 200 ms costs nothing measurable.
  c.watch = setInterval(() => {
    if (q.status !== 'ERROR') return;
    clearInterval(c.watch);
    reportFailure(`query ${queryId} failed: ${q.error}`);
  }, 200);
  // The group naming of src/engine/persistent-query.ts.
  return { queryId, sinkTopic: q.sinkTopic, groupId: `_eddy_${c.serviceId}_query_${queryId}` };
}

export async function progress(): Promise<string> {
  const c = running();
  const q = c.queryId ? c.engine?.state.queries.get(c.queryId) : undefined;
  return `query ${q?.status ?? 'not started'}${q?.error ? `: ${q.error}` : ''}; ${c.processingLogEntries} processing-log entries` +
    (c.firstProblem ? `, the first: ${c.firstProblem}` : '');
}

export async function stop(): Promise<EddyStopped> {
  const c = current;
  current = undefined;
  if (!c) return { processingLogEntries: 0, firstProblem: '' };
  clearInterval(c.watch);
  try {
    await c.engine?.close();
  } finally {
    await c.log.close();
  }
  return { processingLogEntries: c.processingLogEntries, firstProblem: c.firstProblem };
}

function running(): Current {
  if (!current?.engine) throw new Error('no run prepared');
  return current;
}
