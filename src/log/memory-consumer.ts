// A consumer of MemoryLog. poll() hands out records of all assigned partitions merged by their
// global append sequence, so records come back in exactly the order they were produced, across
// topics too (this is what makes in-process query processing deterministic). Positions are
// offsets: records compacted away are skipped, and a position before the log start (records
// deleted by retention) is out of range and resets by autoOffsetReset, as Kafka's consumer does.

import { tpKey, type Consumer, type ConsumerOptions, type LogRecord, type TopicPartition } from './log.js';
import { LogError } from './log-error.js';
import type { GroupMember, MemoryGroup } from './memory-group.js';
import type { MemoryPartition, MemoryTopic } from './memory-topic.js';
import type { Signal } from './signal.js';

/** What a consumer needs of its log (an interface, to keep MemoryLog and its consumers apart). */
export interface ConsumerHost {
  readonly signal: Signal;
  topic(name: string): MemoryTopic | undefined;
  isClosed(): boolean;
  /** Removes the consumer from its group and rebalances the rest. */
  leave(consumer: MemoryConsumer, group: MemoryGroup): void;
}

interface Assigned { key: string; part: MemoryPartition; pos: number }

const DEFAULT_MAX_RECORDS = 500; // Kafka's max.poll.records default

export class MemoryConsumer implements Consumer, GroupMember {
  readonly topics: readonly string[];
  private readonly reset: 'earliest' | 'latest';
  private readonly latestAt: Record<string, number[]> | undefined;
  private assigned: Assigned[] = [];
  private generation = 0;
  private closed = false;

  constructor(private readonly host: ConsumerHost, private readonly group: MemoryGroup, opts: ConsumerOptions) {
    this.topics = [...new Set(opts.topics)];
    this.reset = opts.autoOffsetReset ?? 'earliest';
    this.latestAt = opts.latestOffsets;
  }

  assign(partitions: MemoryPartition[]): void {
    // Partitions kept across a rebalance keep their position; new ones start at the committed
    // offset, else at autoOffsetReset (also when the commit is outside the log, as Kafka does).
    const kept = new Map(this.assigned.map((a) => [a.part, a.pos]));
    if (partitions.length !== kept.size || partitions.some((p) => !kept.has(p))) this.generation++;
    this.assigned = partitions.map((part) => {
      const key = tpKey(part.topic, part.partition);
      const pos = kept.get(part) ?? this.group.committed.get(key);
      return { key, part, pos: pos === undefined || outOfRange(part, pos) ? this.startPosition(part) : pos };
    });
  }

  /** A new partition without a (valid) commit: as resetPosition, but latest may be given (opts.latestOffsets). */
  private startPosition(part: MemoryPartition): number {
    const at = this.reset === 'latest' ? this.latestAt?.[part.topic]?.[part.partition] : undefined;
    return at === undefined ? this.resetPosition(part) : Math.max(part.startOffset, Math.min(at, part.endOffset));
  }

  private resetPosition(part: MemoryPartition): number {
    return this.reset === 'latest' ? part.endOffset : part.startOffset;
  }

  async poll(opts: { maxRecords?: number; maxWaitMs?: number } = {}): Promise<LogRecord[]> {
    const max = opts.maxRecords ?? DEFAULT_MAX_RECORDS;
    const deadline = Date.now() + (opts.maxWaitMs ?? 0);
    for (;;) {
      if (this.closed || this.host.isClosed()) return [];
      const got = this.take(max);
      if (got.length > 0) return got;
      const left = deadline - Date.now();
      if (left <= 0) return [];
      await this.host.signal.wait(left);
    }
  }

  /** A k-way merge by global sequence; O(records × assigned partitions), no copying. */
  private take(max: number): LogRecord[] {
    const out: LogRecord[] = [];
    const live: { a: Assigned; i: number }[] = [];
    for (const a of this.assigned) {
      if (outOfRange(a.part, a.pos)) a.pos = this.resetPosition(a.part); // deleted meanwhile
      const i = a.part.indexOf(a.pos);
      if (i < a.part.limit) live.push({ a, i });
      else a.pos = a.part.endOffset; // past a gap at the end (compacted or deleted records)
    }
    if (live.length === 1 && max > 0) {
      // One partition with records (a one-partition topic, or the others read up): no merge.
      const { a, i } = live[0];
      const part = a.part;
      const n = Math.min(max, part.limit - i);
      const got: LogRecord[] = new Array(n);
      for (let j = 0; j < n; j++) got[j] = part.record(i + j);
      a.pos = i + n >= part.limit ? part.endOffset : got[n - 1].offset + 1;
      return got;
    }
    while (out.length < max && live.length > 0) {
      let best = 0;
      for (let j = 1; j < live.length; j++) {
        if (live[j].a.part.seq(live[j].i) < live[best].a.part.seq(live[best].i)) best = j;
      }
      const c = live[best];
      const rec = c.a.part.record(c.i++);
      out.push(rec);
      c.a.pos = rec.offset + 1;
      if (c.i >= c.a.part.limit) {
        c.a.pos = c.a.part.endOffset;
        live.splice(best, 1);
      }
    }
    return out;
  }

  async commit(offsets?: { topic: string; partition: number; offset: number }[]): Promise<void> {
    if (this.closed) throw new LogError('CLOSED', `consumer of group '${this.group.id}' is closed`);
    if (!offsets) {
      for (const a of this.assigned) this.group.committed.set(a.key, a.pos);
      return;
    }
    for (const o of offsets) {
      const t = this.host.topic(o.topic);
      if (!t) throw new LogError('UNKNOWN_TOPIC', `topic '${o.topic}' does not exist`);
      if (!Number.isInteger(o.partition) || o.partition < 0 || o.partition >= t.partitions.length) {
        throw new LogError('INVALID_PARTITION', `topic '${o.topic}' has no partition ${o.partition}`);
      }
      this.group.committed.set(tpKey(o.topic, o.partition), o.offset);
    }
  }

  seek(positions: ReadonlyMap<string, number>): void {
    for (const a of this.assigned) {
      const at = positions.get(a.key);
      if (at !== undefined) a.pos = at;
    }
  }

  positions(): Map<string, number> {
    return new Map(this.assigned.map((a) => [a.key, a.pos]));
  }

  assignment(): TopicPartition[] {
    return this.assigned.map((a) => ({ topic: a.part.topic, partition: a.part.partition }));
  }

  assignmentGeneration(): number { return this.generation; }

  /** Leaves the group without committing (as Kafka with enable.auto.commit=false). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.assigned = [];
    this.host.leave(this, this.group);
  }
}

function outOfRange(part: MemoryPartition, offset: number): boolean {
  return offset < part.startOffset || offset > part.endOffset;
}
