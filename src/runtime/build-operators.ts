// The one factory from plan steps to running operators: walks the plan from the root down,
// wiring each step's operator to the one above it. Source steps register record handlers by topic.
import type { Step } from '../plan/physical-plan.js';
import type { ProducerRecord } from '../log/log.js';
import type { Emit, Row } from './emit.js';
import type { OperatorContext } from './operator-context.js';
import { sourceOperator, type RecordHandler } from './operators/source-operator.js';
import { filterOperator } from './operators/filter-operator.js';
import { projectOperator } from './operators/project-operator.js';
import { aggregateOperator, type GroupState } from './operators/aggregate-operator.js';
import { windowedAggregateOperator, type WindowedStore } from './operators/windowed-aggregate-operator.js';
import { sessionAggregateOperator, type SessionStore } from './operators/session-aggregate-operator.js';
import { sinkOperator } from './operators/sink-operator.js';
import { joinOperator } from './operators/join-operator.js';
import { SqlError } from '../types/sql-error.js';

export interface OperatorGraph {
  /** Record handlers per source topic, in plan order. */
  handlers: Map<string, RecordHandler[]>;
  /** State of every stateful operator, by step path (for inspection and, later, changelogs). */
  stores: Map<string, unknown>;
}

export interface BuildOptions {
  /** Where a sink step's records go. */
  produce?: (rec: ProducerRecord) => void;
  /** EMIT FINAL for windowed aggregations. */
  emitFinal?: boolean;
}

export function buildOperators(root: Step, ctx: OperatorContext, terminal: Emit | undefined, opts: BuildOptions): OperatorGraph {
  const graph: OperatorGraph = { handlers: new Map(), stores: new Map() };

  const build = (step: Step, next: Emit, path: string): void => {
    switch (step.kind) {
      case 'source': {
        const table = step.output === 'TABLE' ? new Map<unknown, Row>() : undefined;
        if (table) graph.stores.set(`${path}/source`, table);
        const h = sourceOperator(step, ctx, next, table);
        const list = graph.handlers.get(step.topic) ?? [];
        list.push(h);
        graph.handlers.set(step.topic, list);
        return;
      }
      case 'filter': return build(step.input, filterOperator(step, ctx, next), `${path}/filter`);
      case 'project': return build(step.input, projectOperator(step, ctx, next), `${path}/project`);
      case 'aggregate': {
        const p = `${path}/aggregate`;
        const spec = step.windowSpec;
        let op: Emit;
        if (!spec) {
          const state = new Map<unknown, GroupState>();
          graph.stores.set(p, state);
          op = aggregateOperator(step, ctx, next, state);
        } else if (spec.kind === 'SESSION') {
          const store: SessionStore = { sessions: new Map(), streamTime: -Infinity };
          graph.stores.set(p, store);
          op = sessionAggregateOperator(step, ctx, next, store, opts.emitFinal === true);
        } else {
          const store: WindowedStore = { windows: new Map(), streamTime: -Infinity };
          graph.stores.set(p, store);
          op = windowedAggregateOperator(step, ctx, next, store, opts.emitFinal === true);
        }
        return build(step.input, op, p);
      }
      case 'join': {
        const p = `${path}/join`;
        const op = joinOperator(step, ctx, next, graph.stores, p);
        build(step.left, op.left, `${p}/left`);
        build(step.right, op.right, `${p}/right`);
        return;
      }
      case 'sink': {
        if (!opts.produce) throw new SqlError('INTERNAL', 'a sink step needs a producer');
        return build(step.input, sinkOperator(step, ctx, opts.produce), `${path}/sink`);
      }
    }
  };

  if (root.kind === 'sink') {
    build(root, () => undefined, 'root');
  } else {
    if (!terminal) throw new SqlError('INTERNAL', 'a plan without a sink needs a terminal');
    build(root, terminal, 'root');
  }
  return graph;
}

/** The source topics a plan reads. */
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
