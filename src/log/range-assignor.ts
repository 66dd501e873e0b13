// Kafka's RangeAssignor: per topic, the subscribed members (in a stable order) each take a
// contiguous range of partitions; the first (partitions % members) members take one extra.

export interface RangeMember { readonly topics: readonly string[] }

/** For each member (same index as `members`), the [topic, partition] pairs it owns. */
export function rangeAssign(
  members: readonly RangeMember[],
  partitionCount: (topic: string) => number | undefined,
): Array<Array<[string, number]>> {
  const out: Array<Array<[string, number]>> = members.map(() => []);
  const topics = [...new Set(members.flatMap((m) => m.topics))].sort();
  for (const topic of topics) {
    const n = partitionCount(topic);
    if (n === undefined) continue;
    const subscribers = members.map((m, i) => [m, i] as const).filter(([m]) => m.topics.includes(topic));
    const per = Math.floor(n / subscribers.length);
    const extra = n % subscribers.length;
    let next = 0;
    subscribers.forEach(([, i], rank) => {
      const count = per + (rank < extra ? 1 : 0);
      for (let p = next; p < next + count; p++) out[i].push([topic, p]);
      next += count;
    });
  }
  return out;
}
