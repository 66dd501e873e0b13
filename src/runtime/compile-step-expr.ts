// Compiles a plan step's typed expression, once per query: nothing is analyzed here (the plan
// says which column, type and overload); calls take their implementations from the query's
// function registry, and failing calls report to the query's processing log.
import type { TypedExpr } from '../plan/expr/typed-expr.js';
import { compileExpression } from './expr/compile.js';
import type { Row } from './emit.js';
import { evaluationReporter, type OperatorContext } from './operator-context.js';

export type Compiled = (row: Row) => unknown;

export function compileTyped(t: TypedExpr, ctx: OperatorContext): Compiled {
  return compileExpression(t, { registry: ctx.registry, report: evaluationReporter(ctx) });
}
