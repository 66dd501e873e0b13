// One side of a stream-stream join: its records by join key, kept for the join's retention
// (before + after + grace) behind the latest time this side has seen, as Kafka Streams' join
// window store. Records older than that are neither returned nor kept.
import type { Row } from '../emit.js';
import type { StateMap } from '../state/state-map.js';

export interface Buffered { ts: number; row: Row }

export class JoinWindowBuffer {
  private observed = -Infinity;
  private puts = 0;

  constructor(private readonly retentionMs: number, private readonly byKey: StateMap<Buffered[]>) {}

  get observedTime(): number { return this.observed; }

  /** After a restore: the latest time seen is the latest time kept. */
  restored(): void {
    for (const list of this.byKey.values()) {
      const last = list[list.length - 1];
      if (last && last.ts > this.observed) this.observed = last.ts;
    }
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
    if (++this.puts % 1000 === 0) this.expire();
  }

  /** Records of a key with from <= time <= to, oldest first. */
  fetch(sig: unknown, from: number, to: number): Buffered[] {
    const list = this.byKey.get(sig);
    if (!list) return [];
    const lo = Math.max(from, this.low);
    return list.filter((b) => b.ts >= lo && b.ts <= to);
  }

  private expire(): void {
    const low = this.low;
    for (const [sig, list] of this.byKey) {
      const keep = list.filter((b) => b.ts >= low);
      if (keep.length === 0) this.byKey.delete(sig);
      else if (keep.length !== list.length) this.byKey.set(sig, keep);
    }
  }
}
