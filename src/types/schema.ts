// Logical schemas: key columns, value columns, and the pseudo-columns every row carries.
import type { SqlType } from './sql-type.js';
import { BIGINT, INTEGER, formatType } from './sql-type.js';

export type ColumnNamespace = 'KEY' | 'VALUE' | 'HEADERS';

export interface Column {
  name: string;
  type: SqlType;
  namespace: ColumnNamespace;
  /** For HEADER('k') columns: the header key; undefined for HEADERS (all headers). */
  headerKey?: string;
}

/** A column filled from the record's headers (HEADERS or HEADER('k')), not from its value's bytes. */
export function isHeaderColumn(c: Column): boolean { return c.namespace === 'HEADERS'; }

/** The columns a value format serializes: all but the header columns. */
export function payloadColumns(cols: Column[]): Column[] {
  return cols.some(isHeaderColumn) ? cols.filter((c) => !isHeaderColumn(c)) : cols;
}

export interface LogicalSchema {
  key: Column[];
  value: Column[];
}

export const PSEUDO_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'ROWTIME', type: BIGINT },
  { name: 'ROWPARTITION', type: INTEGER },
  { name: 'ROWOFFSET', type: BIGINT },
];
export const WINDOW_BOUND_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'WINDOWSTART', type: BIGINT },
  { name: 'WINDOWEND', type: BIGINT },
];

/** Quote a column name the way ksqlDB prints it in schemas. */
export function quoteName(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/** ksqlDB's schema text: "`ID` BIGINT KEY, `NAME` STRING". */
export function formatSchema(s: LogicalSchema): string {
  const keys = s.key.map((c) => `${quoteName(c.name)} ${formatType(c.type)} KEY`);
  const values = s.value.map((c) =>
    c.namespace === 'HEADERS'
      ? `${quoteName(c.name)} ${formatType(c.type)} ${c.headerKey !== undefined ? `HEADER('${c.headerKey}')` : 'HEADERS'}`
      : `${quoteName(c.name)} ${formatType(c.type)}`);
  return [...keys, ...values].join(', ');
}
