// One partition of a MemoryLog topic: its live records in offset order, bounded as a Kafka
// partition is by its topic's cleanup configs. Offsets never change: a deleted or compacted
// record leaves a gap, deletion (retention.ms, retention.bytes) moves the log start forward.
// Each record also keeps the log-wide sequence number of its append, so consumers can merge
// partitions back into the exact global order in which records were produced.
//
// As in Kafka, the newest records form the active segment, which is never deleted or compacted:
// it rolls once it holds segment.bytes (or `cleanEvery` records, a test knob), and cleaning runs
// at each roll. So a small log is never cleaned — a script that loads weeks of historic events
// keeps them all — and memory stays bounded by retention plus one segment. Deletion costs
// O(records deleted); compaction rewrites the closed segments only once the records appended
// since the last compaction are half of the partition, so both stay amortized O(1) per append.

import type { Header, LogRecord, ProducerRecord } from './log.js';
import { RowRecord } from './row-record.js';
import { MemoryRowRecord } from './memory-row-record.js';
import type { CleanupConfig } from './memory-topic-config.js';
import { compactRecords } from './memory-compaction.js';

/** Shared by the records produced without headers (records are frozen, so it is never changed). */
const NO_HEADERS: Header[] = Object.freeze([]) as unknown as Header[];

export class MemoryPartition {
  /** Live records from `head` on, by offset (with gaps where records were compacted away). */
  private recs: LogRecord[] = [];
  /** Global append sequence of each record, parallel to `recs`. */
  private seqs: number[] = [];
  private head = 0;
  private next = 0;
  private start = 0;
  private bytes = 0;
  private newest = -Infinity;
  /** Records appended since the last compaction (or deletion, without compaction). */
  private dirty = 0;
  /** The first offset of the active segment, and its size so far (records, bytes). */
  private active = 0;
  private activeRecords = 0;
  private activeBytes = 0;

  constructor(
    readonly topic: string, readonly partition: number,
    private readonly cleanup: CleanupConfig, private readonly cleanEvery: number,
  ) {}

  /** The offset the next record will get. */
  get endOffset(): number { return this.next; }

  /** The first offset still in the log: records before it were deleted (retention). */
  get startOffset(): number { return this.start; }

  /** Number of records kept. */
  get size(): number { return this.recs.length - this.head; }

  /** Index (for record/seq) of the first record at or after `offset`; `limit` if none. */
  indexOf(offset: number): number {
    let lo = this.head;
    let hi = this.recs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.recs[mid].offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** One past the last index. */
  get limit(): number { return this.recs.length; }

  record(i: number): LogRecord { return this.recs[i]; }

  seq(i: number): number { return this.seqs[i]; }

  /** Up to `max` records from `offset` on (an offset before the log start reads from it). */
  read(offset: number, max: number): LogRecord[] {
    const i = this.indexOf(Math.max(offset, this.start));
    return this.recs.slice(i, i + Math.max(0, max));
  }

  /** `r`'s own timestamp and headers are replaced by the given ones (the log's defaults applied). */
  append(seq: number, r: ProducerRecord, timestamp: number, headers: Header[]): LogRecord {
    let rec: LogRecord;
    let size: number;
    const row = r instanceof RowRecord ? r : undefined;
    if (row !== undefined && this.cleanup.retentionBytes === Infinity) {
      size = headerBytes(headers) + (row.key?.length ?? 0) + (row.encoded?.length ?? row.valueEncoder.estimateBytes(row.valueRow));
      rec = new MemoryRowRecord(this.topic, this.partition, this.next++, row.key, row.encoded, timestamp,
        headers.length === 0 ? NO_HEADERS : headers, row.valueRow, row.valueEncoder, size);
    } else {
      rec = Object.freeze({
        topic: this.topic,
        partition: this.partition,
        offset: this.next++,
        key: r.key,
        value: r.value,
        timestamp,
        headers: headers.length === 0 ? NO_HEADERS : headers,
        valueRow: row?.valueRow, // a row on a topic with retention.bytes: kept beside its bytes
        valueCodec: row?.valueCodec,
      });
      size = recordBytes(rec);
    }
    this.recs.push(rec);
    this.seqs.push(seq);
    this.bytes += size;
    this.activeBytes += size;
    this.dirty++;
    if (rec.timestamp > this.newest) this.newest = rec.timestamp;
    if (++this.activeRecords >= this.cleanEvery || this.activeBytes >= this.cleanup.segmentBytes) {
      this.active = this.next;
      this.activeRecords = 0;
      this.activeBytes = 0;
      this.clean();
    }
    return rec;
  }

  private clean(): void {
    const { cleanup } = this;
    if (cleanup.delete) this.deleteExpired();
    if (cleanup.compact) {
      if (this.dirty * 2 >= this.size) this.compact();
    } else {
      this.dirty = 0;
    }
  }

  /** Deletes from the start while records are older than retention.ms or over retention.bytes. */
  private deleteExpired(): void {
    const { retentionMs, retentionBytes } = this.cleanup;
    const oldest = this.newest - retentionMs; // -Infinity without a time limit
    const n = this.recs.length;
    let i = this.head;
    while (i < n && this.recs[i].offset < this.active && (this.recs[i].timestamp < oldest || this.bytes > retentionBytes)) {
      this.bytes -= recordBytes(this.recs[i]);
      i++;
    }
    if (i === this.head) return;
    this.start = i < n ? this.recs[i].offset : this.next;
    this.head = i;
    if (this.head >= 1024 && this.head * 2 >= n) { // drop the dead prefix once it is half the array
      this.recs.splice(0, this.head);
      this.seqs.splice(0, this.head);
      this.head = 0;
    }
  }

  private compact(): void {
    const to = this.indexOf(this.active);
    const kept = compactRecords(this.recs, this.seqs, this.head, to, this.newest - this.cleanup.deleteRetentionMs);
    this.recs = kept.records.concat(this.recs.slice(to));
    this.seqs = kept.seqs.concat(this.seqs.slice(to));
    this.head = 0;
    this.bytes = 0;
    for (const r of this.recs) this.bytes += recordBytes(r);
    this.dirty = 0;
  }
}

/** A record's size for retention.bytes and segment.bytes: its key, value and header bytes. */
function recordBytes(r: LogRecord): number {
  if (r instanceof MemoryRowRecord) return r.size;
  return (r.key?.length ?? 0) + (r.value?.length ?? 0) + headerBytes(r.headers);
}

function headerBytes(headers: readonly Header[]): number {
  let n = 0;
  for (const h of headers) n += h.key.length + (h.value?.length ?? 0);
  return n;
}
