// A MemoryLog record stored as it was produced (bytes, not a row by column): one object, the same
// for every reader. Its fields are readonly (type-checked, not frozen at run time: freezing each
// record cost more than the rest of its append).
import type { Header, LogRecord } from './log.js';

export class MemoryRecord implements LogRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly key: Uint8Array | null,
    readonly value: Uint8Array | null,
    readonly timestamp: number,
    readonly headers: Header[],
    /** A row on a topic with retention.bytes: kept beside its bytes (see row-record.ts). */
    readonly valueRow: readonly unknown[] | undefined,
    readonly valueCodec: number | undefined,
  ) {}
}
