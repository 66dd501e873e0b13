// WITH (...) properties of CREATE statements: the known names, their types, and the formats
// they imply. Unknown names and bad values are user errors that name the property.
import type { Properties, PropertyValue } from '../../grammar/ast.js';
import type { FormatName, FormatSpec } from '../format/serde.js';
import { SqlError, type Position } from '../types/sql-error.js';
import { excerpt } from '../types/excerpt.js';
import { parseDelimiter } from '../format/index.js';

const SOURCE_PROPS = new Set([
  'KAFKA_TOPIC', 'VALUE_FORMAT', 'KEY_FORMAT', 'FORMAT', 'PARTITIONS', 'REPLICAS', 'TIMESTAMP',
  'TIMESTAMP_FORMAT', 'WRAP_SINGLE_VALUE', 'VALUE_DELIMITER', 'KEY_DELIMITER', 'RETENTION_MS',
  'WINDOW_TYPE', 'WINDOW_SIZE', 'KEY_SCHEMA_ID', 'VALUE_SCHEMA_ID', 'KEY_SCHEMA_FULL_NAME',
  'VALUE_SCHEMA_FULL_NAME', 'VALUE_AVRO_SCHEMA_FULL_NAME', 'KEY_PROTOBUF_NULLABLE_REPRESENTATION',
  'VALUE_PROTOBUF_NULLABLE_REPRESENTATION', 'CLEANUP_POLICY', 'SOURCED_BY_CONNECTOR',
]);

const FORMATS = new Set<string>(['JSON', 'DELIMITED', 'KAFKA', 'NONE', 'AVRO', 'PROTOBUF', 'PROTOBUF_NOSR', 'JSON_SR']);
const SR_FORMATS = new Set<string>([]);

export interface WithProps {
  topic?: string;
  keyFormat?: FormatName;
  valueFormat?: FormatName;
  partitions?: number;
  replicas?: number;
  timestamp?: string;
  timestampFormat?: string;
  wrapSingleValue?: boolean;
  valueDelimiter?: string;
  keyDelimiter?: string;
  retentionMs?: number;
  windowType?: 'TUMBLING' | 'HOPPING' | 'SESSION';
  windowSizeMs?: number;
  /** KEY_SCHEMA_ID / VALUE_SCHEMA_ID: a registered schema to read columns from and write with. */
  keySchemaId?: number;
  valueSchemaId?: number;
  /** KEY_SCHEMA_FULL_NAME / VALUE_SCHEMA_FULL_NAME (VALUE_AVRO_SCHEMA_FULL_NAME). */
  keySchemaFullName?: string;
  valueSchemaFullName?: string;
  /** KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION. */
  keyNullableRepresentation?: 'OPTIONAL' | 'WRAPPER';
  valueNullableRepresentation?: 'OPTIONAL' | 'WRAPPER';
}

function str(p: PropertyValue, name: string): string {
  if (typeof p.value !== 'string') throw bad(name, p, 'a string');
  return p.value;
}
function num(p: PropertyValue, name: string): number {
  const n = typeof p.value === 'number' ? p.value : typeof p.value === 'string' ? Number(p.value) : NaN;
  if (!Number.isFinite(n)) throw bad(name, p, 'a number');
  return n;
}
function bool(p: PropertyValue, name: string): boolean {
  if (typeof p.value === 'boolean') return p.value;
  if (typeof p.value === 'string' && /^(true|false)$/i.test(p.value)) return p.value.toLowerCase() === 'true';
  throw bad(name, p, 'true or false');
}
function bad(name: string, p: PropertyValue, what: string): SqlError {
  return new SqlError('INVALID_PROPERTY', `Invalid value for property ${name}: ${excerpt(JSON.stringify(p.value))}: expected ${what}.`, { position: p.span });
}
/** Kafka's rule for topic names (checked before anything is created, at the property's place). */
const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_NAME = 249;

