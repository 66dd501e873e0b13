// SELECT: push queries (EMIT CHANGES) run until LIMIT or cancel; pull queries (no EMIT) read
// the source's current contents — the latest row per key for a table — and return.
import type { QueryStatement } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult, PushRows, ResultColumn } from './statement-result.js';
import type { Step } from '../plan/physical-plan.js';
import type { Row } from '../runtime/emit.js';
import type { OperatorContext } from '../runtime/operator-context.js';
import type { LogRecord } from '../log/log.js';
import type { RecordGate } from '../runtime/query-runner.js';
import { DELETE } from '../runtime/emit.js';
import { planSelect } from '../plan/plan-select.js';
import { leftmostSource } from '../plan/plan-helpers.js';
import { checkJoinPartitions } from './join-partitions.js';
import { startQuery } from './persistent-query.js';
import { offsetReset } from './engine-state.js';
import { AsyncQueue } from './async-queue.js';
import { buildOperators, endBatch } from '../runtime/build-operators.js';
import { SqlError } from '../types/sql-error.js';
import { randomUUID } from 'node:crypto';
import { pushScoringWarning } from './models/push-scoring-warning.js';
import { tableRows } from './table-snapshot.js';
import { pinnedKeyBytes } from './pull-key-lookup.js';

/** Records a pull query passes through its operators between end-of-batch steps. */
const PULL_BATCH = 5000;

function columnsOf(root: Step): ResultColumn[] {
  return root.schema.value.map((c) => ({ name: c.name, type: c.type }));
}


function hasJoin(s: Step): boolean {
  return s.kind === 'join' || (s.kind !== 'source' && hasJoin(s.input));
}

export async function executePushQuery(state: EngineState, s: QueryStatement): Promise<StatementResult> {
  const root = planSelect(s.query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, {});
  await checkJoinPartitions(state.log, root, s.query.span);
  const v = root.schema.value.length;
  const limit = s.query.limit;
  const queue = new AsyncQueue<unknown[]>();
  const id = `transient_${leftmostSource(root).sourceName}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let count = 0;
  let cancel: () => Promise<void> = async () => undefined;
  const terminal = (row: Row, _ts: number, op: number): void => {
    if (op === DELETE || queue.isClosed) return;
    queue.push(row.slice(0, v));
    count++;
    if (limit !== undefined && count >= limit) { queue.close(); void cancel(); }
  };
  // A consumer that lags (a slow REST client) pauses the query once this many rows wait for it:
  // memory stays bounded, and no row is dropped.
  const maxBuffered = Math.max(1, Number(state.properties['eddy.push.buffer.rows'] ?? 1000) || 1000);
  const gate: RecordGate = { before: () => queue.room(maxBuffered), after: () => undefined };
  const q = startQuery(state, {
    id, kind: 'PUSH', sql: s.text, root, sourceNames: [leftmostSource(root).sourceName], terminal,
    emitFinal: s.query.emit === 'FINAL', autoOffsetReset: offsetReset(state.properties), gate,
    terminalLetsGo: true, // the terminal queues a copy of each row
  });
  state.queries.set(id, q);
  q.onTerminate = () => queue.close();
  cancel = async () => {
    queue.close();
    if (state.queries.get(id) === q) { state.queries.delete(id); await q.runner.stop(); }
  };
  if (limit === 0) await cancel();
  const rows: PushRows = {
    [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator](), cancel, buffered: () => queue.size, takeReady: (max) => queue.takeReady(max),
  };
  const warning = limit === 0 ? undefined : await pushScoringWarning(state, q);
  return { kind: 'stream', statement: s.text, columns: columnsOf(root), queryId: id, rows, ...(warning ? { warning } : {}) };
}

/** The columns a query returns, without running it (a Postgres client's Describe). */
export function queryColumns(state: EngineState, s: QueryStatement): ResultColumn[] {
  return columnsOf(planSelect(s.query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, {}));
}

export async function executePullQuery(state: EngineState, s: QueryStatement): Promise<StatementResult> {
  if (s.query.groupBy || s.query.window) {
    throw new SqlError('INVALID_STATEMENT', 'Pull queries don\'t support GROUP BY or WINDOW clauses. Add EMIT CHANGES to run a push query.', { position: s.query.span });
  }
  const planned = planSelect(s.query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, {});
  if (hasJoin(planned)) throw new SqlError('UNSUPPORTED', 'Pull queries on joins are not supported: add EMIT CHANGES for a push query.', { position: s.query.span });
  const source = leftmostSource(planned);
  // A table's current rows are read as a stream of its latest record per key.
  const root = source.output === 'TABLE' ? readingSourceAsStream(planned) : planned;
  const v = root.schema.value.length;
  // A table: the latest record per key (by key bytes; a tombstone removes the key), kept between
  // pull queries and brought up to date (table-snapshot.ts).
  const input: LogRecord[] = source.output === 'TABLE'
    ? await tableRows(state.log, state.catalog.get(source.sourceName) ?? {}, source.topic, pinnedKeyBytes(planned, source, state.schemaRegistry))
    : await readAll(state, source.topic);
  const rows: unknown[][] = [];
  const limit = s.query.limit ?? Infinity;
  const ctx: OperatorContext = {
    queryId: 'pull', registry: state.registry, properties: state.properties, logger: state.processingLog, schemaRegistry: state.schemaRegistry,
    current: { queryId: 'pull', topic: source.topic, partition: -1, offset: -1 },
  };
  const graph = buildOperators(root, ctx, (row, _ts, op) => {
    if (op !== DELETE && rows.length < limit) rows.push(row.slice(0, v));
  }, {});
  // Records go through in batches of PULL_BATCH, as a persistent query's polls: operators
  // scoring a model a batch at a time (ONNX) pass each batch's rows on at its end.
  let inBatch = 0;
  for (const r of input) {
    if (rows.length >= limit) break;
    for (const h of graph.handlers.get(r.topic) ?? []) {
      const wait = h.prefetch?.(r);
      if (wait) await wait;
      h(r);
    }
    if (++inBatch === PULL_BATCH) { inBatch = 0; await endBatch(graph); }
  }
  await endBatch(graph);
  return { kind: 'rows', statement: s.text, columns: columnsOf(root), rows };
}

/** A copy of a single-source plan whose source (and steps above it) act on a stream. */
function readingSourceAsStream(s: Step): Step {
  if (s.kind === 'source') return { ...s, output: 'STREAM' };
  if (s.kind === 'join' || s.kind === 'sink') throw new SqlError('UNSUPPORTED', 'Pull queries on joins are not supported.');
  return { ...s, output: 'STREAM', input: readingSourceAsStream(s.input) } as Step;
}

async function readAll(state: EngineState, topic: string): Promise<LogRecord[]> {
  const ends = await state.log.endOffsets(topic);
  const out: LogRecord[] = [];
  for (let p = 0; p < ends.length; p++) {
    let off = 0;
    while (off < ends[p]) {
      const batch = await state.log.read(topic, p, off, Math.min(10000, ends[p] - off));
      if (batch.length === 0) break;
      out.push(...batch);
      off = batch[batch.length - 1].offset + 1;
    }
  }
  return out;
}
