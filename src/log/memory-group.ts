// A consumer group inside MemoryLog: its committed offsets (which outlive its consumers, as in
// Kafka) and its live members, between which partitions are split by range assignment.

import { rangeAssign, type RangeMember } from './range-assignor.js';
import type { MemoryPartition, MemoryTopic } from './memory-topic.js';

export interface GroupMember extends RangeMember {
  /** Replaces the member's assignment (called on every rebalance, even if unchanged). */
  assign(partitions: MemoryPartition[]): void;
}

export class MemoryGroup {
  /** Committed offsets by "topic/partition": the next offset to read, as Kafka commits them. */
  readonly committed = new Map<string, number>();
  private readonly members: GroupMember[] = [];

  constructor(readonly id: string) {}

  get size(): number { return this.members.length; }

  join(m: GroupMember): void { this.members.push(m); }

  leave(m: GroupMember): void {
    const i = this.members.indexOf(m);
    if (i >= 0) this.members.splice(i, 1);
  }

  /** Recomputes every member's partitions (join order is the stable member order). */
  rebalance(topic: (name: string) => MemoryTopic | undefined): void {
    const plan = rangeAssign(this.members, (t) => topic(t)?.partitions.length);
    this.members.forEach((m, i) => m.assign(plan[i].map(([t, p]) => topic(t)!.partitions[p])));
  }

  /** Drops the offsets of a deleted topic (Kafka does the same when a topic goes away). */
  forgetTopic(name: string): void {
    const prefix = `${name}/`; // topic names cannot contain '/', so the prefix is unambiguous
    for (const key of [...this.committed.keys()]) if (key.startsWith(prefix)) this.committed.delete(key);
  }
}
