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

  /** Drops the records of one side, time and key (they have joined). */
  remove(leftSide: boolean, ts: number, sig: unknown): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.ts === ts && e.leftSide === leftSide && e.key.sig === sig) this.entries.splice(i, 1);
    }
  }
}
