// A running query: its plan, its operator graph and the runner feeding it.
import type { ProducerRecord } from '../log/log.js';
import type { Step } from '../plan/physical-plan.js';
import type { Expr } from '../../grammar/ast.js';
import { visitExpr } from '../plan/expr-walk.js';
import type { Emit } from '../runtime/emit.js';
import { exactlyOnce, type EngineState } from './engine-state.js';
import type { OperatorContext } from '../runtime/operator-context.js';
import { buildOperators, sourceTopics, type OperatorGraph } from '../runtime/build-operators.js';
import { QueryRunner, type RecordGate } from '../runtime/query-runner.js';
import { LogError } from '../log/log-error.js';
import type { StateStores } from '../runtime/state/state-stores.js';
import type { RecordContext } from '../runtime/processing-log.js';

export type QueryKind = 'CSAS' | 'CTAS' | 'INSERT' | 'PUSH' | 'TRAIN';

/** A running query: what it was started with, its operators and runner, and its health. */
export interface PersistentQuery extends Pick<StartOptions, 'id' | 'kind' | 'sql' | 'root' | 'sinkName' | 'sinkTopic' | 'sourceNames'> {
  graph: OperatorGraph;
  runner: QueryRunner;
  status: 'RUNNING' | 'ERROR';
  error?: string;
  /** With auto.offset.reset=latest: its source topics' end offsets when it was accepted (where it starts). */
  acceptedOffsets?: Promise<Record<string, number[]> | undefined>;
  /** Called when TERMINATE stops it (a push query ends its rows' iteration). */
  onTerminate?: () => void;
}

export interface StartOptions {
  id: string;
  kind: QueryKind;
  sql: string;
  root: Step;
  sinkName?: string;
  sinkTopic?: string;
  sourceNames: string[];
  /** For push queries: receives each output row. */
  terminal?: Emit;
  emitFinal?: boolean;
  autoOffsetReset: 'earliest' | 'latest';
  /** State the query keeps beyond its operators' (see BuildOptions.moreState). */
  moreState?: (stores: StateStores) => void;
  /** A training query: the model it trains (it joins the test-then-train lockstep). */
  trainsModel?: string;
  /** Durable: funnel all rows into one task before the terminal (see BuildOptions). */
  funnel?: boolean;
  /** Holds records back (a push query whose consumer lags); test-then-train sets its own otherwise. */
  gate?: RecordGate;
  /** Where the row being processed came from, kept current by the source (for the terminal's logs). */
  current?: RecordContext;
  /** The terminal scores a batch at a time: its end-of-poll step (see BuildOptions). */
  terminalBatchEnd?: () => Promise<void>;
  /** The terminal is done with each row when it returns (see BuildOptions.terminalLetsGo). */
  terminalLetsGo?: boolean;
}

export function startQuery(state: EngineState, o: StartOptions): PersistentQuery {
  const outBuffer: ProducerRecord[] = [];
  const ctx: OperatorContext = {
    queryId: o.id, registry: state.registry, properties: state.properties, schemaRegistry: state.schemaRegistry, keepRows: state.log.keepsRows === true,
    logger: state.processingLog, current: o.current ?? { queryId: o.id, topic: '', partition: -1, offset: -1 },
  };
  const groupId = queryGroupId(state, o.id);
  // Persistent queries of a durable service keep their state in changelogs; push queries are
  // transient and keep it in memory.
  const durable = state.durable && o.kind !== 'PUSH'
    ? { task: { partition: 0 }, topicPrefix: groupId, internalBuffer: new Map<string, ProducerRecord[]>() }
    : undefined;
  // The record cache (ksqlDB's ksql.streams.cache.max.bytes.buffering): a table query keeps
  // only each key's latest output per flush.
  const coalesceSink = durable !== undefined && o.root.output === 'TABLE' && state.properties['ksql.streams.cache.max.bytes.buffering'] !== '0';
  const graph = buildOperators(o.root, ctx, o.terminal, {
    produce: (r) => outBuffer.push(r), emitFinal: o.emitFinal, moreState: o.moreState, cacheEmits: coalesceSink, terminalBatchEnd: o.terminalBatchEnd,
    terminalLetsGo: o.terminalLetsGo,
    durable: durable && {
      task: durable.task, topicPrefix: durable.topicPrefix, funnel: o.funnel,
      produce: (topic, r) => {
        const list = durable.internalBuffer.get(topic);
        if (list) list.push(r); else durable.internalBuffer.set(topic, [r]);
      },
    },
  });
  // Test-then-train: a persistent query calling models, and a model's trainer, go in lockstep.
  const ttt = state.testThenTrain;
  const scores = o.kind === 'PUSH' || o.kind === 'TRAIN' ? [] : modelsCalled(o.root, (n) => state.registry.scalar(n)?.model !== undefined);
  const gate = o.gate ?? (o.trainsModel ? ttt.trainerGate(o.trainsModel) : scores.length > 0 ? ttt.scorerGate(scores) : undefined);
  // Latest means the end of the input when the statement was accepted (now, or as the command
  // being replayed recorded it), not when the consumer joins its group seconds or days later.
  const acceptedOffsets = o.kind !== 'PUSH' && o.autoOffsetReset === 'latest' ? endOffsetsNow(state, sourceTopics(o.root)) : undefined;
  const q: PersistentQuery = {
    id: o.id, kind: o.kind, sql: o.sql, root: o.root, sinkName: o.sinkName, sinkTopic: o.sinkTopic,
    sourceNames: o.sourceNames, graph, status: 'RUNNING', acceptedOffsets,
    runner: undefined as unknown as QueryRunner,
  };
  q.runner = new QueryRunner({
    queryId: o.id, log: state.log, groupId,
    topics: sourceTopics(o.root), autoOffsetReset: o.autoOffsetReset, latestOffsets: acceptedOffsets, graph,
    sinkTopic: o.sinkTopic, outBuffer, durable, gate,
    coalesceSink,
    commitIntervalMs: Number(state.properties['ksql.streams.commit.interval.ms'] ?? 2000),
    transactionalId: durable && exactlyOnce(state.properties) ? `${groupId}-${state.instanceId}` : undefined,
    logger: state.processingLog,
    onError: (err) => {
      q.status = 'ERROR';
      q.error = err instanceof Error ? err.message : String(err);
      state.processingLog.log({ queryId: o.id, type: 'QUERY', message: q.error });
    },
    onRecovered: () => {
      q.status = 'RUNNING';
      q.error = undefined;
    },
    // A trainer may ride on its model's only scoring query (see test-then-train.ts).
    rideOn: o.trainsModel ? () => ttt.hostFor(o.trainsModel!) : undefined,
  });
  if (o.trainsModel) ttt.attachTrainer(o.trainsModel, q.runner);
  if (scores.length > 0) ttt.attachScorer(scores, q.runner);
  q.runner.start();
  return q;
}

