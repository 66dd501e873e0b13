// Whether a typed expression has the same value for every row: no column or lambda-variable
// reads and no volatile function (RANDOM, NOW...).
import type { TypedExpr } from './typed-expr.js';
import { childrenOf } from './typed-expr.js';

export function isConstant(t: TypedExpr): boolean {
  if (t.kind === 'Column' || t.kind === 'LambdaVar' || t.kind === 'Lambda') return false;
  if (t.kind === 'Call' && t.volatile) return false;
  return childrenOf(t).every(isConstant);
}
