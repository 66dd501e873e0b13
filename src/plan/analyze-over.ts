// The typed form of an expression over a step's output, analyzed once per planned statement:
// the planner types a step's expressions (to check them and build schemas) with this, and the
// step it builds keeps the same TypedExpr for the runtime, which compiles it without analyzing.
import type { Expr } from '../../grammar/ast.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import type { StepBase } from './physical-plan.js';
import type { TypedExpr } from './expr/typed-expr.js';
import { analyzeExpression, type AnalyzeOptions } from './expr/analyze.js';
import { stepScope } from './step-scope.js';

// Per step (whose scope does not change once built), per AST node: what analysis gave.
const analyzed = new WeakMap<StepBase, WeakMap<Expr, TypedExpr>>();

export function analyzeOver(e: Expr, step: StepBase, registry: FunctionRegistry, opts?: AnalyzeOptions): TypedExpr {
  let byExpr = analyzed.get(step);
  if (!byExpr) analyzed.set(step, byExpr = new WeakMap());
  let t = byExpr.get(e);
  if (!t) byExpr.set(e, t = analyzeExpression(e, stepScope(step), registry, opts));
  return t;
}
