// The physical plan: plain, serializable data between the planner and the runtime. Each
// expression is there twice: as AST (grammar/ast.ts: EXPLAIN prints it, the planner matches on
// it) and typed over the step's input (src/plan/expr/typed-expr.ts: columns resolved to row
// positions, types, chosen overloads), which the runtime compiles without analyzing anything.
// A stored plan (stored-plan.ts) rebuilds the same query.
import type { Expr, WindowSpec, JoinType } from '../../grammar/ast.js';
import type { TypedExpr } from './expr/typed-expr.js';
import type { LogicalSchema } from '../types/schema.js';
import type { FormatSpec } from '../format/serde.js';

/** A windowed key: its window type and size (sizeMs is 0 for session windows). */
export interface WindowInfo { type: 'TUMBLING' | 'HOPPING' | 'SESSION'; sizeMs: number }

export interface StepBase {
  /** Output schema of this step; rows are laid out as described in src/plan/row-layout.ts. */
  schema: LogicalSchema;
  /** Stream (events) or table (changelog: upserts and deletes by key). */
  output: 'STREAM' | 'TABLE';
  /** Set when the output keys are windowed. */
  window?: WindowInfo;
  /** The source alias that qualifies this step's columns ("T.ID"); joins use `qualifiers`. */
  alias?: string;
  /** Per-column qualifier and original name, for join outputs (columns named T_ID). */
  qualifiers?: { qualifier?: string; name: string }[];
}

export interface SourceStep extends StepBase {
  kind: 'source';
  sourceName: string;
  alias: string;
  topic: string;
  keyFormat: FormatSpec;
  valueFormat: FormatSpec;
  /** TIMESTAMP='col': event time from this column instead of the record timestamp. */
  timestampColumn?: string;
  /** TIMESTAMP_FORMAT for a STRING timestamp column (a Java date pattern). */
  timestampFormat?: string;
}

export interface FilterStep extends StepBase { kind: 'filter'; input: Step; predicate: Expr; typedPredicate: TypedExpr }

/** A projected column as the planner names it; the step keeps it with its typed form. */
export interface NamedExpr { name: string; expr: Expr }
export interface ProjectItem extends NamedExpr { typed: TypedExpr }

/** Computes new key and value columns; a changed key re-keys the stream (PARTITION BY). */
export interface ProjectStep extends StepBase {
  kind: 'project';
  input: Step;
  key: ProjectItem[];
  value: ProjectItem[];
  /** True when the key expressions differ from the input key (records move to new keys). */
  rekey: boolean;
  /**
   * Set for the step of a SELECT's table functions: its last N value items are table-function
   * calls, and each input row becomes one row per value they return (src/plan/plan-table-functions.ts).
   */
  tableFunctions?: number;
}

export interface AggregateCall {
  /** Function name, upper case. */
  name: string;
  /** Column arguments, over the step's input schema. */
  args: Expr[];
  typedArgs: TypedExpr[];
  /** Literal trailing arguments (TOPK's k), already evaluated. */
  literals: unknown[];
  /** COUNT(*) */
  star: boolean;
}

/** GROUP BY aggregation, optionally windowed. Output: key = group columns, value = results. */
export interface AggregateStep extends StepBase {
  kind: 'aggregate';
  input: Step;
  groupBy: Expr[];
  typedGroupBy: TypedExpr[];
  aggregates: AggregateCall[];
  windowSpec?: WindowSpec;
}

/** WITHIN of a stream-stream join, in ms; graceMs is set only when GRACE PERIOD was given. */
export interface JoinWindow { beforeMs: number; afterMs: number; graceMs?: number }

/**
 * A join of two inputs on one key: stream-stream (windowed), stream-table, or table-table on the
 * primary key. Output: key = the join key; value = the left input's columns, then the right's
 * (each source's columns prefixed with its alias, plus its pseudo-columns, hidden from `*`).
 */
export interface JoinStep extends StepBase {
  kind: 'join';
  joinType: JoinType;
  left: Step;
  right: Step;
  /** Expression over the left input that gives the join key (ksqlDB repartitions on it). */
  leftKey: Expr;
  /** Expression over the right input that gives the join key. */
  rightKey: Expr;
  typedLeftKey: TypedExpr;
  typedRightKey: TypedExpr;
  /** Stream-stream joins only. */
  within?: JoinWindow;
  /** Row positions of the left and of the right input that fill the output value columns, in order. */
  leftColumns: number[];
  rightColumns: number[];
  /**
   * The join key: a synthetic column (FULL OUTER, or no side a plain column), or equal to these
   * source columns (ksqlDB's viable keys), any of which a projection may use to include it.
   */
  key: { synthetic: boolean; viable: { qualifier: string; name: string }[] };
  /**
   * A foreign-key table-table join: the left table's rows look up the right table by `leftKey`;
   * the output is keyed by the left table's primary key (its columns, in `key.viable`).
   */
  foreignKey?: boolean;
  /**
   * (Plans since version 4.) A durable query runs the foreign-key join across tasks: its sides
   * meet through a subscription and a response topic (runtime/operators/fk-join-tasks.ts).
   * Older plans join in one task, with their own state layout.
   */
  foreignKeyAcrossTasks?: boolean;
  /** Output positions that `SELECT *` expands to, in order. */
  star: number[];
}

export interface SinkStep extends StepBase {
  kind: 'sink';
  input: Step;
  sinkName: string;
  topic: string;
  keyFormat: FormatSpec;
  valueFormat: FormatSpec;
  /** TIMESTAMP='col': the output record time comes from this column. */
  timestampColumn?: string;
  timestampFormat?: string;
}

export type Step = SourceStep | FilterStep | ProjectStep | AggregateStep | JoinStep | SinkStep;
export type StepKind = Step['kind'];

export interface QueryPlan {
  queryId: string;
  /** The statement text that created the query. */
  sql: string;
  root: Step;
  sources: string[];
  sink?: string;
}
