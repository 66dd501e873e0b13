// psql's expanded display (\x): one block per row, a line per column, for rows too wide for a table.
import { cellText } from './render-value.js';
import type { SqlType } from '../../src/types/sql-type.js';

export function renderVerticalRow(columns: readonly { name: string; type?: SqlType }[], row: readonly unknown[], n: number): string {
  const w = Math.max(...columns.map((c) => c.name.length));
  const title = `-[ RECORD ${n} ]`;
  const body = columns.map((c, i) => `${c.name.padEnd(w)} | ${cellText(row[i], c.type).replace(/\n/g, '\\n')}`);
  const width = Math.max(title.length, ...body.map((l) => l.length));
  return [title + '-'.repeat(width - title.length), ...body].join('\n');
}