/** `topic` when Kafka accepts it as a topic name; an INVALID_PROPERTY error at `position` if not. */
export function checkTopicName(topic: string, position: Position): string {
  const problem = topic.length === 0 ? 'is empty'
    : topic === '.' || topic === '..' ? `cannot be '.' or '..'`
      : topic.length > MAX_TOPIC_NAME ? `is ${topic.length} characters long, over Kafka's limit of ${MAX_TOPIC_NAME}`
        : !TOPIC_NAME.test(topic) ? "contains a character other than ASCII letters, digits, '.', '_' and '-'" : '';
  if (problem) {
    throw new SqlError('INVALID_PROPERTY', `Topic name '${excerpt(topic, 60)}' is illegal: it ${problem}.`,
      { position: { line: position.line, column: position.column, offset: position.offset } });
  }
  return topic;
}

/** More partitions than any real topic has; a typo would otherwise make a huge in-memory topic. */
const MAX_PARTITIONS = 100_000;

function partitions(p: PropertyValue, name: string): number {
  const n = num(p, name);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTITIONS) throw bad(name, p, `a whole number from 1 to ${MAX_PARTITIONS}`);
  return n;
}

/** A replication factor, or -1 for the broker's default (as Kafka's admin API takes it). */
function replicas(p: PropertyValue, name: string): number {
  const n = num(p, name);
  if (!Number.isInteger(n) || (n < 1 && n !== -1) || n > 32767) throw bad(name, p, 'a whole number from 1 to 32767, or -1 for the broker default');
  return n;
}

function format(p: PropertyValue, name: string): FormatName {
  const f = str(p, name).toUpperCase();
  if (!FORMATS.has(f)) throw new SqlError('INVALID_PROPERTY', `Unknown format: ${f}`, { position: p.span });
  if (SR_FORMATS.has(f)) {
    throw new SqlError('UNSUPPORTED', `The ${f} format needs a Schema Registry, which Eddy does not support yet.`, { position: p.span });
  }
  return f as FormatName;
}

function schemaId(p: PropertyValue, name: string): number {
  const n = num(p, name);
  if (!Number.isInteger(n) || n < 0 || n > 2147483647) throw bad(name, p, 'a schema id (a whole number)');
  return n;
}

function nullableRepresentation(p: PropertyValue, name: string): 'OPTIONAL' | 'WRAPPER' {
  const v = str(p, name).toUpperCase();
  if (v !== 'OPTIONAL' && v !== 'WRAPPER') throw bad(name, p, "'OPTIONAL' or 'WRAPPER'");
  return v;
}

function delimiter(p: PropertyValue, name: string): string {
  const d = str(p, name);
  try {
    parseDelimiter(d);
  } catch (e) {
    throw new SqlError('INVALID_PROPERTY', `Configuration ${name} is invalid: ${(e as Error).message}`, { position: p.span });
  }
  return d;
}

