// Writes one statement's result for the CLI: tables or JSON lines for rows, messages to the
// right stream.
import type { StatementResult } from '../../src/engine/statement-result.js';
import { renderTable } from './render-table.js';
import { rowToJsonLine } from './render-value.js';

export type OutputMode = 'table' | 'jsonl';

export interface Out { stdout: (s: string) => void; stderr: (s: string) => void }

/** Prints a result; for push queries, consumes rows until the query ends. Returns rows printed. */
export async function printResult(r: StatementResult, mode: OutputMode, out: Out): Promise<number> {
  const msg = mode === 'jsonl' ? out.stderr : out.stdout;
  switch (r.kind) {
    case 'message':
      if (r.message) msg(r.message);
      return 0;
    case 'rows':
      if (mode === 'jsonl') for (const row of r.rows) out.stdout(rowToJsonLine(r.columns, row));
      else out.stdout(renderTable(r.columns, r.rows));
      return r.rows.length;
    case 'stream': {
      let n = 0;
      const rows: unknown[][] = [];
      for await (const row of r.rows) {
        n++;
        if (mode === 'jsonl') out.stdout(rowToJsonLine(r.columns, row));
        else rows.push(row);
      }
      if (mode === 'table') out.stdout(renderTable(r.columns, rows));
      msg(`Limit reached: ${n} row${n === 1 ? '' : 's'}.`);
      return n;
    }
  }
}
