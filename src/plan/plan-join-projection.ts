// The final projection of a join query, with ksqlDB's naming and key rules for joins:
// - `*` gives every source column as ALIAS_NAME (plus a synthetic key first); `S.*` one source's;
// - an unaliased `S.NAME` is named S_NAME when another source also has a NAME column, else NAME;
// - a persistent query must select the join key once: the synthetic column, or one of the viable
//   key columns (the first one ksqlDB lists that the projection contains becomes the key).
import type { Expr, SelectItem } from '../../grammar/ast.js';
import type { JoinStep, NamedExpr, ProjectStep, Step } from './physical-plan.js';
import type { PlanContext, PlanMode } from './plan-context.js';
import type { NamedItem } from './select-items.js';
import type { ExprScope } from './expr/scope.js';
import { stepScope } from './step-scope.js';
import { analyzeOver } from './analyze-over.js';
import { implicitColumnName } from './expr/column-name.js';
import { checkDuplicateNames, checkReservedNames } from './select-items.js';
import { projectStep } from './plan-helpers.js';
import { grammaticalList } from './plan-join-format.js';
import { expandStructStars } from './struct-star.js';
import { SqlError } from '../types/sql-error.js';

/** The join a projection reads, through any WHERE filter and table functions. */
export function joinUnder(step: Step): JoinStep | undefined {
  let s = step;
  while (s.kind === 'filter' || (s.kind === 'project' && s.tableFunctions)) s = s.input;
  return s.kind === 'join' ? s : undefined;
}

export function planJoinProjection(input: Step, join: JoinStep, select: SelectItem[], ctx: PlanContext, mode: PlanMode): ProjectStep {
  const scope = stepScope(input);
  const items = expandJoinSelect(select, join, scope, ctx);
  const positions = items.map((it) => {
    const t = analyzeOver(it.expr, input, ctx.registry);
    if (t.type.kind === 'NULL') {
      throw new SqlError('TYPE_ERROR', `Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).`, { position: it.span });
    }
    return t.kind === 'Column' ? t.index : -1;
  });
  const toItem = (it: NamedItem): NamedExpr => ({ name: it.name, expr: it.expr });
  if (mode.sinkName === undefined) {
    checkDuplicateNames(items);
    return projectStep(input, [], items.map(toItem), ctx, false);
  }
  checkReservedNames(items);

  // Per output key column: the value column that stands for it (-1 for a synthetic key).
  const keyCols = join.foreignKey ? foreignKeyColumns(join, positions) : [chooseKey(join, positions, mode.sinkName)];
  const keyItems = keyCols.map((pos, k) => {
    const found = items.filter((_, i) => positions[i] === pos || positions[i] === k);
    if (found.length > 1) {
      const names = found.map((it) => it.name).sort();
      const col = pos >= 0 ? join.schema.value[pos - join.schema.key.length].name : join.schema.key[k].name;
      throw new SqlError('INVALID_STATEMENT',
        `The projection contains a key column (\`${col}\`) more than once, aliased as: ${grammaticalList(names, 'and')}.`, { position: found[1].span });
    }
    return found[0];
  });
  // Keys read the join's key columns: an outer join's source column may be NULL, the key not.
  const key = keyItems.map((it, k): NamedExpr => ({ name: it.name, expr: { kind: 'ColumnRef', name: join.qualifiers![k].name, span: it.span } }));
  const values = items.filter((it) => !keyItems.includes(it));
  if (values.length === 0) throw new SqlError('INVALID_STATEMENT', 'The projection contains no value columns.');
  checkDuplicateNames(items);
  return projectStep(input, key, values.map(toItem), ctx, false);
}

/** Positions of the value columns of the given source columns. */
function positionsOf(join: JoinStep, cols: { qualifier: string; name: string }[]): number[] {
  return cols.map((v) => join.qualifiers!.findIndex((q, i) => i >= join.schema.key.length && q.qualifier === v.qualifier && q.name === v.name));
}

