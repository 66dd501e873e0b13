// Rows as CSV (RFC 4180): a header line of column names, then one line per row; fields with a
// comma, quote or line break are quoted, and NULL is an empty field.
import { cellText } from './render-value.js';
import type { SqlType } from '../../src/types/sql-type.js';

type Columns = readonly { name: string; type?: SqlType }[];

function field(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvHeader(columns: Columns): string {
  return columns.map((c) => field(c.name)).join(',');
}

export function csvLine(columns: Columns, row: readonly unknown[]): string {
  return columns.map((c, i) => (row[i] === null || row[i] === undefined ? '' : field(cellText(row[i], c.type)))).join(',');
}
