// Rows of MemoryLog records stored by column; the partition knows each record's chunk and place
// in it. A million records kept as objects (the record, its row array, a box per number, a string
// per text value) were copied by every young collection until promoted, then marked by every full
// one: COPY of 1M readings spent as much CPU in collections as in its own work. Here a chunk of up
// to CHUNK_ROWS records is a few large arrays: numbers in a Float64Array, booleans in a
// Uint8Array, strings by reference (interned: string-interner.ts). A reader gets each record as a
// new object (memory-row-record.ts), which dies young, the cheap case for the collector.
//
// Only kept rows are stored here (see format/kept-rows.ts): every value is null or of its
// column's kind, numbers finite, so NaN is free to mean null in a number column.
import { KEPT_BOOLEAN, KEPT_STRING, type Header, type RowEncoder } from './log.js';
import type { StringInterner } from './string-interner.js';

const CHUNK_ROWS = 4096;
/**
 * A chunk's first capacity: it grows by 4x up to CHUNK_ROWS (a topic of a few records stays
 * small). The chunk after a full one starts full size: records are streaming in.
 */
const FIRST_ROWS = 16;

const NULL_BOOLEAN = 2;

type ColumnValues = Float64Array | Uint8Array | (string | null)[];

export class RowChunk {
  readonly encoder: RowEncoder;
  private n = 0;
  private cap: number;
  private timestamps: Float64Array;
  /** Key, value (estimated until encoded) and header bytes of each record, as the partition counted them. */
  private sizes: Int32Array;
  private readonly columns: ColumnValues[];
  /** Allocated at the first record with a key, headers, or bytes encoded (most chunks have none). */
  private keys: (Uint8Array | null)[] | undefined;
  private headers: Header[][] | undefined;
  private bytes: (Uint8Array | undefined)[] | undefined;

  /** `afterFull`: the partition's previous chunk filled up. */
  constructor(encoder: RowEncoder, private readonly noHeaders: Header[], private readonly strings: StringInterner, afterFull = false) {
    this.encoder = encoder;
    const cap = (this.cap = afterFull ? CHUNK_ROWS : FIRST_ROWS);
    this.timestamps = new Float64Array(cap);
    this.sizes = new Int32Array(cap);
    this.columns = Array.from(encoder.kinds, (k): ColumnValues => (k === KEPT_STRING ? new Array<string | null>(cap).fill(null)
      : k === KEPT_BOOLEAN ? new Uint8Array(cap) : new Float64Array(cap)));
  }

  /** Makes room for 4x the rows (at most CHUNK_ROWS). */
  private grow(): void {
    const cap = Math.min(this.cap * 4, CHUNK_ROWS);
    this.timestamps = grown(this.timestamps, cap);
    this.sizes = grown(this.sizes, cap);
    for (let j = 0; j < this.columns.length; j++) {
      const col = this.columns[j];
      this.columns[j] = Array.isArray(col) ? col.concat(new Array<string | null>(cap - col.length).fill(null)) : grown(col, cap);
    }
    if (this.keys !== undefined) this.keys = this.keys.concat(new Array<Uint8Array | null>(cap - this.cap).fill(null));
    if (this.headers !== undefined) this.headers = this.headers.concat(new Array<Header[]>(cap - this.cap).fill(this.noHeaders));
    if (this.bytes !== undefined) this.bytes = this.bytes.concat(new Array<Uint8Array | undefined>(cap - this.cap).fill(undefined));
    this.cap = cap;
  }

  get count(): number { return this.n; }

  get full(): boolean { return this.n === CHUNK_ROWS; }

  /** Stores a record at place `count`; the caller checks `full` first. */
  push(key: Uint8Array | null, row: readonly unknown[], encoded: Uint8Array | undefined, timestamp: number, headers: Header[], size: number): void {
    if (this.n === this.cap) this.grow();
    const k = this.n++;
    this.timestamps[k] = timestamp;
    this.sizes[k] = size;
    if (key !== null) (this.keys ??= new Array<Uint8Array | null>(this.cap).fill(null))[k] = key;
    if (headers !== this.noHeaders) (this.headers ??= new Array<Header[]>(this.cap).fill(this.noHeaders))[k] = headers;
    if (encoded !== undefined) (this.bytes ??= new Array<Uint8Array | undefined>(this.cap).fill(undefined))[k] = encoded;
    const kinds = this.encoder.kinds;
    for (let j = 0; j < kinds.length; j++) {
      const v = row[j];
      const col = this.columns[j];
      if (kinds[j] === KEPT_STRING) (col as (string | null)[])[k] = v === null ? null : this.strings.intern(j, v as string);
      else if (kinds[j] === KEPT_BOOLEAN) (col as Uint8Array)[k] = v === null ? NULL_BOOLEAN : v ? 1 : 0;
      else (col as Float64Array)[k] = v === null ? NaN : (v as number);
    }
  }

  timestamp(k: number): number { return this.timestamps[k]; }

  size(k: number): number { return this.sizes[k]; }

  key(k: number): Uint8Array | null { return this.keys === undefined ? null : this.keys[k]; }

  headersOf(k: number): Header[] { return this.headers === undefined ? this.noHeaders : this.headers[k]; }

  /** Record k's row, a new array (readers may keep it; none changes it). */
  row(k: number): unknown[] {
    const kinds = this.encoder.kinds;
    const out = new Array(kinds.length);
    for (let j = 0; j < kinds.length; j++) {
      const col = this.columns[j];
      if (kinds[j] === KEPT_STRING) out[j] = (col as (string | null)[])[k];
      else if (kinds[j] === KEPT_BOOLEAN) { const b = (col as Uint8Array)[k]; out[j] = b === NULL_BOOLEAN ? null : b === 1; }
      else { const v = (col as Float64Array)[k]; out[j] = v !== v ? null : v; }
    }
    return out;
  }

  /** Writes record k's row into out[at..] (a reader's own row: no array of its own). */
  fill(k: number, out: unknown[], at: number): void {
    const kinds = this.encoder.kinds;
    for (let j = 0; j < kinds.length; j++) {
      const col = this.columns[j];
      if (kinds[j] === KEPT_STRING) out[at + j] = (col as (string | null)[])[k];
      else if (kinds[j] === KEPT_BOOLEAN) { const b = (col as Uint8Array)[k]; out[at + j] = b === NULL_BOOLEAN ? null : b === 1; }
      else { const v = (col as Float64Array)[k]; out[at + j] = v !== v ? null : v; }
    }
  }

  /** Record k's value bytes if encoded already. */
  encoded(k: number): Uint8Array | undefined { return this.bytes === undefined ? undefined : this.bytes[k]; }

  /** Keeps record k's bytes once encoded, so that a second reader of bytes does not encode again. */
  keepEncoded(k: number, bytes: Uint8Array): void {
    (this.bytes ??= new Array<Uint8Array | undefined>(this.cap).fill(undefined))[k] = bytes;
  }
}

/** A copy of `a` with room for `cap` values (the chunks' columns as they grow). */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
