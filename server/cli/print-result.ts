// Writes one statement's result for the CLI: tables, JSON lines or CSV for rows, messages to the
// right stream (stderr when stdout carries data: jsonl and csv).
import type { StatementResult } from '../../src/engine/statement-result.js';
import { renderTable } from './render-table.js';
import { rowToJsonLine } from './render-value.js';
import { csvHeader, csvLine } from './render-csv.js';
import { renderVerticalRow } from './render-vertical.js';
import { pushRowBatches } from '../../src/engine/push-row-batches.js';
import { watchForRows } from './latest-offset-hint.js';

export type OutputMode = 'table' | 'jsonl' | 'csv';
export const OUTPUT_MODES: readonly OutputMode[] = ['table', 'jsonl', 'csv'];

export interface Out { stdout: (s: string) => void; stderr: (s: string) => void }

export interface PrintOptions {
  /** Stop a push query after this long (its LIMIT may never be reached). */
  timeoutMs?: number;
  /** Tables as one block per row (psql's \x). */
  vertical?: boolean;
  /** Whether the user stopped the push query (Ctrl-C in the shell). */
  cancelled?: () => boolean;
  /** Said (on stderr, once) when a push query has given no row for `ms`. */
  idleHint?: { ms: number; text: string };
}

/** Prints a result; for push queries, consumes rows until the query ends. Returns rows printed. */
export async function printResult(r: StatementResult, mode: OutputMode, out: Out, opts: PrintOptions = {}): Promise<number> {
  const msg = mode === 'table' ? out.stdout : out.stderr;
  switch (r.kind) {
    case 'message':
      if (r.message) msg(r.message);
      return 0;
    case 'rows':
      if (mode === 'jsonl') for (const row of r.rows) out.stdout(rowToJsonLine(r.columns, row));
      else if (mode === 'csv') { out.stdout(csvHeader(r.columns)); for (const row of r.rows) out.stdout(csvLine(r.columns, row)); }
      else if (opts.vertical) r.rows.forEach((row, i) => out.stdout(renderVerticalRow(r.columns, row, i + 1)));
      else out.stdout(renderTable(r.columns, r.rows));
      return r.rows.length;
    case 'stream': {
      if (r.warning) msg(r.warning);
      let n = 0;
      let timedOut = false;
      const timer = opts.timeoutMs === undefined ? undefined
        : setTimeout(() => { timedOut = true; void r.rows.cancel(); }, opts.timeoutMs);
      const rows: unknown[][] = [];
      if (mode === 'csv') out.stdout(csvHeader(r.columns));
      const stopWatching = watchForRows(opts.idleHint, () => n, (t) => out.stderr(t));
      try {
        for await (const batch of pushRowBatches(r.rows)) {
          for (const row of batch) {
            n++;
            if (mode === 'jsonl') out.stdout(rowToJsonLine(r.columns, row));
            else if (mode === 'csv') out.stdout(csvLine(r.columns, row));
            else if (opts.vertical) out.stdout(renderVerticalRow(r.columns, row, n));
            else rows.push(row);
          }
        }
      } finally {
        clearTimeout(timer);
        stopWatching();
      }
      if (mode === 'table' && !opts.vertical) out.stdout(renderTable(r.columns, rows));
      const counted = `${n} row${n === 1 ? '' : 's'}`;
      msg(timedOut ? `Stopped after --timeout ${opts.timeoutMs} ms: ${counted}.`
        : opts.cancelled?.() ? `Query cancelled: ${counted}.` : `Limit reached: ${counted}.`);
      return n;
    }
  }
}
