// CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (...)
import type { CreateSource, TableElement } from '../../grammar/ast.js';
import { formatStatement } from '../../grammar/printer.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import type { SourceDef } from '../plan/catalog.js';
import { type LogicalSchema, payloadColumns } from '../types/schema.js';
import type { FormatName } from '../format/serde.js';
import { parseWithProps, formatSpec, defaultWrap } from './with-properties.js';
import { sourceSchema } from './source-columns.js';
import { ensureTopic } from './topic-setup.js';
import { validateFormats } from './validate-formats.js';
import { SqlError } from '../types/sql-error.js';
import { timestampExtractor } from '../runtime/operators/timestamp-extractor.js';
import { checkSchemaIdFormat, inferColumns, registerSchemas } from './registry-schemas.js';
import { keySchemaName } from '../format/avro/avro-schema-from-columns.js';

export async function executeCreateSource(state: EngineState, s: CreateSource): Promise<StatementResult> {
  const kind = s.sourceType === 'STREAM' ? 'stream' : 'table';
  const existing = state.catalog.get(s.name);
  if (s.orReplace && s.readOnly) {
    throw new SqlError('INVALID_STATEMENT', `Cannot add ${kind} '${s.name}': CREATE OR REPLACE is not supported on source ${kind}s.`, { position: s.span });
  }
  if (existing) {
    if (s.ifNotExists) return { kind: 'message', statement: s.text, message: `Cannot add ${kind} ${s.name}: it already exists.` };
    if (!s.orReplace) {
      throw new SqlError('SOURCE_EXISTS', `Cannot add ${kind} '${s.name}': A ${existing.type.toLowerCase()} with the same name already exists`, { position: s.span });
    }
    if (existing.readOnly) {
      throw new SqlError('INVALID_STATEMENT', `Cannot add ${kind} '${s.name}': CREATE OR REPLACE is not supported on source ${kind}s.`, { position: s.span });
    }
  }
  const p = parseWithProps(s.properties);
  if (!p.topic) throw new SqlError('INVALID_PROPERTY', 'Missing required property "KAFKA_TOPIC" which has no default value.', { position: s.span });
  const defaultValue = state.properties['ksql.persistence.default.format.value'];
  const valueFormat = p.valueFormat ?? (defaultValue?.toUpperCase() as FormatName | undefined);
  if (!valueFormat) {
    throw new SqlError('INVALID_PROPERTY', "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.", { position: s.span });
  }
  // Registry formats fill in the columns a statement leaves out (schema inference).
  const declared = s.elements.some((e) => e.constraint === 'KEY' || e.constraint === 'PRIMARY KEY');
  const inferValue = (valueFormat === 'AVRO' || valueFormat === 'PROTOBUF' || valueFormat === 'JSON_SR') && !s.elements.some((e) => e.constraint === undefined);
  const inferKey = (p.keyFormat === 'AVRO' || p.keyFormat === 'PROTOBUF' || p.keyFormat === 'JSON_SR') && !declared;
  // As ksqlDB: a schema id names the columns, so the statement may not declare them too (a
  // replayed statement has both: its inferred columns were pinned to the schema read).
  if (p.valueSchemaId !== undefined && !state.replaying && s.elements.some((e) => e.constraint === undefined)) {
    throw new SqlError('INVALID_STATEMENT', 'Table elements and VALUE_SCHEMA_ID cannot both exist for create statement.', { position: s.span });
  }
  if (p.keySchemaId !== undefined && !state.replaying && declared) {
    throw new SqlError('INVALID_STATEMENT', 'Table elements and KEY_SCHEMA_ID cannot both exist for create statement.', { position: s.span });
  }
  let schema = sourceSchema(s, inferValue || inferKey);
  const valueSpec = formatSpec(valueFormat, p.valueDelimiter, p.wrapSingleValue, { schemaId: p.valueSchemaId, fullSchemaName: p.valueSchemaFullName, nullableRepresentation: p.valueNullableRepresentation });
  checkSchemaIdFormat(valueSpec, p.valueSchemaId, false);
  checkSchemaIdFormat(p.keyFormat ? formatSpec(p.keyFormat) : formatSpec('KAFKA'), p.keySchemaId, true);
  let pinned: string | undefined;
  if (inferValue || inferKey) {
    const keySpec = p.keyFormat ? formatSpec(p.keyFormat, undefined, undefined, { schemaId: p.keySchemaId, fullSchemaName: p.keySchemaFullName }) : undefined;
    const inferred = await inferColumns(state.schemaRegistry, p.topic, schema, inferKey ? keySpec : undefined, valueSpec);
    schema = inferred.schema;
    // Pinned to the schema ids read, so the source reads and writes as its columns say.
    p.valueSchemaId ??= inferred.valueSchemaId;
    p.keySchemaId ??= inferred.keySchemaId;
    pinned = pinnedStatement(s, schema, p.keySchemaId, p.valueSchemaId);
    if (s.sourceType === 'TABLE' && schema.key.length === 0) {
      throw new SqlError('INVALID_STATEMENT', 'Tables require a PRIMARY KEY. Please define the PRIMARY KEY.', { position: s.span });
    }
  }
  const keyFormat = p.keyFormat ?? (schema.key.length === 0 ? 'NONE'
    : (state.properties['ksql.persistence.default.format.key'] ?? 'KAFKA').toUpperCase() as FormatName);
  if (p.wrapSingleValue !== undefined && payloadColumns(schema.value).length !== 1) {
    throw new SqlError('INVALID_PROPERTY', "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas", { position: s.properties.WRAP_SINGLE_VALUE.span });
  }
  let window: SourceDef['window'];
  if (p.windowType) {
    if (p.windowType === 'SESSION' && p.windowSizeMs !== undefined) {
      throw new SqlError('INVALID_PROPERTY', "'WINDOW_SIZE' should not be set for SESSION windows.", { position: s.properties.WINDOW_SIZE?.span ?? s.span });
    }
    if (schema.key.length === 0) throw new SqlError('INVALID_STATEMENT', 'Windowed sources require a key column.', { position: s.span });
    if (p.windowType !== 'SESSION' && p.windowSizeMs === undefined) {
      throw new SqlError('INVALID_PROPERTY', `${p.windowType} windows require 'WINDOW_SIZE' to be provided in the WITH clause.`, { position: s.span });
    }
    window = { type: p.windowType, sizeMs: p.windowSizeMs ?? 0 };
  }
  const wrap = p.wrapSingleValue ?? defaultWrap(state.properties, valueFormat, payloadColumns(schema.value).length);
  const def: SourceDef = {
    name: s.name, type: s.sourceType, schema, topic: p.topic,
    keyFormat: formatSpec(keyFormat, p.keyDelimiter, undefined, {
      schemaId: p.keySchemaId, fullSchemaName: p.keySchemaFullName ?? (keyFormat === 'AVRO' ? keySchemaName(s.name) : undefined),
      nullableRepresentation: p.keyNullableRepresentation,
    }),
    valueFormat: formatSpec(valueFormat, p.valueDelimiter, wrap, {
      schemaId: p.valueSchemaId, fullSchemaName: p.valueSchemaFullName, nullableRepresentation: p.valueNullableRepresentation,
    }),
    timestampColumn: p.timestamp, timestampFormat: p.timestampFormat, window,
    sql: pinned ?? s.text, readOnly: s.readOnly,
  };
  validateFormats(def, state.schemaRegistry);
  if (def.timestampColumn) {
    timestampExtractor({ kind: 'source', sourceName: def.name, alias: def.name, topic: def.topic, keyFormat: def.keyFormat,
      valueFormat: def.valueFormat, schema, output: def.type, timestampColumn: def.timestampColumn, timestampFormat: def.timestampFormat });
  }
  // As ksqlDB: a source's schemas are registered only where its subjects have none yet.
  await registerSchemas(state.schemaRegistry, p.topic, schema, def.keyFormat, def.valueFormat, true);
  await ensureTopic(state.log, p.topic, p.partitions, p.replicas, p.retentionMs, s.sourceType === 'TABLE', true);
  state.catalog.add(def);
  return {
    kind: 'message', statement: s.text, message: `${s.sourceType === 'STREAM' ? 'Stream' : 'Table'} created`,
    ...(pinned !== undefined ? { commandSql: pinned } : {}),
  };
}

/**
 * The statement as it is stored when its columns came from the registry: with the columns and
 * the schema ids read, as ksqlDB stores it, so a replay (another instance, a restart) gets the
 * same columns even after the subject moved on.
 */
function pinnedStatement(s: CreateSource, schema: LogicalSchema, keySchemaId: number | undefined, valueSchemaId: number | undefined): string {
  const keyConstraint = s.sourceType === 'TABLE' ? 'PRIMARY KEY' : 'KEY';
  const elements: TableElement[] = [
    ...schema.key.map((c): TableElement => ({ name: c.name, type: c.type, constraint: keyConstraint, span: s.span })),
    ...payloadColumns(schema.value).map((c): TableElement => ({ name: c.name, type: c.type, span: s.span })),
    ...s.elements.filter((e) => e.constraint === 'HEADERS' || e.constraint === 'HEADER'),
  ];
  const properties = { ...s.properties };
  if (keySchemaId !== undefined) properties.KEY_SCHEMA_ID = { value: keySchemaId, span: s.span };
  if (valueSchemaId !== undefined) properties.VALUE_SCHEMA_ID = { value: valueSchemaId, span: s.span };
  return `${formatStatement({ ...s, elements, properties })};`;
}
