// The final projection of a query: which SELECT items become key columns and which values.
import type { Expr, SelectItem } from '../../grammar/ast.js';
import type { Step, ProjectStep, NamedExpr } from './physical-plan.js';
import type { PlanContext, PlanMode } from './plan-context.js';
import { stepScope } from './step-scope.js';
import { analyzeOver } from './analyze-over.js';
import { expandSelect, checkReservedNames, checkDuplicateNames, type NamedItem } from './select-items.js';
import { exprSignature } from './expr-walk.js';
import { SqlError } from '../types/sql-error.js';
import { projectStep, colRef } from './plan-helpers.js';
import { joinUnder, planJoinProjection } from './plan-join-projection.js';
import { expandStructStars } from './struct-star.js';

export interface KeyRule {
  /** Per input key column: signatures of expressions that denote it besides a plain column ref. */
  keyMatchers: string[][];
  /** How errors name a missing key: 'key column', 'partitioning expression', 'grouping expression'. */
  what: string;
  /** How errors show each key (defaults to its column name). */
  display?: string[];
  /** Key column order: as projected (default) or as the input's key order (GROUP BY). */
  keyOrder?: 'projection' | 'input';
  /** Reserved names were already checked (aggregations check before rewriting). */
  namesChecked?: boolean;
}

export function planProjection(input: Step, select: SelectItem[], ctx: PlanContext, mode: PlanMode, rule: KeyRule): ProjectStep {
  // Joins name columns and choose their key by their own rules.
  const join = joinUnder(input);
  if (join) return planJoinProjection(input, join, select, ctx, mode);
  const scope = stepScope(input);
  const starCols = input.schema.key.length + input.schema.value.length;
  const items = expandSelect(expandStructStars(select, scope, ctx.registry), scope, starCols);
  for (const it of items) {
    if (analyzeOver(it.expr, input, ctx.registry).type.kind === 'NULL') {
      throw new SqlError('TYPE_ERROR', `Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).`, { position: it.span });
    }
  }

  if (mode.sinkName === undefined) {
    checkDuplicateNames(items);
    return projectStep(input, [], items.map(toProjectItem), ctx, false);
  }
  if (!rule.namesChecked) checkReservedNames(items, [...input.schema.key, ...input.schema.value]);

  const keyCols = input.schema.key;
  const keyItems: { item: NamedItem; keyIndex: number }[] = [];
  const missing: number[] = [];
  keyCols.forEach((k, i) => {
    const matchers = new Set(rule.keyMatchers[i] ?? []);
    const found = items.filter((it) =>
      (it.expr.kind === 'ColumnRef' && it.expr.name === k.name &&
        (it.expr.qualifier === undefined || input.qualifiers === undefined)) ||
      matchers.has(exprSignature(it.expr)));
    if (found.length === 0) missing.push(i);
    else if (found.length > 1) {
      throw new SqlError('INVALID_STATEMENT',
        `The projection contains a key column more than once: ${found.map((f) => `\`${f.name}\``).join(' and ')}.`,
        { position: found[1].span });
    } else keyItems.push({ item: found[0], keyIndex: i });
  });
  if (missing.length > 0) {
    const names = missing.map((i) => rule.display?.[i] ?? keyCols[i].name);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const plural = names.length === 1 ? rule.what : `${rule.what}s`;
    throw new SqlError('INVALID_STATEMENT',
      `The query used to build \`${mode.sinkName}\` must include the ${plural} ${list} in its projection (eg, SELECT ${names.join(', ')}...).`);
  }
  if (rule.keyOrder === 'input') keyItems.sort((a, b) => a.keyIndex - b.keyIndex);
  const keySet = new Set(keyItems.map((k) => k.item));
  const values = items.filter((it) => !keySet.has(it));
  if (values.length === 0) {
    throw new SqlError('INVALID_STATEMENT', 'The projection contains no value columns.');
  }
  checkDuplicateNames(items);
  // A key item found by a matcher (SELECT K + 2 ... PARTITION BY K + 2) reads the key column the
  // input computed, not the expression again: a row without a value (columns NULL) keeps its key.
  const keyProject = keyItems.map((k) => {
    const it = k.item;
    const col = keyCols[k.keyIndex];
    if (it.expr.kind === 'ColumnRef') return toProjectItem(it);
    // Unnamed, it keeps the name the PARTITION BY gave it (KSQL_COL_0 counts source columns only).
    const name = !it.aliased && GENERATED.test(it.name) ? col.name : it.name;
    return { name, expr: keyColumnRef(input, k.keyIndex, col.name, it) };
  });
  return projectStep(input, keyProject, values.map(toProjectItem), ctx, false);
}

function keyColumnRef(input: Step, index: number, name: string, it: NamedItem): Expr {
  const q = input.qualifiers?.[index];
  return q ? colRef(q.name, it.span, q.qualifier) : colRef(name, it.span);
}

const GENERATED = /^KSQL_COL_\d+$/;

const toProjectItem = (it: NamedItem): NamedExpr => ({ name: it.name, expr: it.expr });
