// The ON clause of one JOIN: a single equality whose sides each reference exactly one source, one
// of them the source being joined in. Sides come back with their column references qualified
// (`ID` → `T.ID`), left being the side of the sources joined so far.
import type { ColumnRef, Expr } from '../../grammar/ast.js';
import type { SourceStep } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import type { JoinClause } from './plan-join-sources.js';
import type { ExprScope, ScopeColumn } from './expr/scope.js';
import type { SqlType } from '../types/sql-type.js';
import { stepScope } from './step-scope.js';
import { analyzeExpression } from './expr/analyze.js';
import { mapExpr, visitExpr } from './expr-walk.js';
import { ksqlText } from './plan-join-format.js';
import { SqlError } from '../types/sql-error.js';

export interface JoinCriteria {
  left: Expr;
  right: Expr;
  leftSource: SourceStep;
  rightSource: SourceStep;
  leftType: SqlType;
  rightType: SqlType;
  /** The condition names the new source first: messages print it as written. */
  flipped: boolean;
}

const fail = (message: string, e: Expr): SqlError => new SqlError('INVALID_STATEMENT', message, { position: e.span });

export function joinCriteria(clause: JoinClause, leaves: SourceStep[], ctx: PlanContext): JoinCriteria {
  const on = clause.on;
  if (on.kind !== 'Comparison') {
    const isEq = (e: Expr): boolean => e.kind === 'Comparison' && e.op === '=';
    if (on.kind === 'Logical' && isEq(on.left) && isEq(on.right)) {
      throw fail(`Invalid join condition: joins on multiple conditions are not yet supported. Got ${ksqlText(on)}.`, on);
    }
    throw fail(`Unsupported join expression: ${ksqlText(on)}`, on);
  }
  if (on.op !== '=') throw fail('Only equality join criteria is supported.', on);

  const visible = leaves.slice(0, clause.right + 1);
  const { scope, owner } = combinedScope(visible);
  const side = (e: Expr): { expr: Expr; source: SourceStep; type: SqlType } => {
    visitExpr(e, (x) => {
      if (x.kind === 'ColumnRef' && x.qualifier !== undefined && !visible.some((l) => l.alias === x.qualifier)) {
        throw new SqlError('UNKNOWN_SOURCE', `'${x.qualifier}' is not a valid stream/table name or alias.`, { position: x.span });
      }
    });
    const type = analyzeExpression(e, scope, ctx.registry, { clause: 'JOIN ON' }).type;
    const used = new Set<SourceStep>();
    const qualified = mapExpr(e, (x) => {
      if (x.kind !== 'ColumnRef') return undefined;
      const src = sourceOf(x, scope, owner);
      if (!src) return x; // a lambda parameter
      used.add(src);
      return { ...x, qualifier: src.alias };
    });
    if (used.size !== 1) {
      throw fail(`Invalid comparison expression '${ksqlText(qualified)}' in join '${ksqlText({ ...on, left: qualifyAll(on.left, scope, owner), right: qualifyAll(on.right, scope, owner) })}'. ` +
        'Each side of the join comparision must contain references from exactly one source.', e);
    }
    return { expr: qualified, source: [...used][0], type };
  };
  const a = side(on.left);
  const b = side(on.right);
  const newSource = leaves[clause.right];
  if (a.source === b.source) {
    throw fail(`Each side of the join must reference exactly one source and not the same source. Left side references \`${a.source.alias}\` and right references \`${b.source.alias}\``, on);
  }
  if (a.source !== newSource && b.source !== newSource) {
    throw fail(`A join criteria is expected to reference the source (\`${newSource.alias}\`) in the FROM clause, instead the right source references \`${b.source.alias}\` and the left source references \`${a.source.alias}\``, on);
  }
  checkWindowing(a.source, b.source, on);
  const flipped = a.source === newSource;
  const [l, r] = flipped ? [b, a] : [a, b];
  return { left: l.expr, right: r.expr, leftSource: l.source, rightSource: r.source, leftType: l.type, rightType: r.type, flipped };
}

/** All visible sources' columns (and pseudo-columns) in one scope, with distinct positions. */
function combinedScope(leaves: SourceStep[]): { scope: ExprScope; owner: Map<number, SourceStep> } {
  const columns: ScopeColumn[] = [];
  const owner = new Map<number, SourceStep>();
  let base = 0;
  for (const leaf of leaves) {
    const cols = stepScope(leaf).columns;
    let width = 0;
    for (const c of cols) {
      columns.push({ ...c, index: base + c.index });
      owner.set(base + c.index, leaf);
      width = Math.max(width, c.index + 1);
    }
    base += width;
  }
  return { scope: { columns }, owner };
}

function sourceOf(ref: ColumnRef, scope: ExprScope, owner: Map<number, SourceStep>): SourceStep | undefined {
  const c = scope.columns.find((x) => x.name === ref.name && (ref.qualifier === undefined || x.qualifier === ref.qualifier));
  return c && owner.get(c.index);
}

function qualifyAll(e: Expr, scope: ExprScope, owner: Map<number, SourceStep>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'ColumnRef') return undefined;
    const src = sourceOf(x, scope, owner);
    return src ? { ...x, qualifier: src.alias } : x;
  });
}

/** ksqlDB joins windowed sources only to windowed sources of a compatible kind. */
function checkWindowing(a: SourceStep, b: SourceStep, on: Expr): void {
  if (!a.window && !b.window) return;
  const kind = (s: SourceStep): string => s.window ? s.window.type : 'not';
  if (!a.window || !b.window) {
    throw fail(`Can not join windowed source to non-windowed source.\n\`${a.alias}\` is ${kind(a)} windowed\n\`${b.alias}\` is ${kind(b)} windowed`, on);
  }
  const compatible = a.window.type === 'SESSION' ? b.window.type === 'SESSION' : b.window.type !== 'SESSION';
  if (!compatible) {
    throw fail('Incompatible windowed sources.\n' +
      `Left source: ${a.window.type}\nRight source: ${b.window.type}\n` +
      'Session windowed sources can only be joined to other session windowed sources, and may still not result in expected behaviour as session bounds must be an exact match for the join to work\n' +
      'Hopping and tumbling windowed sources can only be joined to other hopping and tumbling windowed sources', on);
  }
}
