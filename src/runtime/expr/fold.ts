// Constant folding: every constant subtree (no columns, lambda variables or volatile functions)
// is evaluated once at plan time and replaced by its value. A subtree that fails (a cast or an
// operator that throws, or a function call that reports a failure) is kept, so the failure still
// happens, and is logged, per row against the query's processing log, as ksqlDB reports it.
import type { TypedExpr } from '../../plan/expr/typed-expr.js';
import { mapChildren } from '../../plan/expr/typed-expr.js';
import { isConstant } from '../../plan/expr/constant.js';
import { compileExpression } from './compile.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';

const NO_ROW: unknown[] = [];

/** Thrown by the fold-time reporter: a failing call stops the fold of its subtree. */
const CALL_FAILED = new Error('a function call failed while folding');
const stopFolding = (): void => { throw CALL_FAILED; };

export function foldConstants(t: TypedExpr, registry: FunctionRegistry): TypedExpr {
  if (t.kind === 'Literal') return t;
  // Collections and bytes are mutable objects: each row keeps getting its own.
  const shared = t.type.kind === 'ARRAY' || t.type.kind === 'MAP' || t.type.kind === 'STRUCT' || t.type.kind === 'BYTES';
  if (!shared && isConstant(t)) {
    try {
      const value = compileExpression(t, { registry, report: stopFolding })(NO_ROW);
      return { kind: 'Literal', value, type: t.type, span: t.span, source: t.source };
    } catch {
      // fall through: keep the expression
    }
  }
  return mapChildren(t, (c) => foldConstants(c, registry));
}
