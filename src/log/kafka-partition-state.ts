// One partition assigned to a KafkaConsumer: the records fetched but not yet handed out, and the
// offsets that say where reading stands. kafkajs may deliver records again (it restarts from the
// committed offset after a rebalance or a crash unless told otherwise), so records before `next`
// are dropped here: a partition's records are handed out once, in offset order.
//
// With transactions, a partition also holds offsets that are never handed out: commit/abort
// markers and the records of aborted transactions (a read_committed fetch filters them). The end
// offset lies after the last marker, so `next` moves past them as fetches show them; otherwise a
// consumer that read every record would never reach the end offset (Eddy's "caught up" check).

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

  /**
   * A fetch covered offsets `first`..`last` (records, markers and aborted records alike) and
   * whatever real records it held were add()ed: the offsets up to `last` hold nothing more to
   * hand out. Only a fetch that starts at or before `next` tells that about the offsets from
   * `next` on; one from further ahead (kafkajs fetching before a seek) says nothing of the gap.
   */
  covered(first: number, last: number): void {
    if (first <= this.next && last >= this.next) this.next = last + 1;
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
