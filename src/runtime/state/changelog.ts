// A durable query's state stores on their changelog topics: one compacted topic per store, one
// partition per task. Changed keys are written at each flush (the latest value, or a tombstone);
// a task's stores are restored by reading its partition from the start.
import type { Log, ProducerRecord } from '../../log/log.js';
import type { StateStores } from './state-stores.js';
import { decodeState, encodeState } from './state-codec.js';

const RESTORE_BATCH = 5000;

export const changelogTopic = (prefix: string, store: string): string => `${prefix}-${store}-changelog`;

/** Moves every store's changed keys into `out` (by topic) and forgets that they changed. */
export function collectChanges(stores: StateStores, prefix: string, out: Map<string, ProducerRecord[]>): void {
  stores.flushing();
  for (const m of stores.maps) {
    if (m.dirty.size === 0) continue;
    const topic = changelogTopic(prefix, m.storeName);
    let list = out.get(topic);
    if (!list) out.set(topic, (list = []));
    for (const [k, partition] of m.dirty) {
      const v = m.get(k);
      list.push({ key: encodeState(k), value: v === undefined ? null : encodeState(v), partition });
    }
    m.dirty.clear();
  }
}

/** Reads the changelog partitions of `tasks` into the stores (from offset 0 to the end). */
export async function restoreTasks(log: Log, stores: StateStores, prefix: string, tasks: Iterable<number>): Promise<number> {
  let restored = 0;
  for (const m of stores.maps) {
    const topic = changelogTopic(prefix, m.storeName);
    const ends = await log.endOffsets(topic);
    for (const p of tasks) {
      const end = ends[p] ?? 0;
      let at = 0;
      while (at < end) {
        const recs = await log.read(topic, p, at, RESTORE_BATCH);
        if (recs.length === 0) break; // the rest are transaction markers or compacted away
        for (const r of recs) {
          if (r.key === null) continue;
          m.restore(decodeState(r.key), r.value === null ? undefined : decodeState(r.value), p);
        }
        restored += recs.length;
        at = recs[recs.length - 1].offset + 1;
      }
    }
  }
  stores.restored();
  return restored;
}
