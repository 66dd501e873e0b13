// What every function module declares about itself. SHOW FUNCTIONS, DESCRIBE FUNCTION, the
// analyzer's overload resolution and the compiler all read this; nothing is listed twice.
import type { SqlType, PrimitiveKind } from '../src/types/sql-type.js';

/**
 * A parameter type. Concrete types match by implicit widening (INTEGER → BIGINT → DECIMAL → DOUBLE);
 * GENERIC binds a name to whatever type is passed (the same name must bind the same type);
 * ANY_STRUCT matches any STRUCT; LAMBDA matches a lambda argument.
 */
export type TypePattern =
  | { kind: PrimitiveKind }
  | { kind: 'DECIMAL'; precision?: number; scale?: number }
  | { kind: 'ARRAY'; item: TypePattern }
  | { kind: 'MAP'; key: TypePattern; value: TypePattern }
  | { kind: 'STRUCT'; fields: { name: string; type: SqlType }[] }
  | { kind: 'ANY_STRUCT' }
  | { kind: 'GENERIC'; name: string }
  | { kind: 'LAMBDA'; params: TypePattern[]; returns: TypePattern };

export interface Param {
  name: string;
  type: TypePattern;
  description?: string;
}

/** The return type: fixed, or computed from the argument types at plan time. */
export type ReturnRule = TypePattern | ((argTypes: SqlType[]) => SqlType);

/** A lambda argument reaches an implementation as a plain JS function. */
export type LambdaValue = (...args: unknown[]) => unknown;

export interface ScalarOverload {
  params: Param[];
  /** The last param repeats zero or more times (arguments arrive as separate values). */
  variadic?: boolean;
  returns: ReturnRule;
  /**
   * 'propagate' (default): any NULL argument gives NULL without calling the implementation.
   * 'custom': the implementation sees NULLs (COALESCE, IFNULL, CONCAT, ...).
   */
  nulls?: 'propagate' | 'custom';
  /**
   * The implementation takes BIGINTs past 2^53 as they are (bigints, src/values/long.ts). Without
   * it, such an argument arrives as the nearest JS number (at the top level and inside arrays and
   * maps), so implementations written for numbers keep working.
   */
  exactLongs?: boolean;
  /** The implementation over values already coerced to the param types. */
  impl?: (...args: any[]) => unknown;
  /** Or a factory called once per query with the resolved types (for type-dependent behaviour). */
  factory?: (argTypes: SqlType[], returnType: SqlType) => (...args: any[]) => unknown;
  description?: string;
}

/** An example that runs as a test: `call` is a SQL expression, `result` its value as JSON. */
export interface FunctionExample { call: string; result: unknown }

/** The functions that call a model: PREDICT(model, f1, ...) and friends. */
export type ModelFunctionKind = 'PREDICT' | 'PREDICT_PROBA' | 'ANOMALY_SCORE' | 'CLUSTER';

/** A model as functions see it: its features, and a bound implementation per function. */
export interface ModelBinding {
  name: string;
  features: { name: string; type: SqlType; categorical: boolean }[];
  /**
   * The result type and the implementation (over the feature values), or why it can't. A model
   * whose runtime is asynchronous (ONNX) gives a `batch` scorer instead of `impl`: the operator
   * evaluating the call collects a poll's rows and scores them at once (runtime/expr/batched-calls.ts).
   */
  bind(fn: ModelFunctionKind): {
    type: SqlType;
    impl: (...features: unknown[]) => unknown;
    /** impl over the features in an array, which the caller may reuse once it returns. */
    overArray?: (features: readonly unknown[]) => unknown;
  } | { type: SqlType; batch: BatchScorer } | string;
}

/** Scores rows a batch at a time; each call site (an expression in an operator) has its own batch. */
export interface BatchScorer {
  newBatch(): FeatureBatch;
  /**
   * A batch for another call site of the same model with the same features as `leader`'s (e.g.
   * PREDICT and PREDICT_PROBA of one row): it gets no features of its own, and one run of the
   * model answers both. Undefined where this scorer cannot share `leader`'s run.
   */
  follow?(leader: FeatureBatch): FeatureBatch | undefined;
}

/**
 * One call site's batch, reused for every batch: reset to n rows, each row's feature values
 * set, run once, then each row's result read (result() throws for a row that failed: NULL and
 * a processing-log entry, as a failing function call). run() never rejects.
 */
export interface FeatureBatch {
  reset(rows: number): void;
  set(row: number, feature: number, value: unknown): void;
  run(): Promise<void>;
  result(row: number): unknown;
}

export interface ScalarFunction {
  kind: 'scalar';
  /** Set for model functions: the first argument names a model, the rest are its features. */
  model?: ModelFunctionKind;
  name: string;
  category: string;
  description: string;
  overloads: ScalarOverload[];
  examples: FunctionExample[];
  /** Not deterministic (RANDOM, UUID, NOW...): never constant-folded. */
  volatile?: boolean;
  /**
   * A table function (EXPLODE, CUBE_EXPLODE): typed as one output value, the implementation
   * returns the list of them (or NULL for none), and SELECT emits one row per value.
   */
  table?: boolean;
}

/**
 * An aggregation's per-group state machine. Accumulators must be plain data (numbers, strings,
 * arrays, plain objects, null) or objects whose toJSON() returns such data, so state stores can
 * serialize them; a restored accumulator arrives as that plain data (the aggregator rebuilds it).
 */
export interface Aggregator<A = any> {
  initial(): A;
  /** Fold one row's argument values in; may mutate and return `acc`. The `args` array is
   *  reused for the next row: copy values out of it, never keep the array itself. */
  add(acc: A, args: unknown[]): A;
  /** Undo a row (table aggregations see the old row of an update retracted). */
  remove?(acc: A, args: unknown[]): A;
  /** Combine two accumulators (session windows merging). */
  merge?(a: A, b: A): A;
  result(acc: A): unknown;
}

/** An aggregate's parameter type: a pattern, or ANY (ksqlDB's Object: any type, binding nothing). */
export type AggregatePattern = TypePattern | { kind: 'ANY' };

export interface AggregateParam {
  name: string;
  type: AggregatePattern;
  description?: string;
}

export interface AggregateOverload {
  /** Column arguments, evaluated per row. */
  params: AggregateParam[];
  /** Literal arguments that follow the column arguments (e.g. TOPK's k), fixed per query. */
  literalParams?: Param[];
  /**
   * 'params': the last column param repeats zero or more times (VAR_ARG(n, s1, s2, ...));
   * 'literals': the last literal param does (FOUR_ARG(c1, c2, c3, c4, 5, 'a', 'b')). Repeated
   * arguments arrive as separate values, as a variadic scalar's do.
   */
  variadic?: 'params' | 'literals';
  returns: ReturnRule;
  /** Called once per query with the resolved argument types and the literal values. */
  create(argTypes: SqlType[], literals: unknown[], config: AggregateConfig): Aggregator;
  description?: string;
}

export interface AggregateConfig {
  /** ksql.functions.collect_list.limit and friends, from session properties. */
  properties: Record<string, string>;
}

export interface AggregateFunction {
  kind: 'aggregate';
  name: string;
  category: string;
  description: string;
  overloads: AggregateOverload[];
  examples: FunctionExample[];
}

export type FunctionDef = ScalarFunction | AggregateFunction;
