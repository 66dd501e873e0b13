// Building the text-format results the catalog answers with.
import type { CatalogAnswer, TextResult } from './postgres-query.js';

/** Type oids of the columns catalog answers use (pg_type.oid in Postgres 15). */
export const T = {
  bool: 16, char: 18, name: 19, int8: 20, int2: 21, int4: 23, text: 25, oid: 26,
  nameArray: 1003, timestamptz: 1184, regclass: 2205,
} as const;

/** A result column: its name and type oid. */
export type Col = [name: string, oid: number];

export type Cell = string | number | boolean | null;

/** Postgres text format of a cell: booleans as t/f, numbers as written. */
function cellText(v: Cell): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

export function rowsAnswer(columns: readonly Col[], rows: readonly (readonly Cell[])[], tag?: string): CatalogAnswer {
  const result: TextResult = {
    columns: columns.map(([name, oid]) => ({ name, oid })),
    rows: rows.map((r) => r.map(cellText)),
    tag: tag ?? `SELECT ${rows.length}`,
  };
  return { kind: 'rows', result };
}

export function unsupported(message: string): CatalogAnswer {
  return { kind: 'error', code: '0A000', message };
}
