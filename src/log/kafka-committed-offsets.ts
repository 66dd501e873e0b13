// A group's committed offsets for one topic on Kafka, by partition (-1, "none", is left out).
import type { KafkaDirect } from './kafka-direct.js';

export async function kafkaCommittedOffsets(direct: KafkaDirect, groupId: string, topic: string): Promise<Map<number, number>> {
  const t = await direct.requireTopic(topic);
  const all = await direct.committed(groupId, topic, t.partitions.map((p) => p.partitionId));
  const out = new Map<number, number>();
  for (const [p, o] of all) if (o >= 0) out.set(p, o);
  return out;
}
