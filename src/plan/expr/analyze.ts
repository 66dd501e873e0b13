// Expression analysis: resolves names against the scope and the function registry and types
// every node the way ksqlDB does, producing a TypedExpr the runtime compiles to a closure.
import type { Expr } from '../../../grammar/ast.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';
import type { ExprScope } from './scope.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { analyzeLiteral } from './literals.js';
import { resolveColumn } from './resolve-column.js';
import { analyzeArithmetic, analyzeConcat, analyzeLogical, analyzeUnary } from './arithmetic.js';
import { analyzeBetween, analyzeComparison, analyzeDistinct } from './comparison.js';
import { analyzeIn, analyzeIsNull, analyzeLike } from './predicates.js';
import { analyzeCase } from './case.js';
import { analyzeCast, analyzeDeref, analyzeSubscript } from './access.js';
import { analyzeArray, analyzeMap, analyzeStruct } from './constructors.js';
import { analyzeCall } from './function-call.js';
import { formatExpr } from './format-expr.js';

export interface AnalyzeOptions {
  /**
   * The clause the expression belongs to ('SELECT', 'WHERE', 'JOIN ON', ...). Unknown-column
   * errors then read as ksqlDB's: "WHERE column 'X' cannot be resolved."
   */
  clause?: string;
}

/**
 * Types `expr` over the columns of `scope`. Throws SqlError: UNKNOWN_COLUMN, UNKNOWN_FUNCTION,
 * FUNCTION_ARGS, TYPE_ERROR (with ksqlDB's messages) or INVALID_STATEMENT for an aggregate call
 * (the planner replaces those before analysis). A bare NULL has type NULL: callers that need a
 * real type must reject it.
 */
export function analyzeExpression(expr: Expr, scope: ExprScope, registry: FunctionRegistry, opts: AnalyzeOptions = {}): TypedExpr {
  const ctx: AnalyzeContext = { scope, registry, clause: opts.clause, lambdas: new Map(), slots: { next: 0 }, analyze: analyzeNode };
  return analyzeNode(expr, ctx);
}

function analyzeNode(e: Expr, ctx: AnalyzeContext): TypedExpr {
  switch (e.kind) {
    case 'NullLit': case 'BoolLit': case 'NumberLit': case 'StringLit': return analyzeLiteral(e)!;
    case 'ColumnRef': return resolveColumn(e, ctx);
    case 'Dereference': return analyzeDeref(e, ctx);
    case 'Subscript': return analyzeSubscript(e, ctx);
    case 'Unary': return analyzeUnary(e, ctx);
    case 'Arithmetic': return analyzeArithmetic(e, ctx);
    case 'Concat': return analyzeConcat(e, ctx);
    case 'Comparison': return analyzeComparison(e, ctx);
    case 'IsDistinctFrom': return analyzeDistinct(e, ctx);
    case 'Logical': return analyzeLogical(e, ctx);
    case 'Between': return analyzeBetween(e, ctx);
    case 'InList': return analyzeIn(e, ctx);
    case 'Like': return analyzeLike(e, ctx);
    case 'IsNull': return analyzeIsNull(e, ctx);
    case 'Case': return analyzeCase(e, ctx);
    case 'Cast': return analyzeCast(e, ctx);
    case 'FunctionCall': return analyzeCall(e, ctx);
    case 'Lambda': throw typeError(`A lambda can only be a function argument: ${formatExpr(e)}`, e.span);
    case 'ArrayCtor': return analyzeArray(e, ctx);
    case 'MapCtor': return analyzeMap(e, ctx);
    case 'StructCtor': return analyzeStruct(e, ctx);
  }
}
