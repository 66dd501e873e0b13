// PARTITION BY over a join re-keys the join's rows; the re-keyed rows keep the join's column
// names (L_A, R_B) but not its per-column qualifiers. The SELECT after it still says L.A (or an
// unambiguous A), so its references to join columns become references to those names, and
// unaliased ones keep the name the join's own projection would give them (A, or L_A on a clash).
import type { Expr, SelectItem } from '../../grammar/ast.js';
import type { StepBase } from './physical-plan.js';
import { colRef } from './plan-helpers.js';
import { mapExpr } from './expr-walk.js';

/** Index of the join column a reference denotes, or -1 (unknown or ambiguous: left for the analyzer). */
export function joinColumnIndex(join: StepBase, e: { name: string; qualifier?: string }): number {
  const qs = join.qualifiers ?? [];
  let found = -1;
  for (let i = 0; i < qs.length; i++) {
    if (qs[i].name !== e.name || (e.qualifier !== undefined && qs[i].qualifier !== e.qualifier)) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

function joinColumnName(join: StepBase, i: number): string {
  const k = join.schema.key.length;
  return i < k ? join.schema.key[i].name : join.schema.value[i - k].name;
}

/** `e` with every reference to a join column (outside lambdas that rebind its name) by the column's name. */
export function joinRefsAsNames(e: Expr, join: StepBase, bound: ReadonlySet<string> = new Set()): Expr {
  return mapExpr(e, (x) => {
    if (x.kind === 'Lambda') return { ...x, body: joinRefsAsNames(x.body, join, new Set([...bound, ...x.params])) };
    if (x.kind !== 'ColumnRef' || (x.qualifier === undefined && bound.has(x.name))) return undefined;
    const i = joinColumnIndex(join, x);
    return i < 0 ? x : colRef(joinColumnName(join, i), x.span);
  });
}

/** The SELECT items over a re-keyed join: references renamed, unaliased ones named as in a join. */
export function joinSelectAsNames(select: SelectItem[], join: StepBase): SelectItem[] {
  const k = join.schema.key.length;
  const owners = new Map<string, Set<string | undefined>>();
  for (const q of (join.qualifiers ?? []).slice(k)) {
    owners.set(q.name, (owners.get(q.name) ?? new Set()).add(q.qualifier));
  }
  return select.map((item) => {
    if (item.kind !== 'SingleColumn') return item;
    const expr = joinRefsAsNames(item.expr, join);
    if (item.alias !== undefined || item.expr.kind !== 'ColumnRef' || expr === item.expr) return { ...item, expr };
    const name = item.expr.name;
    return { ...item, expr, alias: (owners.get(name)?.size ?? 0) > 1 && expr.kind === 'ColumnRef' ? expr.name : name };
  });
}
