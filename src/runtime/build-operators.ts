// The one factory from plan steps to running operators: walks the plan from the root down,
// wiring each step's operator to the one above it. Source steps (and the read side of each
// repartition) register record handlers by topic; stateful operators take their state from the
// query's StateStores, named by the step's place in the plan.
import type { AggregateStep, JoinStep, Step } from '../plan/physical-plan.js';
import type { Expr } from '../../grammar/ast.js';
import type { ProducerRecord } from '../log/log.js';
import type { Emit, Row } from './emit.js';
import type { OperatorContext } from './operator-context.js';
import { readValueColumns } from './read-columns.js';
import { sourceOperator, type RecordHandler } from './operators/source-operator.js';
import { filterOperator } from './operators/filter-operator.js';
import { projectOperator } from './operators/project-operator.js';
import { aggregateOperator, type GroupState } from './operators/aggregate-operator.js';
import { windowedAggregateOperator, type WindowedStore, type WindowState } from './operators/windowed-aggregate-operator.js';
import { sessionAggregateOperator, type Session, type SessionStore } from './operators/session-aggregate-operator.js';
import { sinkOperator } from './operators/sink-operator.js';
import { joinOperator } from './operators/join-operator.js';
import { groupKeyFn, type GroupKeyFn } from './operators/group-key.js';
import { messageReader, messageWriter, repartitionReader, repartitionWriter } from './operators/repartition-operator.js';
import { fkJoinAcrossTasks, type FkTaskState } from './operators/fk-join-tasks.js';
import { joinRows } from './operators/join-rows.js';
import { StateStores } from './state/state-stores.js';
import { compileTyped } from './compile-step-expr.js';
import type { TypedExpr } from '../plan/expr/typed-expr.js';
import { stepSerdes } from './operators/step-serdes.js';
import { StreamTime } from './state/stream-time.js';
import type { TaskContext } from './state/state-map.js';
import type { EmitCache } from './operators/emit-cache.js';
import { holdsRows } from './operators/batched-operator.js';
import { SqlError } from '../types/sql-error.js';

export interface OperatorGraph {
  /** Record handlers per topic read (sources and repartition topics), in plan order. */
  handlers: Map<string, RecordHandler[]>;
  /** The state stores of the stateful operators. */
  stores: StateStores;
  /** Internal repartition topics the query writes and reads. */
  repartitionTopics: string[];
  /** Those of them with one partition (the funnel of a training query). */
  onePartition: Set<string>;
  /**
   * Those with as many partitions as a source topic (a foreign-key join's subscription and
   * response topics: as the right and the left table's); the others have one per task.
   */
  partitionsLike: Map<string, string>;
  /** The aggregate's record cache (BuildOptions.cacheEmits): flushed before the output is written. */
  emitCaches: EmitCache<unknown>[];
  /**
   * End-of-poll steps of operators scoring a model a batch at a time (batched-operator.ts),
   * upstream first: whatever drives the graph awaits them (endBatch) after a poll's records, and
   * again after flushing the emit caches, before it writes the output.
   */
  batchEnds: (() => Promise<void>)[];
}

/** Runs the graph's end-of-poll steps, upstream first (each may emit into the next). */
export async function endBatch(graph: OperatorGraph): Promise<void> {
  for (const end of graph.batchEnds) await end();
}

export interface BuildOptions {
  /** Where a sink step's records go. */
  produce?: (rec: ProducerRecord) => void;
  /** EMIT FINAL for windowed aggregations. */
  emitFinal?: boolean;
  /**
   * The query keeps only each key's latest output per flush (a caching table query): an aggregate
   * feeding the sink through projections alone emits at the flush (see emit-cache.ts).
   */
  cacheEmits?: boolean;
  /** Adds state the query keeps beyond its operators' (a model it trains). */
  moreState?: (stores: StateStores) => void;
  /** The terminal's own end-of-poll step (it scores a batch too), run after the operators'. */
  terminalBatchEnd?: () => Promise<void>;
  /**
   * The terminal is done with each row when it returns (a model's trainer copies the features,
   * a push query its columns): the source and projections feeding it straight reuse one row
   * array instead of making one per record. Default: it may keep them.
   */
  terminalLetsGo?: boolean;
  /**
   * A durable query on a log other instances may share: state is tracked per task for its
   * changelogs, and GROUP BY on a new key goes through a repartition topic. Embedded queries
   * (one instance, nothing to restore) leave it out.
   */
  durable?: {
    task: TaskContext;
    /** Prefix of the query's internal topic names. */
    topicPrefix: string;
    /** Where a repartition writer's records go. */
    produce: (topic: string, rec: ProducerRecord) => void;
    /**
     * Funnel every row into one task before the terminal (a model's training query over a
     * multi-partition source: one model learns all rows, on whichever instance has task 0).
     */
    funnel?: boolean;
  };
}

