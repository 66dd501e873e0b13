// Expands SELECT items (stars) and names every output column the way ksqlDB does: aliases,
// implicit names of column refs and struct fields, and KSQL_COL_n for the rest.
import type { Expr, SelectItem } from '../../grammar/ast.js';
import type { Span } from '../types/sql-error.js';
import type { ExprScope } from './expr/scope.js';
import { implicitColumnName } from './expr/column-name.js';
import { SqlError } from '../types/sql-error.js';
import { PSEUDO_NAMES } from './step-scope.js';

export interface NamedItem { name: string; expr: Expr; aliased: boolean; span: Span }

/** Columns a star expands to: key and value columns (not pseudo-columns), optionally of one source. */
export function expandSelect(items: SelectItem[], scope: ExprScope, starColumns: number): NamedItem[] {
  const out: { name?: string; expr: Expr; aliased: boolean; span: Span }[] = [];
  // Per base name, the highest suffix the source's columns use (NAME: 0, NAME_2: 2).
  const used = new Map<string, number>();
  const use = (name: string): void => {
    const m = /^(.*)_(\d+)$/.exec(name);
    const [base, n] = m ? [m[1], Number(m[2])] : [name, 0];
    if (n > (used.get(base) ?? -1)) used.set(base, n);
  };
  for (const c of scope.columns) use(c.name);
  const fieldAlias = (field: string): string => {
    const n = (used.get(field) ?? -1) + 1;
    used.set(field, n);
    return n === 0 ? field : `${field}_${n}`;
  };
  for (const item of items) {
    if (item.kind === 'AllColumns') {
      const cols = scope.columns.slice(0, starColumns).filter((c) => !item.qualifier || c.qualifier === item.qualifier);
      if (item.qualifier && cols.length === 0) {
        throw new SqlError('UNKNOWN_SOURCE', `'${item.qualifier}' is not a valid stream/table name or alias.`, { position: item.span });
      }
      for (const c of cols) {
        out.push({
          name: c.name,
          expr: { kind: 'ColumnRef', qualifier: c.qualifier, name: c.name, span: item.span },
          aliased: false, span: item.span,
        });
      }
    } else {
      // An unaliased struct field is named after the field, made unique against the source's
      // columns and the fields named before it: B, then B_1, B_2 (ksqlDB's column alias generator).
      const name = item.alias ?? (item.expr.kind === 'Dereference' ? fieldAlias(item.expr.field) : implicitColumnName(item.expr));
      out.push({ name, expr: item.expr, aliased: item.alias !== undefined, span: item.span });
    }
  }
  // KSQL_COL_n for unnamed items, skipping names already taken.
  const taken = new Set<string>(scope.columns.map((c) => c.name));
  for (const o of out) if (o.name) taken.add(o.name);
  let n = 0;
  const named = out.map((o) => {
    if (o.name !== undefined) return o as NamedItem;
    let name: string;
    do { name = `KSQL_COL_${n++}`; } while (taken.has(name));
    taken.add(name);
    return { ...o, name } as NamedItem;
  });
  return named;
}

/** Persistent queries may not write pseudo-column names (`columns`: the input's real columns). */
export function checkReservedNames(items: NamedItem[], columns: readonly { name: string }[] = []): void {
  for (const it of items) {
    // A real column with such a name (the key of PARTITION BY ROWTIME) may be selected as it is.
    const real = !it.aliased && it.expr.kind === 'ColumnRef' && columns.some((c) => c.name === it.name);
    if (PSEUDO_NAMES.has(it.name) && !real) {
      if (it.aliased) {
        throw new SqlError('INVALID_STATEMENT',
          `\`${it.name}\` is a reserved column name. You cannot use it as an alias for a column.`, { position: it.span });
      }
      throw new SqlError('INVALID_STATEMENT',
        `Reserved column name in select: \`${it.name}\`. Please remove or alias the column.`, { position: it.span });
    }
  }
}

export function checkDuplicateNames(items: NamedItem[]): void {
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.name)) {
      throw new SqlError('INVALID_STATEMENT', `Duplicate value column name: \`${it.name}\`.`, { position: it.span });
    }
    seen.add(it.name);
  }
}
