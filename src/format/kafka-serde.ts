// The KAFKA format: one column in Kafka's primitive serdes. INTEGER is a 4-byte big-endian int,
// BIGINT an 8-byte long, DOUBLE an 8-byte IEEE double, STRING UTF-8, BYTES raw. A null column
// writes null bytes. Other types, and more than one column, are refused as ksqlDB refuses them.
import { long } from '../values/long.js';
import type { Column } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import type { RowSerde } from './serde.js';
import { columnList, unsupportedType } from './format-errors.js';
import { javaLong } from '../values/java-number.js';
import { columnCountMismatch, deserializeError, Failure, jsTypeName, serializeError } from './serde-failure.js';
import { allocBytes, copyBytes, javaUtf8Bytes, view } from './bytes.js';
import { AsciiStrings, isAscii } from './ascii-strings.js';

// StringDeserializer is new String(bytes, UTF_8): malformed input becomes U+FFFD, a BOM stays.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

type Kind = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES';
const KINDS = new Set<string>(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);

/** For exactly one column (zero-column schemas use the void serde). */
export function createKafkaSerde(columns: readonly Column[], isKey: boolean): RowSerde {
  if (columns.length !== 1) {
    throw new SqlError('INVALID_STATEMENT', `The 'KAFKA' format only supports a single field. Got: ${columnList(columns, isKey)}`);
  }
  const type = columns[0].type;
  if (!KINDS.has(type.kind)) throw unsupportedType('KAFKA', type);
  return new KafkaRowSerde(type.kind as Kind, isKey ? 'key' : 'value');
}

/** SerdeUtils.safeCast's message, with Java's class names. */
function wrong(java: string, v: unknown): Failure {
  return new Failure(`value does not match expected type. expected: ${java}, but got: ${jsTypeName(v)}`);
}

class KafkaRowSerde implements RowSerde {
  /**
   * A STRING column's ASCII values, made once each; the cache (128 KB) only once something is
   * read (most serdes of a STRING key only write).
   */
  private stringsMade: AsciiStrings | undefined;

  constructor(private readonly kind: Kind, private readonly target: string) {}

  private get strings(): AsciiStrings { return (this.stringsMade ??= new AsciiStrings()); }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== 1) throw columnCountMismatch(1, row.length, true, topic);
      const v = row[0];
      if (v === null || v === undefined) return null;
      return this.encode(v);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  private encode(v: unknown): Uint8Array {
    switch (this.kind) {
      case 'INTEGER': {
        if (typeof v !== 'number') throw wrong('Integer', v);
        const out = allocBytes(4);
        out.writeInt32BE(v | 0);
        return view(out);
      }
      case 'BIGINT': {
        if (typeof v !== 'bigint' && (typeof v !== 'number' || !Number.isFinite(v))) throw wrong('Long', v);
        const out = allocBytes(8);
        out.writeBigInt64BE(javaLong(v));
        return view(out);
      }
      case 'DOUBLE': {
        if (typeof v !== 'number') throw wrong('Double', v);
        const out = allocBytes(8);
        out.writeDoubleBE(v);
        return view(out);
      }
      case 'STRING':
        if (typeof v !== 'string') throw wrong('String', v);
        return javaUtf8Bytes(v);
      case 'BYTES':
        if (!(v instanceof Uint8Array)) throw wrong('ByteBuffer', v);
        return copyBytes(v);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      return [this.decode(bytes)];
    } catch (e) {
      const f = e instanceof Failure ? new Failure(`Error deserializing KAFKA message: ${e.message}`) : e;
      throw deserializeError(this.target, topic, f);
    }
  }

  private decode(bytes: Uint8Array): unknown {
    switch (this.kind) {
      case 'INTEGER':
        if (bytes.length !== 4) throw new Failure(`Size of data received by IntegerDeserializer is not 4 (got ${bytes.length} bytes)`);
        return new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0);
      case 'BIGINT':
        if (bytes.length !== 8) throw new Failure(`Size of data received by LongDeserializer is not 8 (got ${bytes.length} bytes)`);
        return long(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0));
      case 'DOUBLE':
        if (bytes.length !== 8) throw new Failure(`Size of data received by DoubleDeserializer is not 8 (got ${bytes.length} bytes)`);
        return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0);
      case 'STRING':
        // Keys are mostly short ASCII ids: made once each (TextDecoder's call costs more than the text).
        return isAscii(bytes, 0, bytes.length) ? this.strings.get(bytes, 0, bytes.length) : UTF8.decode(bytes);
      case 'BYTES':
        return copyBytes(bytes); // the caller may reuse its buffer
    }
  }
}
