// The records of an outer stream-stream join that have not joined yet (Kafka Streams' outer join
// store, with GRACE PERIOD). Kept in the store's order: time, then right side before left side,
// then key (as its bytes sort), then arrival. They are query state: each is also an entry of a
// state store (a changelog on a durable service), so a restarted or moved task still emits its
// unmatched records with NULLs when their window closes, and never one that joined before.
import type { Row } from '../emit.js';
import type { JoinKey } from './join-rows.js';
import type { StateMap, TaskContext } from '../state/state-map.js';
import { compareKeyValues } from './join-key-order.js';

export interface Unjoined {
  ts: number; leftSide: boolean; key: JoinKey; row: Row;
  /** Arrival order (this instance's count; restored entries keep theirs) and the store key. */
  seq: number; id: string;
}

function compare(a: Unjoined, b: Unjoined): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  if (a.leftSide !== b.leftSide) return a.leftSide ? 1 : -1;
  return compareKeyValues(a.key.value, b.key.value);
}

export class JoinOuterBuffer {
  readonly entries: Unjoined[] = [];
  private nextSeq = 0;

  /** `store` holds every entry by id; `task` names the partition a new entry belongs to. */
  constructor(private readonly store: StateMap<Unjoined>, private readonly task?: TaskContext) {}

  put(e: Omit<Unjoined, 'seq' | 'id'>): void {
    const seq = this.nextSeq++;
    // The task in the id: a task moved here brings ids another instance counted.
    const entry: Unjoined = { ...e, seq, id: `${this.task?.partition ?? 0}:${seq}` };
    let i = this.entries.length;
    while (i > 0 && compare(this.entries[i - 1], entry) > 0) i--;
    this.entries.splice(i, 0, entry);
    this.store.set(entry.id, entry);
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
      if (e.leftSide === leftSide && e.key.sig === sig) { es.splice(i, 1); this.store.delete(e.id); }
      else i++;
    }
  }

  /** Drops the entries `emitted` flags among the first `scanned` (the rest stay as they are). */
  dropEmitted(scanned: number, emitted: (e: Unjoined) => boolean): void {
    const es = this.entries;
    let w = 0;
    for (let i = 0; i < scanned; i++) {
      if (!emitted(es[i])) es[w++] = es[i];
      else this.store.delete(es[i].id);
    }
    if (w < scanned) es.splice(w, scanned - w);
  }

  /** After a restore (or tasks moved away): the entries are the store's, in the store's order. */
  restored(): void {
    const es = this.entries;
    es.length = 0;
    for (const e of this.store.values()) {
      es.push(e);
      if (e.seq >= this.nextSeq) this.nextSeq = e.seq + 1;
    }
    es.sort((a, b) => compare(a, b) || a.seq - b.seq);
  }

  /** The earliest time held (Infinity: none). */
  get minTime(): number { return this.entries.length > 0 ? this.entries[0].ts : Infinity; }
}
