// What statements do with the registry for PROTOBUF sources and sinks, before any record flows:
// infer columns from a subject's latest schema (or a schema id; VALUE_SCHEMA_FULL_NAME picks a
// message of it), and register the schema derived from columns under ksqlDB's subjects
// (<topic>-key / <topic>-value), so serializers know their schema id synchronously.
import type { Column } from '../../types/schema.js';
import type { FormatSpec } from '../serde.js';
import { prepareRegistryWrites, needsRegistry, type WritableSource } from '../registry/registry-writes.js';
import type { SchemaRegistry } from '../registry/schema-registry.js';
import { noSchemaError, registryError } from '../registry/registry-errors.js';
import { SqlError } from '../../types/sql-error.js';
import { subjectOf } from '../avro/avro-registration.js';
import { messageAt, pathOf } from './proto-model.js';
import { columnsFromProto } from './columns-from-proto.js';
import { protoSchemaText, type NullableRepresentation } from './proto-schema-from-columns.js';
import { protoSchemas } from './proto-schemas.js';

export interface InferredColumns { columns: Column[]; schemaId: number }

/**
 * The columns of a PROTOBUF source whose schema is in the registry: the schema `schemaId` when
 * given, else the latest under the topic's subject; its first message, or the one `fullName`
 * names. ksqlDB's error when there is none.
 */
export async function inferProtobufColumns(
  registry: SchemaRegistry, topic: string, isKey: boolean, opts: { schemaId?: number; fullName?: string } = {},
): Promise<InferredColumns> {
  const schemas = protoSchemas(registry);
  const missing = (): SqlError => noSchemaError(topic, isKey);
  let id: number;
  let file;
  try {
    if (opts.schemaId !== undefined) {
      id = opts.schemaId;
      file = await schemas.require(id);
    } else {
      const s = await schemas.cache.latest(subjectOf(topic, isKey));
      if (!s) throw missing();
      if (s.schemaType !== 'PROTOBUF') throw new SqlError('INVALID_STATEMENT', `The schema with id ${s.id} is a ${s.schemaType} schema, not PROTOBUF.`);
      id = s.id;
      file = await schemas.parse(s);
    }
  } catch (e) {
    throw registryError(e);
  }
  const path = opts.fullName ? pathOf(file, opts.fullName) : [0];
  const m = path && messageAt(file, path);
  if (!m) {
    if (opts.fullName) throw missing();
    throw new SqlError('INVALID_STATEMENT', `The schema with id ${id} has no message.`);
  }
  // As ksqlDB's QTT cases show: columns inferred from a subject's latest schema take upper-case
  // names (nested fields too); from a schema id they keep the schema's spelling.
  return { columns: columnsFromProto(m, { isKey, upperCase: opts.schemaId === undefined }), schemaId: id };
}

/** KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION of a spec (an option the lead adds to FormatOptions). */
export function nullableOf(spec: FormatSpec): NullableRepresentation | undefined {
  const v = (spec.options as { nullableRepresentation?: string } | undefined)?.nullableRepresentation?.toUpperCase();
  return v === 'OPTIONAL' || v === 'WRAPPER' ? v : undefined;
}

/** The text ksqlDB registers for `columns` in `spec`. */
export function protobufSchemaTextFor(columns: readonly Column[], spec: FormatSpec): string {
  return protoSchemaText(columns, { fullName: spec.options?.fullSchemaName, nullable: nullableOf(spec) });
}

/**
 * Registers the schema derived from `columns` under the topic's subject; its id. With
 * `ifAbsent` (CREATE STREAM/TABLE with columns, as ksqlDB) only when the subject has none yet.
 */
export async function registerProtobufSchema(
  registry: SchemaRegistry, topic: string, isKey: boolean, columns: readonly Column[], spec: FormatSpec, ifAbsent = false,
): Promise<number | undefined> {
  const cache = protoSchemas(registry).cache;
  const subject = subjectOf(topic, isKey);
  const text = protobufSchemaTextFor(columns, spec);
  try {
    if (ifAbsent && (await cache.latest(subject))) return undefined;
    return await cache.register(subject, { schemaType: 'PROTOBUF', schema: text });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new SqlError('INVALID_STATEMENT', `Could not register schema for topic: ${topic} (subject ${subject}): ${message}`, { cause: e });
  }
}

/** Fetches and parses the schema a KEY_/VALUE_SCHEMA_ID names, so serializers have it at hand. */
export async function loadProtobufSchemaId(registry: SchemaRegistry, id: number): Promise<void> {
  try {
    await protoSchemas(registry).require(id);
  } catch (e) {
    throw registryError(e);
  }
}

/**
 * Before writing a source's records from a statement (INSERT VALUES, COPY): its PROTOBUF key and
 * value schemas registered (or found) under its subjects; a schema id is fetched instead.
 */
export function prepareProtobufWrites(registry: SchemaRegistry | undefined, def: WritableSource): Promise<void> {
  return prepareRegistryWrites(registry, def, { format: 'PROTOBUF', load: loadProtobufSchemaId, register: registerProtobufSchema });
}

export function protobufNeedsRegistry(): SqlError {
  return needsRegistry('PROTOBUF');
}
