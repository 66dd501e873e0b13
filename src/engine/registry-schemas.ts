// CREATE statements and the schema registry (AVRO): columns a statement leaves out inferred
// from the registry; schemas of sources and sinks registered under ksqlDB's subjects before
// anything is created; a sink's VALUE_SCHEMA_ID checked against its columns.
import { type Column, type LogicalSchema, isHeaderColumn, payloadColumns } from '../types/schema.js';
import type { FormatSpec } from '../format/serde.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';
import { SqlError } from '../types/sql-error.js';
import { formatType } from '../types/sql-type.js';
import {
  avroNeedsRegistry, inferAvroColumns, isUnwrapped, loadAvroSchemaId, registerAvroSchema,
} from '../format/avro/avro-registration.js';
import { avroNode } from '../format/avro/avro-node.js';
import { columnsFromAvro } from '../format/avro/columns-from-avro.js';
import { schemaCache } from '../format/avro/schema-cache.js';
import {
  inferProtobufColumns, loadProtobufSchemaId, protobufNeedsRegistry, registerProtobufSchema,
} from '../format/protobuf/protobuf-registration.js';
import { protoSchemas } from '../format/protobuf/proto-schemas.js';
import { messageAt, pathOf } from '../format/protobuf/proto-model.js';
import { columnsFromProto } from '../format/protobuf/columns-from-proto.js';

import {
  inferJsonSrColumns, jsonSrNeedsRegistry, jsonSrSchemaColumns, loadJsonSrSchemaId, registerJsonSrSchema,
} from '../format/json-sr/json-sr-registration.js';

const SCHEMA_FORMATS = new Set(['AVRO', 'PROTOBUF', 'JSON_SR']);

/** ksqlDB's check: a schema id needs a format that reads schemas. */
export function checkSchemaIdFormat(spec: FormatSpec | undefined, id: number | undefined, isKey: boolean): void {
  if (id === undefined || !spec || SCHEMA_FORMATS.has(spec.format)) return;
  const prop = isKey ? 'KEY' : 'VALUE';
  throw new SqlError('INVALID_PROPERTY', `${prop}_FORMAT should support schema inference when ${prop}_SCHEMA_ID is provided. Current format is ${spec.format}.`);
}

/**
 * The declared schema with what the registry supplies: value columns when none are declared and
 * the value format is AVRO; key columns when none are declared, the key format is AVRO and the
 * registry has a key schema (or KEY_SCHEMA_ID names one). The ids used, to pin the source to them.
 */
export async function inferColumns(
  registry: SchemaRegistry | undefined, topic: string, declared: LogicalSchema,
  key: FormatSpec | undefined, value: FormatSpec,
): Promise<{ schema: LogicalSchema; keySchemaId?: number; valueSchemaId?: number }> {
  // Header columns are not in the value's schema: the registry's columns come first, then they.
  let { key: keyCols } = declared;
  let valueCols = payloadColumns(declared.value);
  const headerCols = declared.value.filter(isHeaderColumn);
  let keySchemaId: number | undefined;
  let valueSchemaId: number | undefined;
  if (value.format === 'PROTOBUF' && valueCols.length === 0) {
    if (!registry) throw protobufNeedsRegistry();
    const r = await inferProtobufColumns(registry, topic, false, { schemaId: value.options?.schemaId, fullName: value.options?.fullSchemaName });
    valueCols = r.columns;
    valueSchemaId = r.schemaId;
  }
  if (key?.format === 'PROTOBUF' && keyCols.length === 0) {
    if (!registry) throw protobufNeedsRegistry();
    const id = key.options?.schemaId;
    if (id !== undefined || (await schemaCache(registry).latest(`${topic}-key`))) {
      const r = await inferProtobufColumns(registry, topic, true, { schemaId: id, fullName: key.options?.fullSchemaName });
      keyCols = r.columns;
      keySchemaId = r.schemaId;
    }
  }
  if (value.format === 'JSON_SR' && valueCols.length === 0) {
    if (!registry) throw jsonSrNeedsRegistry();
    const r = await inferJsonSrColumns(registry, topic, false, { schemaId: value.options?.schemaId, unwrapped: value.options?.wrapSingleValue === false });
    valueCols = r.columns;
    valueSchemaId = r.schemaId;
  }
  if (key?.format === 'JSON_SR' && keyCols.length === 0) {
    if (!registry) throw jsonSrNeedsRegistry();
    const id = key.options?.schemaId;
    if (id !== undefined || (await schemaCache(registry).latest(`${topic}-key`))) {
      const r = await inferJsonSrColumns(registry, topic, true, { schemaId: id, unwrapped: true });
      keyCols = r.columns;
      keySchemaId = r.schemaId;
    }
  }
  if (value.format === 'AVRO' && valueCols.length === 0) {
    if (!registry) throw avroNeedsRegistry();
    const r = await inferAvroColumns(registry, topic, false, { schemaId: value.options?.schemaId, unwrapped: value.options?.wrapSingleValue === false });
    valueCols = r.columns;
    valueSchemaId = r.schemaId;
  }
  if (key?.format === 'AVRO' && keyCols.length === 0) {
    if (!registry) throw avroNeedsRegistry();
    const id = key.options?.schemaId;
    if (id !== undefined || (await schemaCache(registry).latest(`${topic}-key`))) {
      const r = await inferAvroColumns(registry, topic, true, { schemaId: id, unwrapped: true });
      keyCols = r.columns;
      keySchemaId = r.schemaId;
    }
  }
  const names = new Set(keyCols.map((c) => c.name));
  const dup = [...valueCols, ...headerCols].find((c) => names.has(c.name)) ?? headerCols.find((h) => valueCols.some((c) => c.name === h.name));
  if (dup) throw new SqlError('INVALID_STATEMENT', `Duplicate column names: ${dup.name}`);
  return { schema: { key: keyCols, value: [...valueCols, ...headerCols] }, keySchemaId, valueSchemaId };
}

