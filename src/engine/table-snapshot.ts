// A table's current rows for pull queries: the latest record per key of its topic. Read once in
// full, then kept and brought up to date by reading only what was written since, so a pull
// query costs the records since the last one (plus the table's rows it scans) rather than the
// whole topic: a lookup on a CTAS whose topic held 200,000 updates took 130 ms each time.
// Kept per table (its catalog entry: a table dropped and created again starts afresh) for as
// long as pull queries keep coming (IDLE_MS), and only while it holds at most MAX_KEYS keys:
// memory is not held for a table queried once, nor for a huge one (read whole each time, as
// before). A topic whose end went back (deleted and made again under the table) is read again
// from the start. Keys deleted by the topic's retention stay, as in ksqlDB's state store.
import type { Log, LogRecord } from '../log/log.js';

/** Per partition, each key's latest record, in the order of their offsets. */
interface Snapshot {
  topic: string;
  /** Per partition, the next offset to read. */
  next: number[];
  parts: Map<string, LogRecord>[];
  /** The partition each key's latest record is in (a key written to two partitions: the last read wins). */
  partOf: Map<string, number>;
  /** Updates run one at a time (two pull queries at once). */
  busy: Promise<void>;
  /** Forgets the snapshot once no pull query came for IDLE_MS. */
  idle: NodeJS.Timeout | undefined;
}

const snapshots = new WeakMap<object, Snapshot>();
const READ_BATCH = 10_000;
const IDLE_MS = 10 * 60_000;
const MAX_KEYS = 1_000_000;

/**
 * The latest non-tombstone record of each key of `topic`, partition by partition, each in the
 * order of those records' offsets (as reading the whole topic and keeping each key's last
 * record gives them), or only that of the key whose bytes are `key`. `table`: what the snapshot
 * is kept with (the table's catalog entry).
 */
export async function tableRows(log: Log, table: object, topic: string, key?: Uint8Array): Promise<LogRecord[]> {
  let s = snapshots.get(table);
  if (s === undefined || s.topic !== topic) snapshots.set(table, (s = fresh(topic)));
  const snap = s;
  const update = snap.busy.then(() => catchUp(log, snap));
  snap.busy = update.catch(() => undefined);
  try {
    await update;
  } catch (e) {
    snapshots.delete(table); // read again from the start next time
    throw e;
  }
  const out: LogRecord[] = [];
  if (key !== undefined) { // the one key asked for (pull-key-lookup.ts)
    const k = Buffer.from(key).toString('base64');
    const p = snap.partOf.get(k);
    const r = p === undefined ? undefined : snap.parts[p].get(k);
    if (r !== undefined) out.push(r);
  } else {
    for (const part of snap.parts) for (const r of part.values()) out.push(r);
  }
  clearTimeout(snap.idle);
  if (snap.partOf.size > MAX_KEYS) snapshots.delete(table);
  else (snap.idle = setTimeout(() => { if (snapshots.get(table) === snap) snapshots.delete(table); }, IDLE_MS)).unref();
  return out;
}

function fresh(topic: string): Snapshot {
  return { topic, next: [], parts: [], partOf: new Map(), busy: Promise.resolve(), idle: undefined };
}

async function catchUp(log: Log, s: Snapshot): Promise<void> {
  const ends = await log.endOffsets(s.topic);
  if (ends.length < s.next.length || ends.some((end, p) => end < (s.next[p] ?? 0))) {
    // The topic is not the one read before (made again, or fewer partitions): start over.
    s.next = [];
    s.parts = [];
    s.partOf.clear();
  }
  for (let p = 0; p < ends.length; p++) {
    s.next[p] ??= 0;
    s.parts[p] ??= new Map();
    const part = s.parts[p];
    while (s.next[p] < ends[p]) {
      const batch = await log.read(s.topic, p, s.next[p], Math.min(READ_BATCH, ends[p] - s.next[p]));
      if (batch.length === 0) break;
      for (const r of batch) take(s, p, part, r);
      s.next[p] = batch[batch.length - 1].offset + 1;
    }
  }
}

function take(s: Snapshot, p: number, part: Map<string, LogRecord>, r: LogRecord): void {
  if (r.key === null) return; // a table row needs its key (ksqlDB skips null keys)
  const k = Buffer.from(r.key).toString('base64');
  const was = s.partOf.get(k);
  if (was !== undefined && was !== p) s.parts[was].delete(k);
  part.delete(k); // set again below: the map keeps keys in the order of their latest records
  if (r.valueRow !== undefined || r.value !== null) { // a kept row is never a tombstone
    part.set(k, kept(r));
    s.partOf.set(k, p);
  } else {
    s.partOf.delete(k);
  }
}

/**
 * The record as kept: a record of bytes is copied, as a broker's records are views into the
 * fetched batch (keeping one would keep the whole batch); a row kept in this process (MemoryLog)
 * is its log's own, and stays as it is.
 */
function kept(r: LogRecord): LogRecord {
  if (r.valueRow !== undefined) return r;
  return {
    topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp,
    key: copy(r.key), value: copy(r.value), headers: r.headers.map((h) => ({ key: h.key, value: copy(h.value) })),
    valueRow: undefined, valueCodec: undefined,
  };
}

/** A copy of its own (Buffer's slice would be a view). */
const copy = (b: Uint8Array | null): Uint8Array | null => (b === null ? null : Uint8Array.prototype.slice.call(b));
