// What compiled closures share: the lambda frame (one slot per lambda parameter) and the row
// being evaluated, which lambda bodies read when an implementation calls them.
import type { TypedExpr } from '../../plan/expr/typed-expr.js';
import { formatExpr } from '../../plan/expr/format-expr.js';

export type Evaluator = (row: unknown[]) => unknown;

export interface CompileEnv {
  frame: unknown[];
  row: unknown[];
  compile(t: TypedExpr, env: CompileEnv): Evaluator;
}

/** The SQL text of a node, computed only when an error needs it. */
export function textOf(t: TypedExpr): () => string {
  let text: string | undefined;
  return () => (text ??= formatExpr(t.source));
}
