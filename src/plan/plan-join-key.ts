// The key of a join's output, as ksqlDB's JoinTree decides it. Every non-outer join's key equals
// both of its join expressions and whatever earlier joins' keys those expressions equal (the
// equivalence set); the plain source columns among them are the "viable" keys a projection can
// use to include the key. A FULL OUTER join's key equals neither side, and a join whose
// expressions are no plain columns has no viable key: the key is then a synthetic ROWKEY column.
import type { ColumnRef, Expr, JoinType } from '../../grammar/ast.js';
import type { SourceStep } from './physical-plan.js';
import { exprSignature } from './expr-walk.js';

export interface JoinKeyState {
  /** Signatures (qualifiers kept) of the expressions the key equals. */
  equivalent: Set<string>;
  /** Viable key columns, qualified, in ksqlDB's order. */
  viable: ColumnRef[];
}

export const NO_KEY: JoinKeyState = { equivalent: new Set(), viable: [] };

const sig = (e: Expr): string => exprSignature(e, false);

export function nextJoinKey(left: JoinKeyState, joinType: JoinType, leftExpr: Expr, rightExpr: Expr): JoinKeyState {
  if (joinType === 'FULL') return NO_KEY;
  const keys = [sig(leftExpr), sig(rightExpr)];
  const equivalent = new Set(keys);
  if (keys.some((k) => left.equivalent.has(k))) for (const k of left.equivalent) equivalent.add(k);
  const viable: ColumnRef[] = [];
  const seen = new Set<string>();
  for (const e of [...left.viable, leftExpr, rightExpr]) {
    if (e.kind !== 'ColumnRef' || seen.has(sig(e)) || !equivalent.has(sig(e))) continue;
    seen.add(sig(e));
    viable.push(e);
  }
  return { equivalent, viable };
}

/** ROWKEY, or ROWKEY_n past the highest ROWKEY_n any source already has. */
export function syntheticKeyName(sources: SourceStep[]): string {
  let max = -1;
  for (const s of sources) {
    for (const c of [...s.schema.key, ...s.schema.value]) {
      const m = /^ROWKEY(?:_(\d+))?$/.exec(c.name);
      if (m) max = Math.max(max, m[1] === undefined ? 0 : Number(m[1]));
    }
  }
  return max < 0 ? 'ROWKEY' : `ROWKEY_${max + 1}`;
}
