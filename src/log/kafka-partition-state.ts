// One partition assigned to a KafkaConsumer: the records fetched but not yet handed out, and the
// offsets that say where reading stands. kafkajs may deliver records again (it restarts from the
// committed offset after a rebalance or a crash unless told otherwise), so records before `next`
// are dropped here: a partition's records are handed out once, in offset order.

import type { LogRecord } from './log.js';

export class PartitionState {
  private records: LogRecord[] = [];
  private head = 0;
  /** The offset after the last record buffered: where fetching continues. Set once `ready`. */
  next = 0;
  /** True once the start offset (committed, else reset) is known and kafkajs was pointed at it. */
  ready = false;
  /** Whether KafkaConsumer paused fetching of this partition (its buffer is full, or not ready). */
  paused = false;

  constructor(readonly topic: string, readonly partition: number) {}

  get buffered(): number { return this.records.length - this.head; }

  start(offset: number): void {
    this.next = offset;
    this.ready = true;
  }

  /** Appends fetched records in offset order, skipping ones already buffered or handed out. */
  add(recs: LogRecord[]): number {
    let added = 0;
    for (const r of recs) {
      if (r.offset < this.next) continue;
      this.records.push(r);
      this.next = r.offset + 1;
      added++;
    }
    return added;
  }

  /** Hands out up to `max` records. */
  take(max: number, out: LogRecord[]): void {
    const end = Math.min(this.records.length, this.head + max);
    for (let i = this.head; i < end; i++) out.push(this.records[i]);
    this.head = end;
    // Drop handed-out records once they are the larger part, so the array does not grow forever.
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.head = 0;
    }
  }

  /** The offset of the next record to hand out. */
  position(): number {
    return this.head < this.records.length ? this.records[this.head].offset : this.next;
  }
}
