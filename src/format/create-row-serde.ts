// Entry points: a serde for a key or value schema in a format, and the windowed-key wrapper.
// Creation fails (SqlError) for schemas the format cannot hold, as ksqlDB's statements fail.
import { type Column, isHeaderColumn } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import type { FormatSpec, RowSerde, WindowedKeySerde, WindowType } from './serde.js';
import { columnList, invalidProperty } from './format-errors.js';
import { delimiterChar, parseDelimiter } from './delimiter.js';
import { createJsonSerde } from './json-serde.js';
import { createDelimitedSerde } from './delimited-serde.js';
import { createKafkaSerde } from './kafka-serde.js';
import { VOID_SERDE } from './void-serde.js';
import { windowedKeySerde } from './windowed-key-serde.js';
import type { SchemaRegistry } from './registry/schema-registry.js';
import { createAvroSerde } from './avro/avro-serde.js';
import { avroNeedsRegistry, isUnwrapped } from './avro/avro-registration.js';
import { schemaCache } from './avro/schema-cache.js';
import { createJsonSrSerde } from './json-sr/json-sr-serde.js';
import { jsonSrNeedsRegistry } from './json-sr/json-sr-registration.js';
import { createProtobufSerde } from './protobuf/protobuf-serde.js';
import { protoSchemas } from './protobuf/proto-schemas.js';
import { protobufNeedsRegistry } from './protobuf/protobuf-registration.js';

/**
 * isKey: a key serde; registry: where registry formats (AVRO) find and name their schemas;
 * readColumns: the value columns the rows' reader uses (all when absent): JSON gives the others
 * as null, still checking them.
 */
export interface SerdeContext { isKey: boolean; registry?: SchemaRegistry; readColumns?: readonly boolean[] }

/**
 * `columns` are the serialized columns in row order (KEY or VALUE namespace, no header columns).
 * Wrapping: a single key column is written bare unless wrapSingleValue is true; a single value
 * column only when wrapSingleValue is false. KAFKA and DELIMITED ignore the option (see
 * validateFormatOptions for the statement-level checks).
 */
export function createRowSerde(spec: FormatSpec, columns: Column[], opts: SerdeContext): RowSerde {
  if (columns.some(isHeaderColumn)) return withHeaderColumns(spec, columns, opts);
  const { format } = spec;
  if (format !== 'AVRO' && format !== 'PROTOBUF' && spec.options?.fullSchemaName !== undefined) {
    throw invalidProperty(`${format} does not support the following configs: [fullSchemaName]`);
  }
  if (format !== 'DELIMITED' && spec.options?.delimiter !== undefined) {
    throw invalidProperty(`${format} does not support the following configs: [delimiter]`);
  }
  switch (format) {
    case 'NONE':
      if (columns.length > 0) {
        throw new SqlError('INVALID_STATEMENT',
          `The 'NONE' format can only be used when no columns are defined. Got: ${columnList(columns, opts.isKey)}`);
      }
      return VOID_SERDE;
    case 'KAFKA':
      return columns.length === 0 ? VOID_SERDE : createKafkaSerde(columns, opts.isKey);
    case 'JSON': {
      if (columns.length === 0 && opts.isKey) return VOID_SERDE;
      const wrap = spec.options?.wrapSingleValue;
      const unwrapped = columns.length === 1 && (opts.isKey ? wrap !== true : wrap === false);
      return createJsonSerde(columns, { isKey: opts.isKey, unwrapped, readColumns: opts.readColumns });
    }
    case 'DELIMITED': {
      const delimiter = delimiterChar(spec.options?.delimiter);
      if (columns.length === 0 && opts.isKey) return VOID_SERDE;
      return createDelimitedSerde(columns, delimiter, opts.isKey);
    }
    case 'AVRO': {
      if (columns.length === 0 && opts.isKey) return VOID_SERDE;
      if (!opts.registry) throw avroNeedsRegistry();
      return createAvroSerde(columns, {
        isKey: opts.isKey, unwrapped: isUnwrapped(spec, columns.length, opts.isKey), cache: schemaCache(opts.registry),
        schemaId: spec.options?.schemaId, fullName: spec.options?.fullSchemaName,
      });
    }
    case 'JSON_SR': {
      if (columns.length === 0 && opts.isKey) return VOID_SERDE;
      if (!opts.registry) throw jsonSrNeedsRegistry();
      return createJsonSrSerde(columns, {
        isKey: opts.isKey, unwrapped: isUnwrapped(spec, columns.length, opts.isKey), cache: schemaCache(opts.registry),
        schemaId: spec.options?.schemaId,
      });
    }
    case 'PROTOBUF': case 'PROTOBUF_NOSR': {
      if (columns.length === 0 && opts.isKey) return VOID_SERDE;
      if (!opts.isKey && spec.options?.wrapSingleValue === false) {
        throw invalidProperty(`Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to 'false'.`);
      }
      const schemas = format === 'PROTOBUF' ? protoSchemas(opts.registry ?? noRegistry()) : undefined;
      return createProtobufSerde(columns, {
        isKey: opts.isKey, schemas, schemaId: spec.options?.schemaId, fullName: spec.options?.fullSchemaName,
        nullable: spec.options?.nullableRepresentation,
      });
    }
    default:
      throw new SqlError('UNSUPPORTED', `The '${format}' format is not supported yet`);
  }
}

