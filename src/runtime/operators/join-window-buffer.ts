// One side of a stream-stream join: its records by join key, kept for the join's retention
// (before + after + grace) behind the latest time this side has seen, as Kafka Streams' join
// window store. Records older than that are neither returned nor kept: a queue of (time, key)
// by time says which keys hold expired records, so expiry costs what expires, not every key.
import type { Row } from '../emit.js';
import type { StateMap } from '../state/state-map.js';
import { ExpiryQueue } from './expiry-queue.js';

export interface Buffered { ts: number; row: Row }

export class JoinWindowBuffer {
  private observed = -Infinity;
  /** One entry per buffered record (its time and key); entries of dropped keys are no-ops. */
  private readonly expiry = new ExpiryQueue<unknown>();

  constructor(private readonly retentionMs: number, private readonly byKey: StateMap<Buffered[]>) {}

  get observedTime(): number { return this.observed; }

  /** After a restore: the latest time seen is the latest time kept. */
  restored(): void {
    this.expiry.clear();
    for (const [sig, list] of this.byKey) {
      const last = list[list.length - 1];
      if (last && last.ts > this.observed) this.observed = last.ts;
      for (const b of list) this.expiry.push(b.ts, sig);
    }
    this.expiry.popOlderThan(this.low, this.expireKey);
  }

  /** Oldest time still visible. */
  private get low(): number { return this.observed - this.retentionMs + 1; }

  put(sig: unknown, ts: number, row: Row): void {
    if (ts > this.observed) this.observed = ts;
    if (ts < this.low) return;
    const list = this.byKey.get(sig) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1].ts > ts) i--; // by time, equal times in arrival order
    list.splice(i, 0, { ts, row });
    this.byKey.set(sig, list);
    this.expiry.push(ts, sig);
    this.expiry.popOlderThan(this.low, this.expireKey);
  }

  /** Records of a key with from <= time <= to, oldest first. */
  fetch(sig: unknown, from: number, to: number): Buffered[] {
    const list = this.byKey.get(sig);
    if (!list) return [];
    const lo = Math.max(from, this.low);
    return list.filter((b) => b.ts >= lo && b.ts <= to);
  }

  /** Drops a key's records older than the retention (its list is by time: a prefix). */
  private readonly expireKey = (sig: unknown): void => {
    const list = this.byKey.get(sig);
    if (!list) return;
    const low = this.low;
    let n = 0;
    while (n < list.length && list[n].ts < low) n++;
    if (n === 0) return;
    if (n === list.length) this.byKey.delete(sig);
    else {
      list.splice(0, n);
      this.byKey.set(sig, list);
    }
  };
}
