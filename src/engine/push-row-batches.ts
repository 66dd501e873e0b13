// A push query's rows in batches: every row that waits is taken at once (PushRows.takeReady),
// and only an empty queue costs an await. A consumer behind a fast query (an export, a client
// reading a backlog) then pays no promise per row; one keeping up gets batches of one.
import type { PushRows } from './statement-result.js';

/** Rows taken at most per batch. */
const BATCH_ROWS = 1024;

export async function* pushRowBatches(rows: PushRows): AsyncGenerator<unknown[][]> {
  const it = rows[Symbol.asyncIterator]();
  for (;;) {
    const ready = rows.takeReady?.(BATCH_ROWS);
    if (ready !== undefined && ready.length > 0) { yield ready; continue; }
    const r = await it.next();
    if (r.done) return;
    yield [r.value];
  }
}
