// ksqlDB-CLI-style boxed tables.
import { cellText } from './render-value.js';
import type { SqlType } from '../../src/types/sql-type.js';

export function renderTable(columns: readonly { name: string; type?: SqlType }[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => columns.map((c, i) => cellText(r[i], c.type).replace(/\n/g, '\\n')));
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => r[i].length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const fmt = (vals: string[]): string => '|' + vals.map((v, i) => ` ${v.padEnd(widths[i])} `).join('|') + '|';
  return [line, fmt(columns.map((c) => c.name)), line, ...cells.map(fmt), line].join('\n');
}
