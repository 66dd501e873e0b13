// Records produced as bytes, stored by column in a MemoryLog partition (as row-chunk.ts stores
// rows): keys and values by reference, timestamps and sizes in typed arrays, headers only when a
// record has some. A record kept as an object of its own lived as long as the log: it was
// allocated in the old generation, with a write barrier for each young buffer stored into it
// (the append of a pre-encoded record was most of MemoryLog.produce). A reader gets each record
// as a new MemoryByteRecord, which dies young, the cheap case for the collector.
import type { Header, LogRecord } from './log.js';
import { grown } from './row-chunk.js';

const CHUNK_RECORDS = 4096;
/** A chunk's first capacity; it grows by 4x (see row-chunk.ts). */
const FIRST_RECORDS = 16;

export class ByteChunk {
  private n = 0;
  private cap: number;
  private keys: (Uint8Array | null)[];
  private values: (Uint8Array | null)[];
  private timestamps: Float64Array;
  private sizes: Int32Array;
  /** Allocated at the first record with headers (most chunks have none). */
  private headers: Header[][] | undefined;

  /** `afterFull`: the partition's previous chunk filled up (records are streaming in). */
  constructor(private readonly noHeaders: Header[], afterFull = false) {
    const cap = (this.cap = afterFull ? CHUNK_RECORDS : FIRST_RECORDS);
    this.keys = new Array<Uint8Array | null>(cap).fill(null);
    this.values = new Array<Uint8Array | null>(cap).fill(null);
    this.timestamps = new Float64Array(cap);
    this.sizes = new Int32Array(cap);
  }

  get count(): number { return this.n; }

  get full(): boolean { return this.n === CHUNK_RECORDS; }

  /** Stores a record at place `count`; the caller checks `full` first. */
  push(key: Uint8Array | null, value: Uint8Array | null, timestamp: number, headers: Header[], size: number): void {
    if (this.n === this.cap) this.grow();
    const k = this.n++;
    this.keys[k] = key;
    this.values[k] = value;
    this.timestamps[k] = timestamp;
    this.sizes[k] = size;
    if (headers !== this.noHeaders) (this.headers ??= new Array<Header[]>(this.cap).fill(this.noHeaders))[k] = headers;
  }

  private grow(): void {
    const cap = Math.min(this.cap * 4, CHUNK_RECORDS);
    this.keys = this.keys.concat(new Array<Uint8Array | null>(cap - this.cap).fill(null));
    this.values = this.values.concat(new Array<Uint8Array | null>(cap - this.cap).fill(null));
    this.timestamps = grown(this.timestamps, cap);
    this.sizes = grown(this.sizes, cap);
    if (this.headers !== undefined) this.headers = this.headers.concat(new Array<Header[]>(cap - this.cap).fill(this.noHeaders));
    this.cap = cap;
  }

  timestamp(k: number): number { return this.timestamps[k]; }

  size(k: number): number { return this.sizes[k]; }

  /** Record k as a reader gets it: a new object (readers may keep it; none changes it). */
  record(topic: string, partition: number, offset: number, k: number): LogRecord {
    return new MemoryByteRecord(topic, partition, offset, this.keys[k], this.values[k], this.timestamps[k],
      this.headers === undefined ? this.noHeaders : this.headers[k]);
  }
}

/** A record of a ByteChunk as a reader gets it. */
class MemoryByteRecord implements LogRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly key: Uint8Array | null,
    readonly value: Uint8Array | null,
    readonly timestamp: number,
    readonly headers: Header[],
  ) {}

  // Own fields, so every record a reader gets has one shape (a row record's kin have them too).
  readonly valueRow: undefined = undefined;
  readonly valueCodec: undefined = undefined;
}