/** A foreign-key join must select every primary key column of its left table. */
function foreignKeyColumns(join: JoinStep, positions: number[]): number[] {
  const cols = positionsOf(join, join.key.viable);
  const missing = join.key.viable.filter((_, k) => !positions.includes(cols[k]) && !positions.includes(k));
  if (missing.length > 0) {
    const table = join.left.kind === 'source' ? join.left.sourceName : missing[0].qualifier;
    const what = missing.length === 1 ? 'column' : 'columns';
    throw new SqlError('INVALID_STATEMENT', `Primary key ${what} missing in projection. For foreign-key table-table joins, the projection must include all primary key columns from the left input table (\`${table}\`). ` +
      `Missing ${what}: ${missing.map((m) => `\`${m.name}\``).join(', ')}.`);
  }
  return cols;
}

/**
 * Position of the value column that becomes the key (-1 for the synthetic key); throws
 * ksqlDB's error when the projection has none.
 */
function chooseKey(join: JoinStep, positions: number[], sink: string): number {
  const prefix = 'Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n';
  if (join.key.synthetic) {
    if (positions.includes(0)) return -1;
    const k = join.schema.key[0].name;
    throw new SqlError('INVALID_STATEMENT', `${prefix}The query used to build \`${sink}\` must include the join expression ${k} in its projection (eg, SELECT ${k}...).\n` +
      `${k} was added as a synthetic key column because the join criteria did not match any source column. This expression must be included in the projection and may be aliased.`);
  }
  const viable = positionsOf(join, join.key.viable);
  const found = viable.find((p) => positions.includes(p));
  if (found !== undefined) return found;
  if (positions.includes(0)) return viable[0];
  const names = join.key.viable.map((v) => `${v.qualifier}.${v.name}`);
  throw new SqlError('INVALID_STATEMENT', `${prefix}The query used to build \`${sink}\` must include the join expression${names.length > 1 ? 's' : ''} ` +
    `${grammaticalList(names, 'or')} in its projection (eg, SELECT ${names[0]}...).`);
}

/** Expands stars and names every item as ksqlDB does in a join. */
function expandJoinSelect(select: SelectItem[], join: JoinStep, scope: ExprScope, ctx: PlanContext): NamedItem[] {
  const quals = join.qualifiers!;
  const k = join.schema.key.length;
  const ref = (pos: number, span: Expr['span']): Expr => ({ kind: 'ColumnRef', qualifier: quals[pos].qualifier, name: quals[pos].name, span });
  const owners = new Map<string, Set<string>>();
  for (const q of quals.slice(k)) {
    const set = owners.get(q.name) ?? new Set<string>();
    set.add(q.qualifier!);
    owners.set(q.name, set);
  }
  const clashes = (name: string): boolean => (owners.get(name)?.size ?? 0) > 1;

  const out: { name?: string; expr: Expr; aliased: boolean; span: Expr['span'] }[] = [];
  for (const item of expandStructStars(select, scope, ctx.registry)) {
    if (item.kind === 'AllColumns') {
      if (!item.qualifier && join.key.synthetic) {
        out.push({ name: join.schema.key[0].name, expr: { kind: 'ColumnRef', name: quals[0].name, span: item.span }, aliased: false, span: item.span });
      }
      const cols = join.star.filter((p) => !item.qualifier || quals[p].qualifier === item.qualifier);
      if (item.qualifier && cols.length === 0) {
        throw new SqlError('UNKNOWN_SOURCE', `'${item.qualifier}' is not a valid stream/table name or alias.`, { position: item.span });
      }
      for (const p of cols) out.push({ name: join.schema.value[p - k].name, expr: ref(p, item.span), aliased: false, span: item.span });
      continue;
    }
    const e = item.expr;
    let name = item.alias;
    if (name === undefined && e.kind === 'ColumnRef' && e.qualifier !== undefined && clashes(e.name)) name = `${e.qualifier}_${e.name}`;
    out.push({ name: name ?? implicitColumnName(e), expr: e, aliased: item.alias !== undefined, span: item.span });
  }
  const taken = new Set<string>([...join.schema.key, ...join.schema.value].map((c) => c.name));
  for (const o of out) if (o.name) taken.add(o.name);
  let n = 0;
  return out.map((o) => {
    if (o.name !== undefined) return o as NamedItem;
    let name: string;
    do { name = `KSQL_COL_${n++}`; } while (taken.has(name));
    taken.add(name);
    return { ...o, name };
  });
}
