// Compiles an AST expression over a step's output schema, once per query.
import type { Expr } from '../../grammar/ast.js';
import type { StepBase } from '../plan/physical-plan.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import { analyzeExpression } from '../plan/expr/analyze.js';
import { compileExpression } from './expr/compile.js';
import { stepScope } from '../plan/step-scope.js';
import type { Row } from './emit.js';

export type Compiled = (row: Row) => unknown;

export function compileOver(e: Expr, step: StepBase, registry: FunctionRegistry): Compiled {
  return compileExpression(analyzeExpression(e, stepScope(step), registry));
}
