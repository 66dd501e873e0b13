// Table functions in a SELECT (EXPLODE, CUBE_EXPLODE): a step before the projection computes
// every table-function call of the SELECT as a synthetic column, and emits one row per value
// (the calls side by side; a shorter list gives NULL). The SELECT items then read those columns.
// Items are named before the rewrite, so an unaliased EXPLODE(...) is KSQL_COL_n as in ksqlDB.
import type { Expr, FunctionCall, SelectItem } from '../../grammar/ast.js';
import type { NamedExpr, ProjectStep, Step } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { mapExpr, visitExpr } from './expr-walk.js';
import { expandSelect } from './select-items.js';
import { stepScope } from './step-scope.js';
import { colRef, projectStep } from './plan-helpers.js';
import { SqlError } from '../types/sql-error.js';

export function isTableFunctionCall(e: Expr, ctx: PlanContext): e is FunctionCall {
  return e.kind === 'FunctionCall' && ctx.registry.scalar(e.name)?.table === true;
}

export function containsTableFunction(e: Expr, ctx: PlanContext): boolean {
  let found = false;
  visitExpr(e, (x) => { if (isTableFunctionCall(x, ctx)) found = true; });
  return found;
}

export function selectHasTableFunction(select: SelectItem[], ctx: PlanContext): boolean {
  return select.some((s) => s.kind === 'SingleColumn' && containsTableFunction(s.expr, ctx));
}

/** The flattening step and the SELECT items rewritten over it (stars expanded, every item named). */
export function planTableFunctions(input: Step, select: SelectItem[], ctx: PlanContext): { step: ProjectStep; select: SelectItem[] } {
  if (input.output === 'TABLE') {
    throw new SqlError('INVALID_STATEMENT', 'Table functions are only supported on streams, not on tables.');
  }
  const all = [...input.schema.key, ...input.schema.value];
  const named = expandSelect(select, stepScope(input), all.length);
  const calls: NamedExpr[] = [];
  const rewritten: SelectItem[] = named.map((it) => {
    const expr = mapExpr(it.expr, (x) => {
      if (!isTableFunctionCall(x, ctx)) return undefined;
      for (const a of x.args) {
        if (containsTableFunction(a, ctx)) {
          throw new SqlError('INVALID_STATEMENT', `Table functions cannot be nested: ${x.name}(${a.kind === 'FunctionCall' ? a.name : '...'}(...)).`, { position: a.span });
        }
      }
      const name = `KSQL_SYNTH_${calls.length}`;
      calls.push({ name, expr: x });
      return colRef(name, x.span);
    });
    return { kind: 'SingleColumn', expr, alias: it.name, span: it.span };
  });

  const span = select[0].span;
  const refOf = (i: number): Expr => {
    const q = input.qualifiers?.[i];
    return q ? colRef(q.name, span, q.qualifier) : colRef(all[i].name, span);
  };
  const k = input.schema.key.length;
  const key = input.schema.key.map((c, i): NamedExpr => ({ name: c.name, expr: refOf(i) }));
  const value = input.schema.value.map((c, j): NamedExpr => ({ name: c.name, expr: refOf(k + j) }));
  const step = projectStep(input, key, [...value, ...calls], ctx, false);
  step.tableFunctions = calls.length;
  if (input.qualifiers) step.qualifiers = [...input.qualifiers, ...calls.map((c) => ({ name: c.name }))];
  return { step, select: rewritten };
}
