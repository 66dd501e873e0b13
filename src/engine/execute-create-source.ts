// CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (...)
import type { CreateSource } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import type { SourceDef } from './catalog.js';
import type { FormatName } from '../format/serde.js';
import { parseWithProps, formatSpec } from './with-properties.js';
import { sourceSchema } from './source-columns.js';
import { ensureTopic } from './topic-setup.js';
import { validateFormats } from './validate-formats.js';
import { SqlError } from '../types/sql-error.js';
import { timestampExtractor } from '../runtime/operators/timestamp-extractor.js';

export async function executeCreateSource(state: EngineState, s: CreateSource): Promise<StatementResult> {
  const kind = s.sourceType === 'STREAM' ? 'stream' : 'table';
  const existing = state.catalog.get(s.name);
  if (existing) {
    if (s.ifNotExists) return { kind: 'message', statement: s.text, message: `Cannot add ${kind} ${s.name}: it already exists.` };
    if (!s.orReplace) {
      throw new SqlError('SOURCE_EXISTS', `Cannot add ${kind} '${s.name}': A ${existing.type.toLowerCase()} with the same name already exists`, { position: s.span });
    }
    if (s.readOnly || existing.readOnly) {
      throw new SqlError('INVALID_STATEMENT', `Cannot add ${kind} '${s.name}': CREATE OR REPLACE is not supported on source ${kind}s.`, { position: s.span });
    }
  }
  const p = parseWithProps(s.properties);
  const schema = sourceSchema(s);
  if (!p.topic) throw new SqlError('INVALID_PROPERTY', 'Missing required property "KAFKA_TOPIC" which has no default value.', { position: s.span });
  const defaultValue = state.properties['ksql.persistence.default.format.value'];
  const valueFormat = p.valueFormat ?? (defaultValue?.toUpperCase() as FormatName | undefined);
  if (!valueFormat) {
    throw new SqlError('INVALID_PROPERTY', "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.", { position: s.span });
  }
  const keyFormat = p.keyFormat ?? (schema.key.length === 0 ? 'NONE'
    : (state.properties['ksql.persistence.default.format.key'] ?? 'KAFKA').toUpperCase() as FormatName);
  if (p.wrapSingleValue !== undefined && schema.value.length !== 1) {
    throw new SqlError('INVALID_PROPERTY', "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas", { position: s.properties.WRAP_SINGLE_VALUE.span });
  }
  let window: SourceDef['window'];
  if (p.windowType) {
    if (p.windowType !== 'SESSION' && p.windowSizeMs === undefined) {
      throw new SqlError('INVALID_PROPERTY', `${p.windowType} windows require 'WINDOW_SIZE' to be provided in the WITH clause.`, { position: s.span });
    }
    window = { type: p.windowType, sizeMs: p.windowSizeMs ?? 0 };
  }
  const def: SourceDef = {
    name: s.name, type: s.sourceType, schema, topic: p.topic,
    keyFormat: formatSpec(keyFormat, p.keyDelimiter),
    valueFormat: formatSpec(valueFormat, p.valueDelimiter, p.wrapSingleValue),
    timestampColumn: p.timestamp, timestampFormat: p.timestampFormat, window,
    sql: s.text, readOnly: s.readOnly,
  };
  validateFormats(def);
  if (def.timestampColumn) {
    timestampExtractor({ kind: 'source', sourceName: def.name, alias: def.name, topic: def.topic, keyFormat: def.keyFormat,
      valueFormat: def.valueFormat, schema, output: def.type, timestampColumn: def.timestampColumn, timestampFormat: def.timestampFormat });
  }
  await ensureTopic(state.log, p.topic, p.partitions, p.replicas, p.retentionMs, s.sourceType === 'TABLE', true);
  state.catalog.add(def);
  return { kind: 'message', statement: s.text, message: `${s.sourceType === 'STREAM' ? 'Stream' : 'Table'} created` };
}
