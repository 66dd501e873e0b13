// The Avro schema ksqlDB registers for a source's key or value columns (AvroSchemas + Connect's
// AvroData): a record `io.confluent.ksql.avro_schemas.KsqlDataSourceSchema` whose fields are
// all ["null", T] with default null; nested records named <parent>_<FIELD>; logical types with
// Connect's attributes. A single unwrapped column is its bare type.
import type { Column } from '../../types/schema.js';
import type { SqlType } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';

export const KSQL_AVRO_NAMESPACE = 'io.confluent.ksql.avro_schemas';
export const DEFAULT_VALUE_SCHEMA_NAME = `${KSQL_AVRO_NAMESPACE}.KsqlDataSourceSchema`;

/** ksqlDB's key schema name for a source: OUTPUT → io.confluent.ksql.avro_schemas.OutputKey. */
export function keySchemaName(sourceName: string): string {
  const camel = sourceName.toLowerCase().split('_').filter((p) => p).map((p) => p[0].toUpperCase() + p.slice(1)).join('');
  return `${KSQL_AVRO_NAMESPACE}.${camel || 'Ksql'}Key`;
}

export interface AvroSchemaOptions {
  /** A single column written as its bare type (keys by default; values with WRAP_SINGLE_VALUE=false). */
  unwrapped: boolean;
  /** The record's full name (VALUE_SCHEMA_FULL_NAME); KsqlDataSourceSchema by default. */
  fullName?: string;
}

const AVRO_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function avroSchemaFromColumns(columns: readonly Column[], opts: AvroSchemaOptions): unknown {
  const name = opts.fullName ?? DEFAULT_VALUE_SCHEMA_NAME;
  if (opts.unwrapped && columns.length === 1) return avroType(columns[0].type, name, false);
  return record(columns.map((c) => ({ name: c.name, type: c.type })), name);
}

/** As text: what is registered, and what the serde parses. */
export function avroSchemaText(columns: readonly Column[], opts: AvroSchemaOptions): string {
  return JSON.stringify(avroSchemaFromColumns(columns, opts));
}

function checkName(name: string): void {
  if (AVRO_NAME.test(name)) return;
  const why = /^[A-Za-z_]/.test(name) ? `Illegal character in: ${name}` : `Illegal initial character: ${name}`;
  throw new SqlError('INVALID_STATEMENT', `Schema is not compatible with Avro: ${why}`);
}

function record(fields: { name: string; type: SqlType }[], fullName: string): unknown {
  const dot = fullName.lastIndexOf('.');
  const simple = dot < 0 ? fullName : fullName.slice(dot + 1);
  const out: Record<string, unknown> = { type: 'record', name: simple };
  if (dot >= 0) out.namespace = fullName.slice(0, dot);
  out.fields = fields.map((f) => {
    checkName(f.name);
    return { name: f.name, type: avroType(f.type, `${fullName}_${f.name}`, true), default: null };
  });
  out['connect.name'] = fullName;
  return out;
}

function connectLogical(type: string, connectName: string, logicalType: string, extra: Record<string, unknown> = {}): unknown {
  return { type, ...extra, 'connect.version': 1, 'connect.name': `org.apache.kafka.connect.data.${connectName}`, logicalType };
}

/** `t` as an Avro type; `nullable` makes it ["null", T] as Connect writes optional schemas. */
function avroType(t: SqlType, name: string, nullable: boolean): unknown {
  let a: unknown;
  switch (t.kind) {
    case 'BOOLEAN': a = 'boolean'; break;
    case 'INTEGER': a = 'int'; break;
    case 'BIGINT': a = 'long'; break;
    case 'DOUBLE': a = 'double'; break;
    case 'STRING': a = 'string'; break;
    case 'BYTES': a = 'bytes'; break;
    case 'DECIMAL':
      a = connectLogical('bytes', 'Decimal', 'decimal', {
        scale: t.scale, precision: t.precision,
        'connect.parameters': { scale: String(t.scale), 'connect.decimal.precision': String(t.precision) },
      });
      break;
    case 'DATE': a = connectLogical('int', 'Date', 'date'); break;
    case 'TIME': a = connectLogical('int', 'Time', 'time-millis'); break;
    case 'TIMESTAMP': a = connectLogical('long', 'Timestamp', 'timestamp-millis'); break;
    case 'ARRAY': a = { type: 'array', items: avroType(t.item, name, true) }; break;
    case 'MAP':
      if (t.key.kind !== 'STRING') throw new SqlError('INVALID_STATEMENT', 'Avro only supports MAPs with STRING keys');
      a = { type: 'map', values: avroType(t.value, `${name}_MapValue`, true) };
      break;
    case 'STRUCT': a = record(t.fields, name); break;
    default:
      throw new SqlError('INVALID_STATEMENT', `The 'AVRO' format does not support type '${t.kind}'`);
  }
  return nullable ? ['null', a] : a;
}
