// A MemoryLog record stored by column (row-chunk.ts), as a reader gets it: a new object per read,
// whose row readers of the row's codec take. `value` is encoded the first time anything reads it
// and kept in the chunk, so later readers of bytes get the same bytes without encoding again. Its
// size for the partition's segment accounting is the encoder's estimate, fixed at the append (a
// topic with retention.bytes stores bytes instead, so that deletion by size stays exact).
import type { Header, LogRecord } from './log.js';
import type { RowChunk } from './row-chunk.js';

export class MemoryRowRecord implements LogRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly timestamp: number,
    /** Where the record is stored: its chunk and place in it. */
    readonly chunk: RowChunk,
    readonly place: number,
  ) {}

  get key(): Uint8Array | null { return this.chunk.key(this.place); }

  get headers(): Header[] { return this.chunk.headersOf(this.place); }

  /** A new array each time (a reader may keep it); copyValues fills a reader's own row instead. */
  get valueRow(): readonly unknown[] { return this.chunk.row(this.place); }

  copyValues(into: unknown[], at: number): void { this.chunk.fill(this.place, into, at); }

  get valueCodec(): number { return this.chunk.encoder.codec; }

  get value(): Uint8Array {
    let bytes = this.chunk.encoded(this.place);
    if (bytes === undefined) {
      bytes = this.chunk.encoder.encode(this.valueRow);
      this.chunk.keepEncoded(this.place, bytes);
    }
    return bytes;
  }

  /** Own-property view, for code that copies or prints records (spread does not call getters). */
  toJSON(): LogRecord {
    return {
      topic: this.topic, partition: this.partition, offset: this.offset, key: this.key, value: this.value,
      timestamp: this.timestamp, headers: this.headers, valueRow: this.valueRow, valueCodec: this.valueCodec,
    };
  }
}
