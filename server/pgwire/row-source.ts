// The rows of a result, finite (pull queries, SHOW, catalog answers) or not (push queries),
// read one at a time with an optional deadline and a stop signal (cancel, disconnect). A wait
// that times out keeps its pending read for the next call, so no row is lost between FETCHes.
import type { PushRows } from '../../src/engine/statement-result.js';

export const TIMEOUT = Symbol('timeout');
const STOPPED = Symbol('stopped');
/** Push rows taken at once at most. */
const READY_ROWS = 256;
const NO_ROW: unknown[] = [];

export class RowSource {
  private at = 0;
  private iterator: AsyncIterator<unknown[]> | undefined;
  private pending: Promise<IteratorResult<unknown[]>> | undefined;
  private ended = false;
  /** The stop signal watched, what it failed with, and how to wake the read waiting on it. */
  private watched: Promise<never> | undefined;
  private stopped: unknown;
  private wake: (() => void) | undefined;
  /** Push rows taken at once (PushRows.takeReady), read from `taken` on. */
  private readyRows: unknown[][] = [];
  private taken = 0;

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
    // `stop` lives as long as the statement: one handler on it per statement, not per row (a
    // handler per row would keep every row it raced against alive until the statement ends).
    if (this.watched !== stop) {
      this.watched = stop;
      this.stopped = undefined;
      stop.catch((e: unknown) => { if (this.watched === stop) { this.stopped = e; this.wake?.(); } });
    }
    if (this.stopped !== undefined) throw this.stopped;
    const rows = this.rows as PushRows;
    if (this.taken < this.readyRows.length) return this.takenRow();
    this.iterator ??= rows[Symbol.asyncIterator]();
    let r: IteratorResult<unknown[]> | typeof TIMEOUT | typeof STOPPED;
    if (this.pending === undefined && rows.takeReady !== undefined) {
      // The rows waiting now, taken at once: the next calls read them without the iterator.
      this.readyRows = rows.takeReady(READY_ROWS);
      this.taken = 0;
      if (this.readyRows.length > 0) return this.takenRow();
    }
    if (this.pending === undefined && (rows.buffered?.() ?? 0) > 0) {
      r = await this.iterator.next(); // a row is waiting: no race, no timer
    } else {
      const pending = (this.pending ??= this.iterator.next());
      let timer: NodeJS.Timeout | undefined;
      r = await new Promise<IteratorResult<unknown[]> | typeof TIMEOUT | typeof STOPPED>((resolve, reject) => {
        this.wake = () => resolve(STOPPED);
        if (deadline !== undefined) timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, deadline - Date.now()));
        pending.then(resolve, reject);
      }).finally(() => { this.wake = undefined; if (timer) clearTimeout(timer); });
      if (r === TIMEOUT) return TIMEOUT; // the read stays pending for the next call
      if (r === STOPPED) throw this.stopped;
      this.pending = undefined;
    }
    if (r.done) { this.ended = true; return undefined; }
    return r.value;
  }

  /** The next of the rows taken at once (the slot let go: the row is the caller's now). */
  private takenRow(): unknown[] {
    const row = this.readyRows[this.taken];
    this.readyRows[this.taken++] = NO_ROW;
    return row;
  }

  /** Rows that can be read now without waiting (a hint for when to flush the socket). */
  ready(): number {
    if (this.ended) return 0;
    if (Array.isArray(this.rows)) return this.rows.length - this.at;
    return this.readyRows.length - this.taken + ((this.rows as PushRows).buffered?.() ?? 0);
  }

  /** Ends a push query (idempotent); nothing for finite rows. */
  async close(): Promise<void> {
    this.ended = true;
    if (!Array.isArray(this.rows)) await (this.rows as PushRows).cancel().catch(() => undefined);
  }
}
