// Where each produced record goes on a broker: its explicit partition (checked against the
// topic), else the default partitioner's (murmur2 of the key, sticky for null keys). The
// topic's partition count is cached briefly, so a batch costs no metadata request. Shared by
// KafkaProducer and KafkaTransactionalProducer.
import type { ProducerRecord } from './log.js';
import { LogError } from './log-error.js';
import { DefaultPartitioner, partitionForKey } from './default-partitioner.js';
import type { KafkaDirect } from './kafka-direct.js';

/** How long a topic's partition count is trusted without asking the broker again. */
const PARTITIONS_TTL_MS = 10_000;

export class RecordPartitions {
  private readonly partitioner = new DefaultPartitioner();
  private readonly counts = new Map<string, { n: number; at: number }>();

  constructor(private readonly direct: () => KafkaDirect) {}

  /** Each record's partition; throws (for the whole batch, before anything is sent) on a bad one. */
  async of(topic: string, records: ProducerRecord[]): Promise<number[]> {
    const n = await this.count(topic);
    for (const r of records) {
      if (r.partition !== undefined && (!Number.isInteger(r.partition) || r.partition < 0 || r.partition >= n)) {
        throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${r.partition} (it has ${n})`);
      }
    }
    return records.map((r) => r.partition ?? (r.key !== null ? partitionForKey(r.key, n) : this.partitioner.partition(topic, null, n)));
  }

  /** Forgets a topic's partition count (it may have changed or gone). */
  stale(topic: string): void { this.counts.delete(topic); }

  /** Forgets all a deleted topic left here. */
  forget(topic: string): void {
    this.counts.delete(topic);
    this.partitioner.forget(topic);
  }

  clear(): void { this.counts.clear(); }

  private async count(topic: string): Promise<number> {
    const cached = this.counts.get(topic);
    if (cached && Date.now() - cached.at < PARTITIONS_TTL_MS) return cached.n;
    const t = await this.direct().requireTopic(topic);
    this.counts.set(topic, { n: t.partitions.length, at: Date.now() });
    return t.partitions.length;
  }
}