export function parseWithProps(props: Properties): WithProps {
  const out: WithProps = {};
  const unknown = Object.keys(props).filter((k) => !SOURCE_PROPS.has(k));
  if (unknown.length > 0) {
    throw new SqlError('INVALID_PROPERTY', `Invalid config variable(s) in the WITH clause: ${unknown.join(',')}`, { position: props[unknown[0]].span });
  }
  for (const [k, p] of Object.entries(props)) {
    switch (k) {
      case 'KAFKA_TOPIC': out.topic = checkTopicName(str(p, k), p.span); break;
      case 'VALUE_FORMAT': out.valueFormat = format(p, k); break;
      case 'KEY_FORMAT': out.keyFormat = format(p, k); break;
      case 'FORMAT': {
        if (props.KEY_FORMAT || props.VALUE_FORMAT) {
          throw new SqlError('INVALID_PROPERTY', 'Cannot supply both \'VALUE_FORMAT\' and \'FORMAT\' properties, as \'FORMAT\' sets both key and value formats. Either use just \'FORMAT\', or use \'KEY_FORMAT\' and \'VALUE_FORMAT\'.', { position: p.span });
        }
        const f = format(p, k);
        out.keyFormat = f; out.valueFormat = f;
        break;
      }
      case 'PARTITIONS': out.partitions = partitions(p, k); break;
      case 'REPLICAS': out.replicas = replicas(p, k); break;
      case 'TIMESTAMP': out.timestamp = str(p, k).toUpperCase(); break;
      case 'TIMESTAMP_FORMAT': out.timestampFormat = str(p, k); break;
      case 'WRAP_SINGLE_VALUE': out.wrapSingleValue = bool(p, k); break;
      case 'VALUE_DELIMITER': out.valueDelimiter = delimiter(p, k); break;
      case 'KEY_DELIMITER': out.keyDelimiter = delimiter(p, k); break;
      case 'RETENTION_MS': out.retentionMs = num(p, k); break;
      case 'WINDOW_TYPE': {
        const w = str(p, k).toUpperCase();
        if (w !== 'TUMBLING' && w !== 'HOPPING' && w !== 'SESSION') throw bad(k, p, 'TUMBLING, HOPPING or SESSION');
        out.windowType = w;
        break;
      }
      case 'WINDOW_SIZE': out.windowSizeMs = parseDurationText(str(p, k), p); break;
      case 'KEY_SCHEMA_ID': out.keySchemaId = schemaId(p, k); break;
      case 'VALUE_SCHEMA_ID': out.valueSchemaId = schemaId(p, k); break;
      case 'KEY_SCHEMA_FULL_NAME': out.keySchemaFullName = str(p, k); break;
      case 'VALUE_SCHEMA_FULL_NAME': case 'VALUE_AVRO_SCHEMA_FULL_NAME': out.valueSchemaFullName = str(p, k); break;
      case 'KEY_PROTOBUF_NULLABLE_REPRESENTATION': out.keyNullableRepresentation = nullableRepresentation(p, k); break;
      case 'VALUE_PROTOBUF_NULLABLE_REPRESENTATION': out.valueNullableRepresentation = nullableRepresentation(p, k); break;
      default:
        throw new SqlError('UNSUPPORTED', `The ${k} property needs a Schema Registry, which Eddy does not support yet.`, { position: p.span });
    }
  }
  return out;
}

const UNITS: Record<string, number> = {
  MILLISECOND: 1, MILLISECONDS: 1, SECOND: 1000, SECONDS: 1000, MINUTE: 60000, MINUTES: 60000,
  HOUR: 3600000, HOURS: 3600000, DAY: 86400000, DAYS: 86400000,
};

/** '10 SECONDS' → 10000. */
export function parseDurationText(text: string, p: PropertyValue): number {
  const m = /^\s*(\d+)\s+([A-Za-z]+)\s*$/.exec(text);
  const unit = m ? UNITS[m[2].toUpperCase()] : undefined;
  if (!m || unit === undefined) throw bad('WINDOW_SIZE', p, "a duration such as '10 SECONDS'");
  return Number(m[1]) * unit;
}

/**
 * WRAP_SINGLE_VALUE when a statement leaves it out: false under the config
 * `ksql.persistence.wrap.single.values=false` for a one-column value in a format that can write
 * a bare value (JSON, AVRO, JSON_SR), as ksqlDB; else the format's default.
 */
export function defaultWrap(properties: Record<string, string | undefined>, format: FormatName, valueColumns: number): boolean | undefined {
  if (valueColumns !== 1 || properties['ksql.persistence.wrap.single.values']?.toLowerCase() !== 'false') return undefined;
  return format === 'JSON' || format === 'AVRO' || format === 'JSON_SR' ? false : undefined;
}

export function formatSpec(
  format: FormatName, delimiter?: string, wrapSingleValue?: boolean,
  schema?: { schemaId?: number; fullSchemaName?: string; nullableRepresentation?: 'OPTIONAL' | 'WRAPPER' },
): FormatSpec {
  const options: FormatSpec['options'] = {};
  if (delimiter !== undefined) options.delimiter = delimiter;
  if (wrapSingleValue !== undefined) options.wrapSingleValue = wrapSingleValue;
  if (schema?.schemaId !== undefined) options.schemaId = schema.schemaId;
  if (schema?.fullSchemaName !== undefined) options.fullSchemaName = schema.fullSchemaName;
  if (schema?.nullableRepresentation !== undefined) options.nullableRepresentation = schema.nullableRepresentation;
  return Object.keys(options).length ? { format, options } : { format };
}
