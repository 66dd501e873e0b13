// (b) and (c): the same input through Eddy on Kafka, each run a fresh durable service (own
// command topic, consumer groups and sink), timed from the CREATE ... AS SELECT statement until
// the query has done all its work:
//   (b) a filter + projection CSAS — done when the sink holds every row that passes the filter;
//   (c) a tumbling-window COUNT/SUM CTAS — done when the query's consumer group has committed
//       the input's end offsets (the runner commits only after producing a batch's output).
import type { Admin } from 'kafkajs';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { committedToEnd, endOffsets, sum, waitUntil } from './kafka-client.js';
import { THRESHOLD, type Dataset } from './load.js';

export type EddyQuery = 'filter' | 'aggregate';

export interface EddyRun { seconds: number; outputRecords: number; processingLogEntries: number }

export async function eddyQuery(brokers: string[], admin: Admin, data: Dataset, query: EddyQuery, tag: string, timeoutMs: number): Promise<EddyRun> {
  const serviceId = `bench_${tag}`;
  const sink = `${query === 'filter' ? 'hot' : 'counts'}_${tag}`.toUpperCase();
  let processingLogEntries = 0;
  let firstProblem = '';
  const log = new KafkaLog({ brokers, clientId: `eddy-bench-${tag}` });
  let engine: Engine | undefined;
  try {
    engine = await Engine.create({
      log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' },
      onProcessingLog: (e) => { if (processingLogEntries++ === 0) firstProblem = e.message; },
    });
    await engine.executeScript(`CREATE STREAM readings (sensor STRING KEY, site STRING, temp DOUBLE, vibration DOUBLE, status STRING, note STRING)
      WITH (KAFKA_TOPIC='${data.topic}', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');`);
    const statement = query === 'filter'
      ? `CREATE STREAM ${sink} AS SELECT sensor, temp, vibration FROM readings WHERE temp > ${THRESHOLD} EMIT CHANGES;`
      : `CREATE TABLE ${sink} AS SELECT sensor, COUNT(*) AS n, SUM(temp) AS total FROM readings
           WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY sensor EMIT CHANGES;`;
    const t0 = performance.now();
    const [result] = await engine.executeScript(statement);
    const queryId = result.kind === 'message' ? result.queryId : undefined;
    if (!queryId) throw new Error(`no query started by: ${statement}`);
    const q = engine.state.queries.get(queryId);
    if (!q?.sinkTopic) throw new Error(`query ${queryId} has no sink topic`);
    const sinkTopic = q.sinkTopic;
    // The group naming of src/engine/persistent-query.ts.
    const groupId = `_eddy_${serviceId}_query_${queryId}`;
    const inputEnds = await endOffsets(admin, data.topic);
    const progress = async (): Promise<string> =>
      `${sum(await endOffsets(admin, sinkTopic))} records in ${sinkTopic}; query ${q.status}${q.error ? `: ${q.error}` : ''}` +
      `; ${processingLogEntries} processing-log entries${firstProblem ? `, the first: ${firstProblem}` : ''}`;
    const done = query === 'filter'
      ? async () => sum(await endOffsets(admin, sinkTopic)) >= data.expectedHot
      : async () => committedToEnd(admin, groupId, data.topic, inputEnds);
    const seconds = await waitUntil(`Eddy ${query} ${tag}`, t0, timeoutMs, async () => {
      if (q.status === 'ERROR') throw new Error(`query ${queryId} failed: ${q.error}`);
      return done();
    }, progress);
    return { seconds, outputRecords: sum(await endOffsets(admin, sinkTopic)), processingLogEntries };
  } finally {
    await engine?.close();
    await log.close();
  }
}