function noRegistry(): never {
  throw protobufNeedsRegistry();
}

/** The window of a windowed source: its type and, for TUMBLING/HOPPING, its size. */
export interface KeyWindow { type: WindowType; sizeMs?: number }

/**
 * TUMBLING/HOPPING keys store only the window start, so reading them needs the window size
 * (from `window.sizeMs` or `windowSizeMs`). Null or empty bytes read as a null row with a
 * {0, 0} window (Kafka Streams returns no key there).
 */
export function createWindowedKeySerde(
  spec: FormatSpec, columns: Column[], window: WindowType | KeyWindow, windowSizeMs?: number, registry?: SchemaRegistry,
): WindowedKeySerde {
  const type = typeof window === 'string' ? window : window.type;
  const size = typeof window === 'string' ? windowSizeMs : window.sizeMs ?? windowSizeMs;
  return windowedKeySerde(createRowSerde(spec, columns, { isKey: true, registry }), type, size);
}

/**
 * Statement checks on explicitly given WITH options, with ksqlDB's messages: WRAP_SINGLE_VALUE
 * only for single-column values and not true for KAFKA/DELIMITED; delimiters only for DELIMITED.
 */
export function validateFormatOptions(spec: FormatSpec, columnCount: number): void {
  const wrap = spec.options?.wrapSingleValue;
  if (wrap !== undefined) {
    if (wrap && (spec.format === 'KAFKA' || spec.format === 'DELIMITED')) {
      throw invalidProperty(`Format '${spec.format}' does not support 'WRAP_SINGLE_VALUE' set to 'true'.`);
    }
    if (!wrap && (spec.format === 'PROTOBUF' || spec.format === 'PROTOBUF_NOSR')) {
      throw invalidProperty(`Format '${spec.format}' does not support 'WRAP_SINGLE_VALUE' set to 'false'.`);
    }
    if (columnCount !== 1) throw invalidProperty("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
  }
  const fullName = spec.options?.fullSchemaName;
  if (fullName !== undefined) {
    if (spec.format !== 'AVRO' && spec.format !== 'PROTOBUF') throw invalidProperty(`${spec.format} does not support the following configs: [fullSchemaName]`);
    if (fullName.trim() === '') throw invalidProperty(`fullSchemaName cannot be empty. Format configuration: {fullSchemaName=${fullName}}`);
  }
  if (spec.options?.delimiter !== undefined) {
    if (spec.format !== 'DELIMITED') {
      throw invalidProperty(`${spec.format} does not support the following configs: [delimiter]`);
    }
    parseDelimiter(spec.options.delimiter);
  }
}

/**
 * A value schema with header columns (HEADERS, HEADER('k')): the format reads and writes the
 * other columns; rows keep every column in its place, the header columns null (the source fills
 * them from the record's headers).
 */
function withHeaderColumns(spec: FormatSpec, columns: Column[], opts: SerdeContext): RowSerde {
  const at: number[] = [];
  columns.forEach((c, i) => { if (!isHeaderColumn(c)) at.push(i); });
  const inner = createRowSerde(spec, at.map((i) => columns[i]), { ...opts, readColumns: opts.readColumns && at.map((i) => opts.readColumns![i]) });
  const payload = new Array<unknown>(at.length);
  const widen = (row: unknown[] | null): unknown[] | null => {
    if (row === null) return null;
    const out = new Array<unknown>(columns.length).fill(null);
    for (let j = 0; j < at.length; j++) out[at[j]] = row[j];
    return out;
  };
  return {
    serialize(row, topic) {
      if (row === null) return inner.serialize(null, topic);
      for (let j = 0; j < at.length; j++) payload[j] = row[at[j]];
      return inner.serialize(payload, topic);
    },
    deserialize: (bytes, topic) => widen(inner.deserialize(bytes, topic)),
    ...(inner.prefetch ? { prefetch: (bytes: Uint8Array | null) => inner.prefetch!(bytes) } : {}),
  };
}
