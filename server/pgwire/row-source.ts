// The rows of a result, finite (pull queries, SHOW, catalog answers) or not (push queries),
// read one at a time with an optional deadline and a stop signal (cancel, disconnect). A wait
// that times out keeps its pending read for the next call, so no row is lost between FETCHes.
import type { PushRows } from '../../src/engine/statement-result.js';

export const TIMEOUT = Symbol('timeout');

export class RowSource {
  private at = 0;
  private iterator: AsyncIterator<unknown[]> | undefined;
  private pending: Promise<IteratorResult<unknown[]>> | undefined;
  private ended = false;

  constructor(private readonly rows: readonly unknown[][] | PushRows) {}

  /** True for a push query: its rows keep coming, and it runs until it ends or is closed. */
  get live(): boolean { return !Array.isArray(this.rows); }

  /** The next row; undefined at the end; TIMEOUT at `deadline` (ms since epoch); rejects when `stop` does. */
  async next(stop: Promise<never>, deadline?: number): Promise<unknown[] | undefined | typeof TIMEOUT> {
    if (this.ended) return undefined;
    if (Array.isArray(this.rows)) {
      if (this.at < this.rows.length) return this.rows[this.at++];
      this.ended = true;
      return undefined;
    }
    this.iterator ??= (this.rows as PushRows)[Symbol.asyncIterator]();
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const waits: Promise<IteratorResult<unknown[]> | typeof TIMEOUT>[] = [this.pending, stop];
    if (deadline !== undefined) waits.push(new Promise((r) => { timer = setTimeout(() => r(TIMEOUT), Math.max(0, deadline - Date.now())); }));
    try {
      const r = await Promise.race(waits);
      if (r === TIMEOUT) return TIMEOUT;
      this.pending = undefined;
      if (r.done) { this.ended = true; return undefined; }
      return r.value;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Rows that can be read now without waiting (a hint for when to flush the socket). */
  ready(): number {
    if (this.ended) return 0;
    if (Array.isArray(this.rows)) return this.rows.length - this.at;
    return (this.rows as PushRows).buffered?.() ?? 0;
  }

  /** Ends a push query (idempotent); nothing for finite rows. */
  async close(): Promise<void> {
    this.ended = true;
    if (!Array.isArray(this.rows)) await (this.rows as PushRows).cancel().catch(() => undefined);
  }
}
