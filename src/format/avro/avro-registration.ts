// What statements do with the registry for AVRO sources and sinks, before any record flows:
// infer columns from a subject's latest schema (or a schema id), and register the schema
// derived from columns under ksqlDB's subject (<topic>-key / <topic>-value), so serializers
// know their schema id synchronously.
import type { Column } from '../../types/schema.js';
import type { SqlType } from '../../types/sql-type.js';
import type { FormatSpec } from '../serde.js';
import { prepareRegistryWrites, needsRegistry, type WritableSource } from '../registry/registry-writes.js';
import type { RegisteredSchema, SchemaRegistry, SchemaType } from '../registry/schema-registry.js';
import { noSchemaError, registryError } from '../registry/registry-errors.js';
import { SqlError } from '../../types/sql-error.js';
import { avroNode } from './avro-node.js';
import { avroSchemaText } from './avro-schema-from-columns.js';
import { columnsFromAvro } from './columns-from-avro.js';
import { schemaCache } from './schema-cache.js';

export function subjectOf(topic: string, isKey: boolean): string {
  return `${topic}-${isKey ? 'key' : 'value'}`;
}

/** A single key column is bare unless WRAP_SINGLE_VALUE=true; a single value column only when it is false. */
export function isUnwrapped(spec: FormatSpec, columnCount: number, isKey: boolean): boolean {
  const wrap = spec.options?.wrapSingleValue;
  return columnCount === 1 && (isKey ? wrap !== true : wrap === false);
}

/**
 * The registered schema a source reads its columns from: `schemaId` when given, else the latest
 * under the topic's subject; ksqlDB's error when there is none, and a clear one for another type.
 */
export async function sourceSchema(
  registry: SchemaRegistry, topic: string, isKey: boolean, schemaId: number | undefined, type: SchemaType, typeName: string,
): Promise<RegisteredSchema> {
  const cache = schemaCache(registry);
  let schema: RegisteredSchema | undefined;
  try {
    schema = schemaId !== undefined ? await cache.require(schemaId) : await cache.latest(subjectOf(topic, isKey));
  } catch (e) {
    throw registryError(e);
  }
  if (!schema) throw noSchemaError(topic, isKey);
  if (schema.schemaType !== type) {
    throw new SqlError('INVALID_STATEMENT', `The schema with id ${schema.id} is a ${schema.schemaType} schema, not ${typeName}.`);
  }
  return schema;
}

export interface InferredColumns { columns: Column[]; schemaId: number }

/**
 * The columns of a source whose schema is in the registry: the schema `schemaId` when given,
 * else the latest under the topic's subject. ksqlDB's error when there is none.
 */
export async function inferAvroColumns(
  registry: SchemaRegistry, topic: string, isKey: boolean, opts: { schemaId?: number; unwrapped: boolean },
): Promise<InferredColumns> {
  const schema = await sourceSchema(registry, topic, isKey, opts.schemaId, 'AVRO', 'AVRO');
  let node;
  try {
    node = avroNode(schema.schema);
  } catch (e) {
    throw registryError(e);
  }
  const columns = columnsFromAvro(node, { isKey, unwrapped: opts.unwrapped });
  // As ksqlDB: columns inferred from a subject's latest schema take upper-case names; from a
  // schema id they keep the schema's spelling (ksqlDB's QTT cases 'validate ... elements OK').
  if (opts.schemaId === undefined) for (const c of columns) { c.name = c.name.toUpperCase(); c.type = upperFields(c.type); }
  return { columns, schemaId: schema.id };
}

function upperFields(t: SqlType): SqlType {
  switch (t.kind) {
    case 'STRUCT': return { kind: 'STRUCT', fields: t.fields.map((f) => ({ name: f.name.toUpperCase(), type: upperFields(f.type) })) };
    case 'ARRAY': return { kind: 'ARRAY', item: upperFields(t.item) };
    case 'MAP': return { kind: 'MAP', key: t.key, value: upperFields(t.value) };
    default: return t;
  }
}

/**
 * Registers the schema derived from `columns` under the topic's subject; its id. With
 * `ifAbsent` (CREATE STREAM/TABLE with columns, as ksqlDB) only when the subject has none yet.
 * The registry refusing it (incompatible) is a SqlError with the registry's message.
 */
export async function registerAvroSchema(
  registry: SchemaRegistry, topic: string, isKey: boolean, columns: readonly Column[], spec: FormatSpec, ifAbsent = false,
): Promise<number | undefined> {
  const cache = schemaCache(registry);
  const subject = subjectOf(topic, isKey);
  const text = avroSchemaText(columns, { unwrapped: isUnwrapped(spec, columns.length, isKey), fullName: spec.options?.fullSchemaName });
  try {
    if (ifAbsent && (await cache.latest(subject))) return undefined;
    return await cache.register(subject, { schemaType: 'AVRO', schema: text });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new SqlError('INVALID_STATEMENT', `Could not register schema for topic: ${topic} (subject ${subject}): ${message}`, { cause: e });
  }
}

/** Fetches the schema a KEY_/VALUE_SCHEMA_ID names, so serializers have it at hand. */
export async function loadAvroSchemaId(registry: SchemaRegistry, id: number): Promise<void> {
  try {
    await schemaCache(registry).require(id);
  } catch (e) {
    throw registryError(e);
  }
}

/**
 * Before writing a source's records from a statement (INSERT VALUES, COPY): its AVRO key and
 * value schemas registered (or found) under its subjects, as Confluent's serializer
 * auto-registers; a schema id is fetched instead.
 */
export function prepareAvroWrites(registry: SchemaRegistry | undefined, def: WritableSource): Promise<void> {
  return prepareRegistryWrites(registry, def, { format: 'AVRO', load: loadAvroSchemaId, register: registerAvroSchema });
}

export function avroNeedsRegistry(): SqlError {
  return needsRegistry('AVRO');
}
