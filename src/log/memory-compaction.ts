// Log compaction (cleanup.policy=compact) of a MemoryLog partition's closed segments, as Kafka's
// log cleaner: the latest record of each key among them stays, in offset order; a tombstone (null value) stays until it is
// older than the tombstone horizon (delete.retention.ms behind the newest record), so consumers
// that read the key before still see its deletion. Records without a key are dropped: a Kafka
// broker refuses them on a compacted topic.

import type { LogRecord } from './log.js';

export function compactRecords(
  records: readonly LogRecord[], seqs: readonly number[], from: number, to: number, tombstoneHorizon: number,
): { records: LogRecord[]; seqs: number[] } {
  const keys = new Array<string | null>(to - from);
  const latest = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const k = records[i].key;
    const s = k === null ? null : Buffer.from(k.buffer, k.byteOffset, k.length).toString('latin1');
    keys[i - from] = s;
    if (s !== null) latest.set(s, i);
  }
  const out: LogRecord[] = [];
  const outSeqs: number[] = [];
  for (let i = from; i < to; i++) {
    const s = keys[i - from];
    if (s === null || latest.get(s) !== i) continue;
    const r = records[i];
    // A record holding a row is never a tombstone (and reading its value would encode it).
    if (r.valueRow === undefined && r.value === null && r.timestamp < tombstoneHorizon) continue;
    out.push(r);
    outSeqs.push(seqs[i]);
  }
  return { records: out, seqs: outSeqs };
}
