// Small shared pieces of planning: typing an expression, building schemas and project steps.
import type { Expr } from '../../grammar/ast.js';
import type { Step, ProjectItem, ProjectStep } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import type { Column } from '../types/schema.js';
import type { SqlType } from '../types/sql-type.js';
import { analyzeExpression } from './expr/analyze.js';
import { stepScope } from './step-scope.js';

export function typeOf(e: Expr, input: Step, ctx: PlanContext): SqlType {
  return analyzeExpression(e, stepScope(input), ctx.registry).type;
}

export function columnsOf(items: ProjectItem[], input: Step, ctx: PlanContext, namespace: 'KEY' | 'VALUE'): Column[] {
  return items.map((it) => ({ name: it.name, type: typeOf(it.expr, input, ctx), namespace }));
}

export function projectStep(input: Step, key: ProjectItem[], value: ProjectItem[], ctx: PlanContext, rekey: boolean): ProjectStep {
  return {
    kind: 'project', input, key, value, rekey,
    schema: { key: columnsOf(key, input, ctx, 'KEY'), value: columnsOf(value, input, ctx, 'VALUE') },
    output: input.output, window: input.window, alias: input.alias,
  };
}

export const colRef = (name: string, span: Expr['span'], qualifier?: string): Expr =>
  ({ kind: 'ColumnRef', name, qualifier, span });
