// Compiles a plan step's typed expression, once per query: nothing is analyzed here (the plan
// says which column, type and overload); calls take their implementations from the query's
// function registry, and failing calls report to the query's processing log.
import type { TypedExpr } from '../plan/expr/typed-expr.js';
import { compileExpression } from './expr/compile.js';
import type { Row } from './emit.js';
import { evaluationReporter, type OperatorContext } from './operator-context.js';
import type { BatchCollector } from './expr/batched-calls.js';

export type Compiled = (row: Row) => unknown;

/** `batch`: the operator scores batched model calls (ONNX) a poll at a time; see expr/batched-calls.ts. */
export function compileTyped(t: TypedExpr, ctx: OperatorContext, batch?: BatchCollector): Compiled {
  return compileExpression(t, { registry: ctx.registry, report: evaluationReporter(ctx), batch });
}
