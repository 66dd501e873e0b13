// What statements do with the registry for JSON_SR sources and sinks, before any record flows (as
// avro-registration.ts does for AVRO): infer columns from a subject's latest JSON Schema (or a
// schema id), and register the schema derived from columns under ksqlDB's subjects
// (<topic>-key / <topic>-value, schema type JSON), so serializers know their id synchronously.
import type { Column } from '../../types/schema.js';
import type { FormatSpec } from '../serde.js';
import { prepareRegistryWrites, needsRegistry, type WritableSource } from '../registry/registry-writes.js';
import type { SchemaRegistry } from '../registry/schema-registry.js';
import { SqlError } from '../../types/sql-error.js';
import { isUnwrapped, sourceSchema, subjectOf, type InferredColumns } from '../avro/avro-registration.js';
import { registryError } from '../registry/registry-errors.js';
import { schemaCache } from '../avro/schema-cache.js';
import { jsonSchemaText } from './json-schema-from-columns.js';
import { columnsFromJsonSchema } from './columns-from-json-schema.js';

/**
 * The columns of a JSON_SR source whose schema is in the registry: the schema `schemaId` when
 * given, else the latest under the topic's subject. ksqlDB's error when there is none.
 */
export async function inferJsonSrColumns(
  registry: SchemaRegistry, topic: string, isKey: boolean, opts: { schemaId?: number; unwrapped: boolean },
): Promise<InferredColumns> {
  const schema = await sourceSchema(registry, topic, isKey, opts.schemaId, 'JSON', 'a JSON schema (JSON_SR)');
  const columns = columnsFromJsonSchema(schema.schema, { isKey, unwrapped: opts.unwrapped });
  // As ksqlDB (QTT 'validate ... elements OK - JSON_SR SCHEMA'): names from a subject's latest
  // schema are upper-cased; from a schema id they keep the schema's spelling.
  if (opts.schemaId === undefined) for (const c of columns) c.name = c.name.toUpperCase();
  return { columns, schemaId: schema.id };
}

/**
 * Registers the JSON Schema derived from `columns` under the topic's subject; its id. With
 * `ifAbsent` (CREATE STREAM/TABLE with columns, as ksqlDB) only when the subject has none yet.
 * The registry refusing it is a SqlError with the registry's message.
 */
export async function registerJsonSrSchema(
  registry: SchemaRegistry, topic: string, isKey: boolean, columns: readonly Column[], spec: FormatSpec, ifAbsent = false,
): Promise<number | undefined> {
  const cache = schemaCache(registry);
  const subject = subjectOf(topic, isKey);
  const text = jsonSchemaText(columns, { unwrapped: isUnwrapped(spec, columns.length, isKey) });
  try {
    if (ifAbsent && (await cache.latest(subject))) return undefined;
    return await cache.register(subject, { schemaType: 'JSON', schema: text });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new SqlError('INVALID_STATEMENT', `Could not register schema for topic: ${topic} (subject ${subject}): ${message}`, { cause: e });
  }
}

/** Fetches the schema a KEY_/VALUE_SCHEMA_ID names, so serializers have it at hand; it must be a JSON schema. */
export async function loadJsonSrSchemaId(registry: SchemaRegistry, id: number): Promise<void> {
  let s;
  try {
    s = await schemaCache(registry).require(id);
  } catch (e) {
    throw registryError(e);
  }
  if (s.schemaType !== 'JSON') {
    throw new SqlError('INVALID_STATEMENT', `The schema with id ${id} is a ${s.schemaType} schema, not a JSON schema (JSON_SR).`);
  }
}

/** The columns a registered JSON schema gives a sink writing with it (for ksqlDB's check of a sink's columns). */
export function jsonSrSchemaColumns(schemaText: string, isKey: boolean, unwrapped: boolean): Column[] {
  return columnsFromJsonSchema(schemaText, { isKey, unwrapped });
}

/**
 * Before writing a source's records from a statement (INSERT VALUES, COPY, INSERT INTO): its
 * JSON_SR key and value schemas registered (or found) under its subjects, as Confluent's
 * serializer auto-registers; a schema id is fetched instead.
 */
export function prepareJsonSrWrites(registry: SchemaRegistry | undefined, def: WritableSource): Promise<void> {
  return prepareRegistryWrites(registry, def, { format: 'JSON_SR', load: loadJsonSrSchemaId, register: registerJsonSrSchema });
}

export function jsonSrNeedsRegistry(): SqlError {
  return needsRegistry('JSON_SR');
}
