// ksqlDB's "magic" timestamps (StatementRewriteForMagicPseudoTimestamp): in a WHERE clause, a
// string literal compared with ROWTIME, WINDOWSTART or WINDOWEND, or bounding one in BETWEEN, is
// a date-time ('2018', '2019-01-01T00:00:00+0445', UTC unless it says otherwise) and stands for
// its epoch milliseconds.
import type { Expr } from '../../grammar/ast.js';
import { mapExpr } from './expr-walk.js';
import { parseTimestamp } from '../values/sql-time.js';
import { SqlError } from '../types/sql-error.js';

const TIME_COLUMNS = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);

const isTimeColumn = (e: Expr): boolean => e.kind === 'ColumnRef' && TIME_COLUMNS.has(e.name);

function asMillis(e: Expr): Expr {
  if (e.kind !== 'StringLit') return e;
  let ms: number;
  try {
    ms = parseTimestamp(e.value);
  } catch (err) {
    throw new SqlError('TYPE_ERROR', (err as Error).message, { position: e.span });
  }
  return { kind: 'NumberLit', text: String(ms), span: e.span };
}

export function timestampLiteralsAsMillis(predicate: Expr): Expr {
  return mapExpr(predicate, (x) => {
    if (x.kind === 'Comparison' && (isTimeColumn(x.left) || isTimeColumn(x.right))) {
      return { ...x, left: isTimeColumn(x.right) ? asMillis(x.left) : x.left, right: isTimeColumn(x.left) ? asMillis(x.right) : x.right };
    }
    if (x.kind === 'Between' && isTimeColumn(x.value)) return { ...x, low: asMillis(x.low), high: asMillis(x.high) };
    return undefined;
  });
}
