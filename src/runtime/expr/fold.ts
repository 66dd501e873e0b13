// Constant folding: every constant subtree (no columns, lambda variables or volatile functions)
// is evaluated once at plan time and replaced by its value. A subtree that fails is kept, so
// the failure still happens per row, as ksqlDB reports it.
import type { TypedExpr } from '../../plan/expr/typed-expr.js';
import { mapChildren } from '../../plan/expr/typed-expr.js';
import { isConstant } from '../../plan/expr/constant.js';
import { compileExpression } from './compile.js';

const NO_ROW: unknown[] = [];

export function foldConstants(t: TypedExpr): TypedExpr {
  if (t.kind === 'Literal') return t;
  // Collections and bytes are mutable objects: each row keeps getting its own.
  const shared = t.type.kind === 'ARRAY' || t.type.kind === 'MAP' || t.type.kind === 'STRUCT' || t.type.kind === 'BYTES';
  if (!shared && isConstant(t)) {
    try {
      const value = compileExpression(t)(NO_ROW);
      return { kind: 'Literal', value, type: t.type, span: t.span, source: t.source };
    } catch {
      // fall through: keep the expression
    }
  }
  return mapChildren(t, foldConstants);
}
