// Small shared pieces of planning: typing an expression, building schemas and project steps.
import type { Expr } from '../../grammar/ast.js';
import type { Step, NamedExpr, ProjectItem, ProjectStep, SourceStep } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import type { Column } from '../types/schema.js';
import type { SqlType } from '../types/sql-type.js';
import { analyzeOver } from './analyze-over.js';

export function typeOf(e: Expr, input: Step, ctx: PlanContext): SqlType {
  return analyzeOver(e, input, ctx.registry).type;
}

/** The items with their typed expressions over `input`. */
export function typedItems(items: NamedExpr[], input: Step, ctx: PlanContext): ProjectItem[] {
  return items.map((it) => ({ name: it.name, expr: it.expr, typed: analyzeOver(it.expr, input, ctx.registry) }));
}

export function columnsOf(items: ProjectItem[], namespace: 'KEY' | 'VALUE'): Column[] {
  return items.map((it) => ({ name: it.name, type: it.typed.type, namespace }));
}

export function projectStep(input: Step, keyItems: NamedExpr[], valueItems: NamedExpr[], ctx: PlanContext, rekey: boolean): ProjectStep {
  const key = typedItems(keyItems, input, ctx);
  const value = typedItems(valueItems, input, ctx);
  return {
    kind: 'project', input, key, value, rekey,
    schema: { key: columnsOf(key, 'KEY'), value: columnsOf(value, 'VALUE') },
    output: input.output, window: input.window, alias: input.alias,
  };
}

export const colRef = (name: string, span: Expr['span'], qualifier?: string): Expr =>
  ({ kind: 'ColumnRef', name, qualifier, span });

/** The leftmost source of a plan: through filters, projections, aggregates and joins' left sides. */
export function leftmostSource(root: Step): SourceStep {
  let s: Step = root;
  while (s.kind !== 'source') s = s.kind === 'join' ? s.left : s.input;
  return s;
}