/**
 * Registers the AVRO key and value schemas of a source or sink under <topic>-key / -value.
 * `ifAbsent` (CREATE with columns): only for subjects with no schema yet, as ksqlDB. A part with a
 * schema id is fetched and, for sinks, checked against the columns instead.
 */
export async function registerSchemas(
  registry: SchemaRegistry | undefined, topic: string, schema: LogicalSchema,
  keyFormat: FormatSpec, valueFormat: FormatSpec, ifAbsent: boolean,
): Promise<void> {
  const parts: [FormatSpec, Column[], boolean][] = [[keyFormat, schema.key, true], [valueFormat, payloadColumns(schema.value), false]];
  for (const [spec, cols, isKey] of parts) {
    if ((spec.format !== 'AVRO' && spec.format !== 'PROTOBUF' && spec.format !== 'JSON_SR') || (isKey && cols.length === 0)) continue;
    const id = spec.options?.schemaId;
    if (spec.format === 'JSON_SR') {
      if (!registry) throw jsonSrNeedsRegistry();
      if (id === undefined) await registerJsonSrSchema(registry, topic, isKey, cols, spec, ifAbsent);
      else {
        await loadJsonSrSchemaId(registry, id);
        if (!ifAbsent) checkColumns(cols, jsonSrSchemaColumns(schemaCache(registry).get(id)!.schema, isKey, isUnwrapped(spec, cols.length, isKey)), isKey);
      }
      continue;
    }
    if (spec.format === 'PROTOBUF') {
      if (!registry) throw protobufNeedsRegistry();
      if (id === undefined) await registerProtobufSchema(registry, topic, isKey, cols, spec, ifAbsent);
      else {
        await loadProtobufSchemaId(registry, id);
        if (!ifAbsent) checkAgainstProtobufSchemaId(registry, id, cols, spec, isKey);
      }
      continue;
    }
    if (!registry) throw avroNeedsRegistry();
    if (id === undefined) {
      await registerAvroSchema(registry, topic, isKey, cols, spec, ifAbsent);
      continue;
    }
    await loadAvroSchemaId(registry, id);
    if (!ifAbsent) checkAgainstSchemaId(registry, id, cols, spec, isKey);
  }
}

/** ksqlDB's check of a sink's columns against the columns of the registered schema it is to write with. */
function checkColumns(cols: Column[], fromRegistry: Column[], isKey: boolean): void {
  const text = (c: Column): string => `\`${c.name}\` ${formatType(c.type)}`;
  const bad = cols.filter((c, i) => fromRegistry[i] === undefined || text(fromRegistry[i]) !== text(c));
  if (bad.length === 0) return;
  throw new SqlError('INVALID_STATEMENT',
    `The following ${isKey ? 'key' : 'value'} columns are changed, missing or reordered: [${bad.map(text).join(', ')}]. Schema from schema registry is [${fromRegistry.map(text).join(', ')}]`);
}

/** ksqlDB's check of a sink's columns against the registered schema it is to write with. */
function checkAgainstSchemaId(registry: SchemaRegistry, id: number, cols: Column[], spec: FormatSpec, isKey: boolean): void {
  const s = schemaCache(registry).get(id)!;
  const fromRegistry = columnsFromAvro(avroNode(s.schema), { isKey, unwrapped: isUnwrapped(spec, cols.length, isKey) });
  const text = (c: Column): string => `\`${c.name}\` ${formatType(c.type)}`;
  const bad = cols.filter((c, i) => fromRegistry[i] === undefined || text(fromRegistry[i]) !== text(c));
  if (bad.length === 0) return;
  throw new SqlError('INVALID_STATEMENT',
    `The following ${isKey ? 'key' : 'value'} columns are changed, missing or reordered: [${bad.map(text).join(', ')}]. Schema from schema registry is [${fromRegistry.map(text).join(', ')}]`);
}

/** As checkAgainstSchemaId, for a PROTOBUF schema id (its message named by the full name, else its first). */
function checkAgainstProtobufSchemaId(registry: SchemaRegistry, id: number, cols: Column[], spec: FormatSpec, isKey: boolean): void {
  const file = protoSchemas(registry).get(id)!;
  const path = spec.options?.fullSchemaName ? pathOf(file, spec.options.fullSchemaName) : [0];
  const m = path && messageAt(file, path);
  if (!m) throw new SqlError('INVALID_STATEMENT', `The schema with id ${id} has no message ${spec.options?.fullSchemaName ?? ''}`);
  const fromRegistry = columnsFromProto(m, { isKey, upperCase: false });
  const text = (c: Column): string => `\`${c.name}\` ${formatType(c.type)}`;
  const same = (a: Column, b: Column): boolean => a.name.toUpperCase() === b.name.toUpperCase() && formatType(a.type) === formatType(b.type);
  const bad = cols.filter((c, i) => fromRegistry[i] === undefined || !same(fromRegistry[i], c));
  if (bad.length === 0) return;
  throw new SqlError('INVALID_STATEMENT',
    `The following ${isKey ? 'key' : 'value'} columns are changed, missing or reordered: [${bad.map(text).join(', ')}]. Schema from schema registry is [${fromRegistry.map(text).join(', ')}]`);
}