export function buildOperators(root: Step, ctx: OperatorContext, terminal: Emit | undefined, opts: BuildOptions): OperatorGraph {
  const durable = opts.durable;
  const stores = new StateStores(durable?.task);
  const graph: OperatorGraph = { handlers: new Map(), stores, repartitionTopics: [], onePartition: new Set(), partitionsLike: new Map(), emitCaches: [], batchEnds: [] };
  // Operators are made before the steps under them, so adding each step first puts upstream first.
  const batching = { task: durable?.task, register: (end: () => Promise<void>) => { graph.batchEnds.unshift(end); } };
  const cached = opts.cacheEmits ? aggregateUnderSink(root) : undefined;
  const underHaving = aggregatesUnderHaving(root);
  const handle = (topic: string, h: RecordHandler): void => {
    const list = graph.handlers.get(topic) ?? [];
    list.push(h);
    graph.handlers.set(topic, list);
  };
  const storeName = (path: string): string => path.replace(/^root\/?/, '').replace(/\//g, '.') || 'root';

  /** A join side's key as a one-column key; a NULL or failing key travels as NULL. */
  const joinKeyFn = (key: TypedExpr): ((row: Row) => unknown[]) => {
    const f = compileTyped(key, ctx);
    return (row) => {
      try {
        const v = f(row);
        return [v === undefined ? null : v];
      } catch {
        return [null]; // the join reports the failure when it evaluates the key again
      }
    };
  };

  /** The key bytes of the topic a join side reads (the format its source's key is in). */
  const sourceKeyBytes = (input: Step): ((key: unknown[]) => Uint8Array | null) | undefined => {
    let s: Step = input;
    while (s.kind === 'filter' || s.kind === 'project') s = s.input;
    if (s.kind !== 'source' || s.window) return undefined;
    const serde = stepSerdes(s, ctx.schemaRegistry).key!;
    const topic = s.topic;
    return (key) => serde.serialize(key, topic);
  };

  /**
   * Rows on their way to `next` go through the internal topic `topic`, keyed by `keyOf`, so that
   * rows of one key meet in one task (see repartition-operator.ts). Returns the writing end.
   */
  const exchange = (topic: string, keyOf: (row: Row) => unknown[] | null, next: Emit,
    encodeKey?: (key: unknown[]) => Uint8Array | null, onKey?: (key: unknown[] | null) => void): Emit => {
    graph.repartitionTopics.push(topic);
    handle(topic, repartitionReader(ctx, next, onKey));
    return repartitionWriter(ctx, keyOf, topic, durable!.produce, encodeKey, onKey !== undefined);
  };

  /**
   * A foreign-key join whose sides meet through a subscription and a response topic, each
   * partitioned as the table it leads to (fk-join-tasks.ts), so that it joins right wherever
   * the tasks run. False where a side's key bytes cannot be made (a windowed left table): that
   * join runs in one task (correct on one instance).
   */
  const fkJoinAcross = (step: JoinStep, next: Emit, p: string, name: string): boolean => {
    const leftBytes = sourceKeyBytes(step.left);
    const rightBytes = sourceKeyBytes(step.right);
    if (!durable || !leftBytes || !rightBytes || step.left.kind !== 'source' || step.right.kind !== 'source') return false;
    const subscriptions = `${durable.topicPrefix}-${name}-subscription-repartition`;
    const responses = `${durable.topicPrefix}-${name}-response-repartition`;
    const writeSubscription = messageWriter(ctx, subscriptions, durable.produce);
    const writeResponse = messageWriter(ctx, responses, durable.produce);
    const state: FkTaskState = { left: stores.map(`${name}-left`), right: stores.map(`${name}-right`), subscribers: stores.map(`${name}-subscriptions`) };
    const op = fkJoinAcrossTasks(step, joinRows(step, ctx), next, state, {
      subscribe: (m, ts) => writeSubscription(rightBytes([m.f]), m, ts),
      respond: (m, ts) => writeResponse(leftBytes(m.k), m, ts),
    }, () => ctx.current.offset);
    graph.repartitionTopics.push(subscriptions, responses);
    graph.partitionsLike.set(subscriptions, step.right.topic);
    graph.partitionsLike.set(responses, step.left.topic);
    handle(subscriptions, messageReader(ctx, op.subscription));
    handle(responses, messageReader(ctx, op.response));
    build(step.left, op.left, `${p}/left`);
    build(step.right, op.right, `${p}/right`);
    return true;
  };

  /**
   * `reads`: what the step above (a projection or an aggregate, through filters) evaluates over
   * this step's rows; undefined when rows flow on whole (see read-columns.ts). `letsGo`: `next`
   * is done with each row when it returns (BuildOptions.terminalLetsGo), so this step may hand
   * it the same array every time.
   */
  const build = (step: Step, next: Emit, path: string, reads?: TypedExpr[], letsGo = false): void => {
    switch (step.kind) {
      case 'source': {
        const table = step.output === 'TABLE' ? stores.map<Row>(storeName(`${path}/source`)) : undefined;
        handle(step.topic, sourceOperator(step, ctx, next, table, readValueColumns(step, reads), letsGo && !table));
        return;
      }
      case 'filter': {
        // A filter passes its rows on as they are; one that batches (ONNX) holds them till the poll ends.
        const op = filterOperator(step, ctx, next, batching);
        return build(step.input, op, `${path}/filter`, reads && [...reads, step.typedPredicate], letsGo && !holdsRows(op));
      }
      case 'project': {
        const op = projectOperator(step, ctx, next, batching, letsGo);
        return build(step.input, op, `${path}/project`, [...step.key, ...step.value].map((i) => i.typed), !holdsRows(op));
      }
      case 'aggregate': {
        const p = `${path}/aggregate`;
        const name = storeName(p);
        const aggReads = [...step.typedGroupBy, ...step.aggregates.flatMap((a) => a.typedArgs)];
        if (!durable || keyStaysInPartition(step.input, step.groupBy)) return build(step.input, aggregate(step, next, name), p, aggReads);
        // Rows meet their group in the partition of the group key, wherever that task runs. The
        // key is evaluated once, before the exchange (as ksqlDB's GROUP BY step): the aggregate
        // takes the one each row travelled with (a record without one: evaluated again).
        const evaluate = groupKeyFn(step, ctx);
        let travelled: unknown[] | null = null;
        const op = aggregate(step, next, name, (row) => travelled ?? evaluate(row));
        const onKey = (key: unknown[] | null): void => { travelled = key; };
        return build(step.input, exchange(`${durable.topicPrefix}-${name}-repartition`, evaluate, op, undefined, onKey), p, aggReads);
      }
      case 'join': {
        const p = `${path}/join`;
        const name = storeName(p);
        if (step.foreignKeyAcrossTasks && fkJoinAcross(step, next, p, name)) return;
        const op = joinOperator(step, ctx, next, stores, name);
        const stays = (input: Step, key: Expr): boolean =>
          !durable || step.foreignKey === true || input.output === 'TABLE' || keyStaysInPartition(input, [key]);
        const leftStays = stays(step.left, step.leftKey);
        const rightStays = stays(step.right, step.rightKey);
        // A stream joined on something other than its key moves to the partition the other side
        // keeps that key in (its key format's bytes), or, when both move, to a common one.
        const keyBytes = leftStays ? sourceKeyBytes(step.left) : rightStays ? sourceKeyBytes(step.right) : undefined;
        const side = (input: Step, key: TypedExpr, emit: Emit, sideName: 'left' | 'right', staysPut: boolean): void => {
          const topic = `${durable?.topicPrefix}-${name}-${sideName}-repartition`;
          build(input, staysPut ? emit : exchange(topic, joinKeyFn(key), emit, keyBytes), `${p}/${sideName}`);
        };
        side(step.left, step.typedLeftKey, op.left, 'left', leftStays);
        side(step.right, step.typedRightKey, op.right, 'right', rightStays);
        return;
      }
      case 'sink': {
        if (!opts.produce) throw new SqlError('INTERNAL', 'a sink step needs a producer');
        // The sink copies each row's columns out (into the record it makes) before it returns.
        return build(step.input, sinkOperator(step, ctx, opts.produce), `${path}/sink`, undefined, true);
      }
    }
  };

  const aggregate = (step: AggregateStep, next: Emit, name: string, groupKey?: GroupKeyFn): Emit => {
    const spec = step.windowSpec;
    const caches = step === cached ? graph.emitCaches : undefined;
    if (!spec) return aggregateOperator(step, ctx, next, stores.map<GroupState>(name), groupKey, caches);
    const streamTime = new StreamTime(stores, `${name}-streamtime`);
    if (spec.kind === 'SESSION') {
      const store: SessionStore = { sessions: stores.map<Session[]>(name), streamTime, nextScan: -Infinity };
      stores.onRestored(() => { store.nextScan = -Infinity; });
      return sessionAggregateOperator(step, ctx, next, store, opts.emitFinal === true, groupKey);
    }
    const lastEmitClose = new StreamTime(stores, `${name}-emitted`);
    const store: WindowedStore = { windows: stores.map<WindowState>(name), streamTime, lastEmitClose, nextScan: -Infinity };
    stores.onRestored(() => { store.nextScan = -Infinity; });
    return windowedAggregateOperator(step, ctx, next, store, opts.emitFinal === true, groupKey, caches, underHaving.has(step));
  };

  opts.moreState?.(stores);
  if (root.kind === 'sink') {
    build(root, () => undefined, 'root');
  } else {
    if (!terminal) throw new SqlError('INTERNAL', 'a plan without a sink needs a terminal');
    if (durable?.funnel) {
      const topic = `${durable.topicPrefix}-funnel-repartition`;
      graph.onePartition.add(topic);
      build(root, exchange(topic, () => FUNNEL_KEY, terminal), 'root');
    } else {
      build(root, terminal, 'root', undefined, opts.terminalLetsGo === true && !opts.terminalBatchEnd);
    }
  }
  if (opts.terminalBatchEnd) graph.batchEnds.push(opts.terminalBatchEnd);
  return graph;
}

const FUNNEL_KEY = [0];

/**
 * The aggregate whose updates reach the sink through projections alone, if any: one whose
 * superseded updates nobody downstream sees (a filter, HAVING, would see each one).
 */
/** Aggregates a HAVING filters: their updates must carry the previous output row. */
function aggregatesUnderHaving(root: Step): Set<Step> {
  const out = new Set<Step>();
  const walk = (s: Step): void => {
    if (s.kind === 'filter' && s.input.kind === 'aggregate') out.add(s.input);
    if (s.kind === 'join') { walk(s.left); walk(s.right); } else if ('input' in s && s.input) walk(s.input);
  };
  walk(root);
  return out;
}

function aggregateUnderSink(root: Step): AggregateStep | undefined {
  if (root.kind !== 'sink') return undefined;
  let s: Step = root.input;
  while (s.kind === 'project') s = s.input;
  return s.kind === 'aggregate' ? s : undefined;
}

/**
 * True when rows with equal `keys` already arrive in one partition: the keys include all key
 * columns of a source that nothing on the way re-keyed (ksqlDB skips the repartition then too).
 */
function keyStaysInPartition(input: Step, keys: Expr[]): boolean {
  let s: Step = input;
  for (;;) {
    if (s.kind === 'filter') { s = s.input; continue; }
    if (s.kind === 'project') {
      if (s.rekey) return false;
      s = s.input;
      continue;
    }
    break;
  }
  if (s.kind !== 'source' || s.schema.key.length === 0) return false;
  // Key columns keep their names through filters and non-rekeying projections.
  const grouped = new Set(keys.map((g) => (g.kind === 'ColumnRef' ? g.name : undefined)));
  return input.schema.key.every((c) => grouped.has(c.name));
}

/** The topics a plan reads from outside the query (its sources). */
export function sourceTopics(root: Step): string[] {
  const out = new Set<string>();
  const walk = (s: Step): void => {
    if (s.kind === 'source') out.add(s.topic);
    else if (s.kind === 'join') { walk(s.left); walk(s.right); }
    else walk(s.input);
  };
  walk(root);
  return [...out];
}
