// PARTITION BY: re-keys a stream. The new schema has the partition expressions as key; the
// value keeps the other columns and gains the old key columns at its end (as ksqlDB).
import type { Expr } from '../../grammar/ast.js';
import type { Step, NamedExpr } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { implicitColumnName } from './expr/column-name.js';
import { exprSignature } from './expr-walk.js';
import { projectStep, colRef } from './plan-helpers.js';
import { SqlError } from '../types/sql-error.js';
import { joinColumnIndex, joinRefsAsNames } from './partition-join-refs.js';

export function planPartitionBy(input: Step, exprs: Expr[], ctx: PlanContext): { step: Step; keyMatchers: string[][] } {
  if (input.output === 'TABLE') {
    throw new SqlError('INVALID_STATEMENT', 'PARTITION BY is not supported on tables: use GROUP BY to re-key a table.', { position: exprs[0].span });
  }
  if (input.window) {
    throw new SqlError('INVALID_STATEMENT', 'Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.');
  }
  const keyless = exprs.length === 1 && exprs[0].kind === 'NullLit';
  const taken = new Set([...input.schema.key, ...input.schema.value].map((c) => c.name));
  let n = 0;
  // Over a join, a key that is a join column keeps the join's name for it (L_B for L.B).
  const joinColumn = (e: Expr): number => (input.qualifiers && e.kind === 'ColumnRef' ? joinColumnIndex(input, e) : -1);
  const all = [...input.schema.key, ...input.schema.value];
  const key: NamedExpr[] = keyless ? [] : exprs.map((e) => {
    const j = joinColumn(e);
    let name = j >= 0 ? all[j].name : implicitColumnName(e);
    // PARTITION BY ROWTIME names its key ROWTIME, as ksqlDB does (a known bug there,
    // confluentinc/ksql#8193, that users see in their keys): the column hides the pseudo-column.
    if (name === undefined) {
      do { name = `KSQL_COL_${n++}`; } while (taken.has(name));
    }
    return { name, expr: e };
  });
  const span = exprs[0].span;
  // Columns of a join output are referenced by qualifier and original name (L.A for L_A).
  const refOf = (i: number): Expr => {
    const q = input.qualifiers?.[i];
    return q ? colRef(q.name, span, q.qualifier) : colRef(all[i].name, span);
  };
  const isKeyRef = (i: number): boolean => exprs.some((e) => e.kind === 'ColumnRef' &&
    e.name === (input.qualifiers?.[i]?.name ?? all[i].name) && (e.qualifier === undefined || e.qualifier === input.qualifiers?.[i]?.qualifier || !input.qualifiers));
  const k = input.schema.key.length;
  const value: NamedExpr[] = [];
  input.schema.value.forEach((c, j) => { if (!isKeyRef(k + j)) value.push({ name: c.name, expr: refOf(k + j) }); });
  // A join's key columns are among its values already (L_A for L.A = R.X): not added twice.
  input.schema.key.forEach((c, j) => {
    if (!isKeyRef(j) && !(input.qualifiers && input.schema.value.some((v) => v.name === c.name))) value.push({ name: c.name, expr: refOf(j) });
  });
  const step = projectStep(input, key, value, ctx, true);
  // The SELECT over a re-keyed join names join columns by their names (partition-join-refs.ts).
  const asSelected = (e: Expr): Expr => (input.qualifiers ? joinRefsAsNames(e, input) : e);
  return { step, keyMatchers: key.map((k) => [exprSignature(asSelected(k.expr))]) };
}
