// The newest record per key of a compacted one-partition topic that Eddy keeps small state in
// (instances' heartbeats, connectors' statuses): the last `readBack` records from the end, read
// to the end (a read may return fewer than asked). Tombstones are kept: a null value says the
// key is gone.
import type { Log, LogRecord } from './log.js';

export async function latestByKey(log: Log, topic: string, readBack: number): Promise<Map<string, LogRecord>> {
  const end = (await log.endOffsets(topic))[0] ?? 0;
  const latest = new Map<string, LogRecord>();
  for (let from = Math.max(0, end - readBack); from < end;) {
    const batch = await log.read(topic, 0, from, end - from);
    if (batch.length === 0) break;
    for (const r of batch) if (r.key !== null) latest.set(Buffer.from(r.key).toString('utf8'), r);
    from = batch[batch.length - 1].offset + 1;
  }
  return latest;
}
