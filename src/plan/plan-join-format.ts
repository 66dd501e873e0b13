// Expression text as ksqlDB's join error messages print it: comparisons and logical operators
// wrapped in parentheses, "((L.A = R.A) AND (L.A = R.A))".
import type { Expr } from '../../grammar/ast.js';
import { formatExpression } from '../../grammar/index.js';

export function ksqlText(e: Expr): string {
  if (e.kind === 'Comparison' || e.kind === 'Logical') return `(${ksqlText(e.left)} ${e.op} ${ksqlText(e.right)})`;
  return formatExpression(e);
}

/** "a", "a or b", "a, b or c" (ksqlDB's GrammaticalJoiner). */
export function grammaticalList(items: string[], last: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