/**
 * Stops a query for good (TERMINATE, DROP of its sink, CREATE OR REPLACE) and removes it.
 * A durable query's internal topics (changelogs, repartition topics) go with it, as ksqlDB
 * deletes them; another instance doing the same finds them gone.
 */
export async function terminateQuery(state: EngineState, q: PersistentQuery): Promise<void> {
  q.onTerminate?.();
  await q.runner.stop();
  state.queries.delete(q.id);
  state.testThenTrain.forget(q.runner);
  if (!state.durable || q.kind === 'PUSH') return;
  const prefix = `${queryGroupId(state, q.id)}-`;
  for (const t of await state.log.listTopics()) {
    if (!t.name.startsWith(prefix)) continue;
    await state.log.deleteTopic(t.name).catch((e: unknown) => {
      if (!(e instanceof LogError && e.code === 'UNKNOWN_TOPIC')) throw e;
    });
  }
}

/** End offsets by topic, as the replayed command recorded them or else as they are now; never rejects. */
async function endOffsetsNow(state: EngineState, topics: string[]): Promise<Record<string, number[]> | undefined> {
  const recorded = state.acceptedOffsets; // read before the first await: it is the current command's
  const out: Record<string, number[]> = {};
  try {
    await Promise.all(topics.map(async (t) => { out[t] = recorded?.[t] ?? await state.log.endOffsets(t); }));
    return out;
  } catch {
    return undefined; // e.g. a source topic deleted meanwhile: the end when the consumer joins
  }
}

/** The end offsets new queries start from with latest, merged (for their command), if any. */
export async function acceptedOffsetsOf(queries: PersistentQuery[]): Promise<Record<string, number[]> | undefined> {
  let out: Record<string, number[]> | undefined;
  for (const q of queries) {
    const got = await q.acceptedOffsets;
    if (got) out = { ...got, ...out };
  }
  return out;
}

/** The consumer group of a query; also the prefix of its internal topics. */
export const queryGroupId = (state: EngineState, queryId: string): string => `_eddy_${state.serviceId}_query_${queryId}`;

/** The models a plan calls through PREDICT and friends (upper-case names). */
export function modelsCalled(root: Step, isModelFunction: (name: string) => boolean): string[] {
  const out = new Set<string>();
  const look = (e: Expr): void => visitExpr(e, (x) => {
    if (x.kind !== 'FunctionCall' || !isModelFunction(x.name)) return;
    const a = x.args[0];
    if (a?.kind === 'ColumnRef') out.add(a.name.toUpperCase());
    else if (a?.kind === 'StringLit') out.add(a.value.toUpperCase());
  });
  const walk = (s: Step): void => {
    switch (s.kind) {
      case 'source': return;
      case 'filter': look(s.predicate); return walk(s.input);
      case 'project': for (const i of [...s.key, ...s.value]) look(i.expr); return walk(s.input);
      case 'aggregate': for (const g of s.groupBy) look(g); for (const a of s.aggregates) a.args.forEach(look); return walk(s.input);
      case 'join': look(s.leftKey); look(s.rightKey); walk(s.left); return walk(s.right);
      case 'sink': return walk(s.input);
    }
  };
  walk(root);
  return [...out];
}
