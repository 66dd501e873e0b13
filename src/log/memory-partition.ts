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
//
// A record produced as a row (RowRecord) is stored by column in a RowChunk, not as an object of
// its own (see row-chunk.ts for why); a reader gets it as a new MemoryRowRecord. A record
// produced as bytes is stored by column in a ByteChunk, for the same reason.

import type { Header, LogRecord, ProducerRecord, RowEncoder } from './log.js';
import { RowRecord } from './row-record.js';
import { MemoryRowRecord } from './memory-row-record.js';
import { RowChunk } from './row-chunk.js';
import { ByteChunk } from './byte-chunk.js';
import { StringInterner } from './string-interner.js';
import type { CleanupConfig } from './memory-topic-config.js';
import { compactRecords } from './memory-compaction.js';
import { PartitionIndex } from './partition-index.js';

type Holder = LogRecord | RowChunk | ByteChunk;
const newIndex = (): PartitionIndex<Holder> => new PartitionIndex<Holder>();

/** Shared by the records produced without headers (frozen: no reader can change it for the others). */
const NO_HEADERS: Header[] = Object.freeze([]) as unknown as Header[];

export class MemoryPartition {
  /**
   * Live records from `head` on, by offset (with gaps where records were compacted away): the
   * record itself or the chunk holding it (at its place; 0 for a record object), its offset and
   * its global append sequence.
   */
  private index = newIndex();
  /** The chunks new rows and new byte records go to. */
  private chunk: RowChunk | undefined;
  private byteChunk: ByteChunk | undefined;
  private readonly strings = new StringInterner();
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
  get size(): number { return this.index.length - this.head; }

  /** Index (for record/seq) of the first record at or after `offset`; `limit` if none. */
  indexOf(offset: number): number {
    return this.index.indexOf(offset, this.head);
  }

  /** One past the last index. */
  get limit(): number { return this.index.length; }

  record(i: number): LogRecord {
    const x = this.index;
    const r = x.holder(i);
    if (r instanceof ByteChunk) return r.record(this.topic, this.partition, x.offset(i), x.place(i));
    if (!(r instanceof RowChunk)) return r;
    const k = x.place(i);
    return new MemoryRowRecord(this.topic, this.partition, x.offset(i), r.timestamp(k), r, k);
  }

  seq(i: number): number { return this.index.seq(i); }

  /** Up to `max` records from `offset` on (an offset before the log start reads from it). */
  read(offset: number, max: number): LogRecord[] {
    const from = this.indexOf(Math.max(offset, this.start));
    const to = Math.min(this.index.length, from + Math.max(0, max));
    const out: LogRecord[] = [];
    for (let i = from; i < to; i++) out.push(this.record(i));
    return out;
  }

  /**
   * Appends `r` with the given timestamp and headers (the log's defaults applied in place of its
   * own); returns its offset.
   */
  append(seq: number, r: ProducerRecord, timestamp: number, headers: Header[]): number {
    const offset = this.next++;
    const hs = headers.length === 0 ? NO_HEADERS : headers;
    let size: number;
    const row = r instanceof RowRecord ? r : undefined;
    if (row !== undefined && this.cleanup.retentionBytes === Infinity) {
      size = (hs === NO_HEADERS ? 0 : headerBytes(hs)) + (row.key?.length ?? 0) + (row.encoded?.length ?? row.sizes().estimate);
      this.storeRow(row.valueEncoder, row.key, row.valueRow, row.encoded, timestamp, hs, size, offset, seq);
    } else if (row === undefined) {
      size = (hs === NO_HEADERS ? 0 : headerBytes(hs)) + (r.key?.length ?? 0) + (r.value?.length ?? 0);
      this.storeBytes(r.key, r.value, timestamp, hs, size, offset, seq);
    } else {
      // A literal, not a class instance: V8 sees where literals are made and, as these live long,
      // allocates them in the old generation at once; class instances are first copied by young
      // collections (twice the GC time, measured).
      const rec = Object.freeze({
        topic: this.topic,
        partition: this.partition,
        offset,
        key: r.key,
        value: r.value,
        timestamp,
        headers: hs,
        valueRow: row.valueRow, // a row on a topic with retention.bytes: kept beside its bytes
        valueCodec: row.valueCodec,
      });
      size = recordBytes(rec);
      this.index.push(rec, 0, offset, seq);
    }
    this.bytes += size;
    this.activeBytes += size;
    this.dirty++;
    if (timestamp > this.newest) this.newest = timestamp;
    if (++this.activeRecords >= this.cleanEvery || this.activeBytes >= this.cleanup.segmentBytes) {
      this.active = this.next;
      this.activeRecords = 0;
      this.activeBytes = 0;
      this.clean();
    }
    return offset;
  }

