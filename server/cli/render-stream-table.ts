// A push query's rows as they arrive, in a table whose widths are fixed before the first row (as
// the ksqlDB CLI does): every column gets an equal share of the terminal, at least its name's
// width; a longer value wraps inside its cell, so every row lines up with the header. The closing
// border comes when the query ends.
import { cellText } from './render-value.js';
import type { SqlType } from '../../src/types/sql-type.js';

export class StreamTable {
  private readonly widths: number[];
  private readonly border: string;

  constructor(private readonly columns: readonly { name: string; type?: SqlType }[], terminalWidth = 80) {
    const share = Math.floor((terminalWidth - 1) / Math.max(1, columns.length)) - 3;
    this.widths = columns.map((c) => Math.max(c.name.length, share, 1));
    this.border = '+' + this.widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  }

  header(): string {
    return [this.border, this.line(this.columns.map((c) => c.name)), this.border].join('\n');
  }

  row(row: readonly unknown[]): string {
    const cells = this.columns.map((c, i) => cellText(row[i], c.type).replace(/\n/g, '\\n'));
    const height = Math.max(1, ...cells.map((s, i) => Math.ceil(s.length / this.widths[i])));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) lines.push(this.line(cells.map((s, i) => s.slice(k * this.widths[i], (k + 1) * this.widths[i]))));
    return lines.join('\n');
  }

  footer(): string { return this.border; }

  private line(values: string[]): string {
    return '|' + values.map((v, i) => ` ${v.padEnd(this.widths[i])} `).join('|') + '|';
  }
}
