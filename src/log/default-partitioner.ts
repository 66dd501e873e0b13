// Kafka's default partitioner. Keyed records: murmur2 of the key bytes, as the Java client, so
// the same key lands in the same partition whether MemoryLog or a broker-side producer wrote it.
// Null keys: round-robin per topic (Kafka's sticky partitioner batches instead; both spread
// evenly, and nothing may rely on where a null-keyed record lands).

import { murmur2, toPositive } from './murmur2.js';

/** The partition Kafka chooses for a non-null key. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(key)) % numPartitions;
}

export class DefaultPartitioner {
  /** Per topic, the round-robin count (a box, so that a record costs one lookup, not two). */
  private readonly next = new Map<string, { n: number }>();

  partition(topic: string, key: Uint8Array | null, numPartitions: number): number {
    if (key !== null) return partitionForKey(key, numPartitions);
    let next = this.next.get(topic);
    if (next === undefined) this.next.set(topic, (next = { n: 0 }));
    return next.n++ % numPartitions;
  }

  /** Forget a topic's round-robin position (on delete, so a re-created topic starts afresh). */
  forget(topic: string): void {
    this.next.delete(topic);
  }
}
