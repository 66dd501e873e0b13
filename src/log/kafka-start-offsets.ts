// Where a consumer starts on a newly assigned partition: the group's committed offset, else (or
// when the commit lies outside the log, e.g. after retention) the earliest or latest offset,
// as the Java consumer's auto.offset.reset and MemoryLog do. "Latest" may be given (the end
// offsets when the query's statement was accepted) rather than the end now.

import type { KafkaDirect } from './kafka-direct.js';

export async function startOffsets(
  direct: KafkaDirect, groupId: string, topic: string, partitions: number[], reset: 'earliest' | 'latest',
  latestAt?: number[],
): Promise<Map<number, number>> {
  const t = await direct.requireTopic(topic);
  const [committed, low, high] = await Promise.all([
    direct.committed(groupId, topic, partitions),
    direct.offsets(topic, 'earliest', t),
    direct.offsets(topic, 'latest', t),
  ]);
  // A given latest offset (where the query was accepted) is kept within the log as it is now.
  const latest = (p: number): number => Math.max(low[p] ?? 0, Math.min(latestAt?.[p] ?? Infinity, high[p] ?? 0));
  const out = new Map<number, number>();
  for (const p of partitions) {
    const c = committed.get(p) ?? -1;
    const inLog = c >= 0 && c >= (low[p] ?? 0) && c <= (high[p] ?? 0);
    out.set(p, inLog ? c : reset === 'latest' ? latest(p) : low[p] ?? 0);
  }
  return out;
}
