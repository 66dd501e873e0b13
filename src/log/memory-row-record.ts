// A MemoryLog record stored as its row (from a RowRecord): readers of the row's codec take
// `valueRow`, and `value` is encoded the first time anything reads it, then kept. Its size for the
// partition's segment accounting is the encoder's estimate, fixed at the append (a topic with
// retention.bytes stores bytes instead, so that deletion by size stays exact).
import type { Header, LogRecord, RowEncoder } from './log.js';

export class MemoryRowRecord implements LogRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly key: Uint8Array | null,
    private bytes: Uint8Array | undefined,
    readonly timestamp: number,
    readonly headers: Header[],
    readonly valueRow: readonly unknown[],
    private readonly encoder: RowEncoder,
    /** Key, value (estimated until encoded) and header bytes, as the partition counted them. */
    readonly size: number,
  ) {}

  get valueCodec(): number { return this.encoder.codec; }

  get value(): Uint8Array {
    if (this.bytes === undefined) this.bytes = this.encoder.encode(this.valueRow);
    return this.bytes;
  }

  /** Own-property view, for code that copies or prints records (spread does not call getters). */
  toJSON(): LogRecord {
    return {
      topic: this.topic, partition: this.partition, offset: this.offset, key: this.key, value: this.value,
      timestamp: this.timestamp, headers: this.headers, valueRow: this.valueRow, valueCodec: this.valueCodec,
    };
  }
}
