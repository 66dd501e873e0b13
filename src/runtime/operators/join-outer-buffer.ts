// The records of an outer stream-stream join that have not joined yet (Kafka Streams' outer join
// store, with GRACE PERIOD). Kept in the store's order: time, then right side before left side,
// then key (as its bytes sort), then arrival.
import type { Row } from '../emit.js';
import type { JoinKey } from './join-rows.js';
import { compareKeyValues } from './join-key-order.js';

export interface Unjoined { ts: number; leftSide: boolean; key: JoinKey; row: Row }

function compare(a: Unjoined, b: Unjoined): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  if (a.leftSide !== b.leftSide) return a.leftSide ? 1 : -1;
  return compareKeyValues(a.key.value, b.key.value);
}

export class JoinOuterBuffer {
  readonly entries: Unjoined[] = [];

  put(e: Unjoined): void {
    let i = this.entries.length;
    while (i > 0 && compare(this.entries[i - 1], e) > 0) i--;
    this.entries.splice(i, 0, e);
  }

  /** Drops the records of one side, time and key (they have joined); looks only at that time. */
  remove(leftSide: boolean, ts: number, sig: unknown): void {
    const es = this.entries;
    let lo = 0;
    let hi = es.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (es[mid].ts < ts) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < es.length && es[i].ts === ts;) {
      const e = es[i];
      if (e.leftSide === leftSide && e.key.sig === sig) es.splice(i, 1);
      else i++;
    }
  }

  /** Drops the entries `emitted` flags among the first `scanned` (the rest stay as they are). */
  dropEmitted(scanned: number, emitted: (e: Unjoined) => boolean): void {
    const es = this.entries;
    let w = 0;
    for (let i = 0; i < scanned; i++) if (!emitted(es[i])) es[w++] = es[i];
    if (w < scanned) es.splice(w, scanned - w);
  }
}
