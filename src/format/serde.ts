// Serdes turn rows (arrays of column values in schema order) into record bytes and back,
// byte for byte as ksqlDB writes them.
import type { RowEncoder } from '../log/log.js';
import type { Column } from '../types/schema.js';

export type FormatName = 'JSON' | 'DELIMITED' | 'KAFKA' | 'NONE' | 'AVRO' | 'PROTOBUF' | 'PROTOBUF_NOSR' | 'JSON_SR';

export interface FormatOptions {
  /** WRAP_SINGLE_VALUE: false writes a single column as a bare value ('{"A":1}' vs '1'). */
  wrapSingleValue?: boolean;
  /** VALUE_DELIMITER / KEY_DELIMITER for DELIMITED: ',' by default; also 'TAB', 'SPACE'. */
  delimiter?: string;
  /** KEY_SCHEMA_ID / VALUE_SCHEMA_ID (registry formats): write with this registered schema. */
  schemaId?: number;
  /** KEY_SCHEMA_FULL_NAME / VALUE_SCHEMA_FULL_NAME: the full name of the derived Avro record. */
  fullSchemaName?: string;
  /** KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION: how PROTOBUF writes nullable fields. */
  nullableRepresentation?: 'OPTIONAL' | 'WRAPPER';
}

export interface FormatSpec { format: FormatName; options?: FormatOptions }

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

export interface WindowBounds { start: number; end: number }

export interface RowSerde {
  /** null row → null bytes (a tombstone or a null key). */
  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null;
  /** null bytes → null row. Throws SerdeError on malformed input. */
  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null;
  /**
   * As deserialize, but where it can, the row is `into` (one slot per column, every slot
   * written) instead of a new array: for a caller that reuses its arrays (shared-decode.ts).
   */
  deserializeInto?(bytes: Uint8Array | null, topic: string, into: unknown[]): unknown[] | null;
  /** As deserialize of bytes.subarray(start, end), where a format can read in place (JSON). */
  deserializeRange?(bytes: Uint8Array, start: number, end: number, topic: string): unknown[] | null;
  /**
   * Registry formats: what deserialize will need that is not at hand yet (the writer schema of
   * an id not seen before). A promise only then: the record loop awaits it before deserialize;
   * undefined (the usual case) costs nothing. The promise never rejects: a failed lookup makes
   * deserialize throw SerdeError, so the record goes to the processing log.
   */
  prefetch?(bytes: Uint8Array | null): Promise<void> | undefined;
  /**
   * Where decoding gives back exactly the row encoded (see kept-rows.ts): the codec id shared by
   * every serde reading and writing the same bytes, and the copy of a row to keep with its record
   * (undefined where a value would not come back the same).
   */
  readonly codec?: number;
  /** `inPlace`: the caller gives up `row`, which becomes the kept row (no copy) when it can be kept. */
  rowToKeep?(row: readonly unknown[], inPlace?: boolean): unknown[] | undefined;
  /** With a codec: encodes a kept row into the bytes serialize gives for it, when they are first read. */
  readonly rowEncoder?: RowEncoder;
}

/** Keys of windowed sources: the key row plus the window, as Kafka Streams' windowed serdes. */
export interface WindowedKeySerde {
  serialize(row: readonly unknown[] | null, window: WindowBounds, topic: string): Uint8Array | null;
  deserialize(bytes: Uint8Array | null, topic: string): { row: unknown[] | null; window: WindowBounds };
  /** As RowSerde.prefetch, for the key inside. */
  prefetch?(bytes: Uint8Array | null): Promise<void> | undefined;
}

/** A record that could not be (de)serialized: the message says what and where in the payload. */
export class SerdeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SerdeError';
  }
}

export type { Column };
