// The final projection of a join query, with ksqlDB's naming and key rules for joins:
// - `*` gives every source column as ALIAS_NAME (plus a synthetic key first); `S.*` one source's;
// - an unaliased `S.NAME` is named S_NAME when another source also has a NAME column, else NAME;
// - a persistent query must select the join key once: the synthetic column, or one of the viable
//   key columns (the first one ksqlDB lists that the projection contains becomes the key).
import type { ColumnRef, Expr, SelectItem } from '../../grammar/ast.js';
import type { JoinStep, ProjectItem, ProjectStep, Step } from './physical-plan.js';
import type { PlanContext, PlanMode } from './plan-context.js';
import type { NamedItem } from './select-items.js';
import { stepScope } from './step-scope.js';
import { analyzeExpression } from './expr/analyze.js';
import { implicitColumnName } from './expr/column-name.js';
import { checkDuplicateNames, checkReservedNames } from './select-items.js';
import { projectStep } from './plan-helpers.js';
import { grammaticalList } from './plan-join-format.js';
import { SqlError } from '../types/sql-error.js';

/** The join a projection reads, through any WHERE filter. */
export function joinUnder(step: Step): JoinStep | undefined {
  let s = step;
  while (s.kind === 'filter') s = s.input;
  return s.kind === 'join' ? s : undefined;
}

export function planJoinProjection(input: Step, join: JoinStep, select: SelectItem[], ctx: PlanContext, mode: PlanMode): ProjectStep {
  const items = expandJoinSelect(select, join);
  const scope = stepScope(input);
  const positions = items.map((it) => {
    const t = analyzeExpression(it.expr, scope, ctx.registry);
    if (t.type.kind === 'NULL') {
      throw new SqlError('TYPE_ERROR', `Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).`, { position: it.span });
    }
    return t.kind === 'Column' ? t.index : -1;
  });
  const toItem = (it: NamedItem): ProjectItem => ({ name: it.name, expr: it.expr });
  if (mode.sinkName === undefined) {
    checkDuplicateNames(items);
    return projectStep(input, [], items.map(toItem), ctx, false);
  }
  checkReservedNames(items);

  const keyPos = chooseKey(join, positions, mode.sinkName);
  const keyIdx = items.map((_, i) => i).filter((i) => positions[i] === keyPos || positions[i] === 0);
  if (keyIdx.length > 1) {
    const names = keyIdx.map((i) => items[i].name).sort();
    throw new SqlError('INVALID_STATEMENT',
      `The projection contains a key column (\`${join.schema.value[keyPos - 1]?.name ?? join.schema.key[0].name}\`) more than once, aliased as: ${grammaticalList(names, 'and')}.`,
      { position: items[keyIdx[1]].span });
  }
  const keyItem = items[keyIdx[0]];
  // The key reads the join key itself: an outer join's column for it may be NULL, the key not.
  const keyRef: ColumnRef = { kind: 'ColumnRef', name: join.qualifiers![0].name, span: keyItem.span };
  const values = items.filter((it) => it !== keyItem);
  if (values.length === 0) throw new SqlError('INVALID_STATEMENT', 'The projection contains no value columns.');
  checkDuplicateNames(items);
  return projectStep(input, [{ name: keyItem.name, expr: keyRef }], values.map(toItem), ctx, false);
}

/** Position of the column that becomes the key; throws ksqlDB's error when none is projected. */
function chooseKey(join: JoinStep, positions: number[], sink: string): number {
  const prefix = 'Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n';
  if (join.key.synthetic) {
    if (positions.includes(0)) return 0;
    const k = join.schema.key[0].name;
    throw new SqlError('INVALID_STATEMENT', `${prefix}The query used to build \`${sink}\` must include the join expression ${k} in its projection (eg, SELECT ${k}...).\n` +
      `${k} was added as a synthetic key column because the join criteria did not match any source column. This expression must be included in the projection and may be aliased.`);
  }
  const viable = join.key.viable.map((v) => 1 + join.qualifiers!.slice(1).findIndex((q) => q.qualifier === v.qualifier && q.name === v.name));
  const found = viable.find((p) => positions.includes(p));
  if (found !== undefined) return found;
  if (positions.includes(0)) return 0;
  const names = join.key.viable.map((v) => `${v.qualifier}.${v.name}`);
  throw new SqlError('INVALID_STATEMENT', `${prefix}The query used to build \`${sink}\` must include the join expression${names.length > 1 ? 's' : ''} ` +
    `${grammaticalList(names, 'or')} in its projection (eg, SELECT ${names[0]}...).`);
}

/** Expands stars and names every item as ksqlDB does in a join. */
function expandJoinSelect(select: SelectItem[], join: JoinStep): NamedItem[] {
  const quals = join.qualifiers!;
  const ref = (pos: number, span: Expr['span']): Expr => ({ kind: 'ColumnRef', qualifier: quals[pos].qualifier, name: quals[pos].name, span });
  const owners = new Map<string, Set<string>>();
  for (const q of quals.slice(1)) {
    const set = owners.get(q.name) ?? new Set<string>();
    set.add(q.qualifier!);
    owners.set(q.name, set);
  }
  const clashes = (name: string): boolean => (owners.get(name)?.size ?? 0) > 1;

  const out: { name?: string; expr: Expr; aliased: boolean; span: Expr['span'] }[] = [];
  for (const item of select) {
    if (item.kind === 'AllColumns') {
      if (item.structBase) throw new SqlError('UNSUPPORTED', 'base->* is not supported in joins yet.', { position: item.span });
      if (!item.qualifier && join.key.synthetic) {
        out.push({ name: join.schema.key[0].name, expr: { kind: 'ColumnRef', name: quals[0].name, span: item.span }, aliased: false, span: item.span });
      }
      const cols = join.star.filter((p) => !item.qualifier || quals[p].qualifier === item.qualifier);
      if (item.qualifier && cols.length === 0) {
        throw new SqlError('UNKNOWN_SOURCE', `'${item.qualifier}' is not a valid stream/table name or alias.`, { position: item.span });
      }
      for (const p of cols) out.push({ name: join.schema.value[p - 1].name, expr: ref(p, item.span), aliased: false, span: item.span });
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
