// What compiled closures share: the lambda frame (one slot per lambda parameter), the row
// being evaluated, which lambda bodies read when an implementation calls them, where calls find
// their implementations, and where a failing function call reports (the processing log of the
// query that compiled it).
import type { TypedExpr } from '../../plan/expr/typed-expr.js';
import { formatExpr } from '../../plan/expr/format-expr.js';
import type { EvaluationError } from '../../values/evaluation-error.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';
import type { BatchCollector } from './batched-calls.js';

export type Evaluator = (row: unknown[]) => unknown;

/**
 * Hears a function call's failure before the call yields NULL (ksqlDB turns a function's
 * exception into NULL for that call, so COALESCE(PARSE_DATE(x, 'a'), PARSE_DATE(x, 'b')) works,
 * and logs it). Operators pass their query's (operator-context.ts evaluationReporter).
 */
export type EvaluationReporter = (e: EvaluationError) => void;

/** What compiling an expression needs besides the expression. */
export interface CompileOptions {
  /** The functions (and models) typed calls name. */
  registry: FunctionRegistry;
  report: EvaluationReporter;
  /**
   * Where model calls scored a batch at a time go (the operator evaluates in two passes); an
   * expression compiled without one refuses such a call.
   */
  batch?: BatchCollector;
}

export interface CompileEnv extends CompileOptions {
  frame: unknown[];
  row: unknown[];
  /** Lambda bodies being compiled (a batched call inside one is refused). */
  lambdaDepth?: number;
  compile(t: TypedExpr, env: CompileEnv): Evaluator;
}

/** The SQL text of a node, computed only when an error needs it. */
export function textOf(t: TypedExpr): () => string {
  let text: string | undefined;
  return () => (text ??= formatExpr(t.source));
}