  /** Stores a row in the open chunk (and its entry in the index). */
  private storeRow(encoder: RowEncoder, key: Uint8Array | null, row: readonly unknown[], encoded: Uint8Array | undefined,
    timestamp: number, headers: Header[], size: number, offset: number, seq: number): void {
    let c = this.chunk;
    if (c === undefined || c.full || c.encoder !== encoder) this.chunk = c = new RowChunk(encoder, NO_HEADERS, this.strings, c?.full === true);
    this.index.push(c, c.count, offset, seq);
    c.push(key, row, encoded, timestamp, headers, size);
  }

  /** Stores a record of bytes in the open byte chunk (and its entry in the index). */
  private storeBytes(key: Uint8Array | null, value: Uint8Array | null, timestamp: number, headers: Header[], size: number,
    offset: number, seq: number): void {
    let c = this.byteChunk;
    if (c === undefined || c.full) this.byteChunk = c = new ByteChunk(NO_HEADERS, c?.full === true);
    this.index.push(c, c.count, offset, seq);
    c.push(key, value, timestamp, headers, size);
  }

  private timestampAt(i: number): number {
    const r = this.index.holder(i);
    return r instanceof RowChunk || r instanceof ByteChunk ? r.timestamp(this.index.place(i)) : r.timestamp;
  }

  /** Record i's size for retention.bytes and segment.bytes: its key, value and header bytes. */
  private sizeAt(i: number): number {
    const r = this.index.holder(i);
    return r instanceof RowChunk || r instanceof ByteChunk ? r.size(this.index.place(i)) : recordBytes(r);
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
    const n = this.index.length;
    let i = this.head;
    while (i < n && this.index.offset(i) < this.active && (this.timestampAt(i) < oldest || this.bytes > retentionBytes)) {
      this.bytes -= this.sizeAt(i);
      i++;
    }
    if (i === this.head) return;
    this.start = i < n ? this.index.offset(i) : this.next;
    this.head = i - this.index.dropBefore(i); // the dead prefix goes a block at a time
  }

  /**
   * Compacts the closed segments. Their surviving rows move to new chunks, so that a chunk of
   * thousands of compacted-away records is not kept alive by the few that stay.
   */
  private compact(): void {
    const to = this.indexOf(this.active);
    const closed: LogRecord[] = [];
    for (let i = this.head; i < to; i++) closed.push(this.record(i));
    const seqs: number[] = [];
    for (let i = this.head; i < to; i++) seqs.push(this.index.seq(i));
    const kept = compactRecords(closed, seqs, 0, closed.length, this.newest - this.cleanup.deleteRetentionMs);
    const index = newIndex();
    let c: RowChunk | undefined;
    let b: ByteChunk | undefined;
    kept.records.forEach((r, j) => {
      const seq = kept.seqs[j];
      if (r instanceof MemoryRowRecord) {
        if (c === undefined || c.full || c.encoder !== r.chunk.encoder) c = new RowChunk(r.chunk.encoder, NO_HEADERS, this.strings, c?.full === true);
        index.push(c, c.count, r.offset, seq);
        c.push(r.key, r.valueRow, r.chunk.encoded(r.place), r.timestamp, r.headers, r.chunk.size(r.place));
      } else if (r.valueRow === undefined) {
        if (b === undefined || b.full) b = new ByteChunk(NO_HEADERS, b?.full === true);
        index.push(b, b.count, r.offset, seq);
        b.push(r.key, r.value, r.timestamp, r.headers, recordBytes(r));
      } else {
        index.push(r, 0, r.offset, seq);
      }
    });
    const old = this.index;
    for (let i = to; i < old.length; i++) index.push(old.holder(i), old.place(i), old.offset(i), old.seq(i));
    this.index = index;
    this.head = 0;
    this.bytes = 0;
    for (let i = 0; i < index.length; i++) this.bytes += this.sizeAt(i);
    this.dirty = 0;
  }
}

/** A record object's size for retention.bytes and segment.bytes: its key, value and header bytes. */
function recordBytes(r: LogRecord): number {
  return (r.key?.length ?? 0) + (r.value?.length ?? 0) + headerBytes(r.headers);
}

function headerBytes(headers: readonly Header[]): number {
  let n = 0;
  for (const h of headers) n += h.key.length + (h.value?.length ?? 0);
  return n;
}
