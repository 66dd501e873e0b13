// The catalog queries psql builds from parts (\d, \dt, \dv, \d NAME's lookup, \df): a select
// list, a FROM clause, AND-ed conditions and ORDER BY column numbers, the parts varying with
// the command and its options. Each part is recognised by its text; one unknown part and the
// query is not answered here (an error, never a guessed shape).
import type { CatalogAnswer, CatalogContext } from './postgres-query.js';
import { splitOutside } from './sql-text.js';
import { namePattern } from './name-pattern.js';
import { rowsAnswer, type Cell, type Col } from './text-result.js';

export interface ScanColumn<R> { name: string; oid: number; value(r: R, ctx: CatalogContext): Cell }

/** A virtual catalog table: the FROM clauses that read it and what its columns and conditions mean. */
export interface CatalogScan<R> {
  from: readonly string[];
  rows(ctx: CatalogContext): R[];
  /** Select-list items by their text (`c.relname as "Name"`). */
  columns: Readonly<Record<string, ScanColumn<R>>>;
  /** Conditions that hold for every row Eddy has (visibility, not a system schema). */
  alwaysTrue: readonly string[];
  /** What a psql name pattern on a column (`c.relname`, `n.nspname`) tests. */
  patternColumns: Readonly<Record<string, (r: R) => string>>;
  /** Any other condition this table understands. */
  condition?(cond: string): ((r: R) => boolean) | undefined;
}

const SHAPE = /^SELECT (.+?) FROM (.+?)(?: WHERE (.+?))? ORDER BY (\d+(?: ?, ?\d+)*)$/;

/** The answer to `normalized` if it is a query over `scan`. */
export function answerScan<R>(scan: CatalogScan<R>, normalized: string, ctx: CatalogContext): CatalogAnswer | undefined {
  const m = SHAPE.exec(normalized);
  if (!m || !scan.from.includes(m[2])) return undefined;
  const columns: ScanColumn<R>[] = [];
  for (const item of splitOutside(m[1], ',')) {
    const c = scan.columns[item.trim()];
    if (!c) return undefined;
    columns.push(c);
  }
  const tests: ((r: R) => boolean)[] = [];
  for (const part of m[3] === undefined ? [] : splitOutside(m[3], ' AND ')) {
    const cond = part.trim();
    if (scan.alwaysTrue.includes(cond)) continue;
    const test = patternTest(scan, cond) ?? scan.condition?.(cond);
    if (!test) return undefined;
    tests.push(test);
  }
  const order = m[4].split(',').map((n) => Number(n.trim()) - 1);
  if (order.some((i) => i < 0 || i >= columns.length)) return undefined;
  const rows = scan.rows(ctx).filter((r) => tests.every((t) => t(r))).map((r) => columns.map((c) => c.value(r, ctx)));
  rows.sort((a, b) => {
    for (const i of order) {
      const x = String(a[i] ?? ''), y = String(b[i] ?? '');
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const cols: Col[] = columns.map((c) => [c.name, c.oid]);
  return rowsAnswer(cols, rows);
}

function patternTest<R>(scan: CatalogScan<R>, cond: string): ((r: R) => boolean) | undefined {
  const p = namePattern(cond);
  const column = p && scan.patternColumns[p.column];
  if (!p || !column) return undefined;
  return (r) => p.re.test(column(r));
}

/** `c.relkind IN ('r','p','')`'s kinds. */
export function inList(cond: string, column: string): string[] | undefined {
  const prefix = `${column} IN (`;
  if (!cond.startsWith(prefix) || !cond.endsWith(')')) return undefined;
  const items = cond.slice(prefix.length, -1).split(',').map((s) => s.trim());
  if (!items.every((s) => /^'[^']*'$/.test(s))) return undefined;
  return items.map((s) => s.slice(1, -1));
}
