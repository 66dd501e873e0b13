// The JSON Schema ksqlDB registers for a source's JSON_SR key or value columns: its Connect schema
// (every column and nested field optional) through Confluent's JsonSchemaData. The row is
// {"type":"object","properties":{...}}, each property {"oneOf":[{"type":"null"},T],
// "connect.index":i}; a single unwrapped column is its optional type. Connect types show in
// "connect.type" (int32, int64, float64, bytes, map) and logical types (Decimal, Date, Time,
// Timestamp) in "title"/"connect.version"/"connect.parameters".
//
// The text is laid out as Confluent's library prints it (everit: title, then the keyword's own
// properties, then unknown keywords; properties and unknown keywords in Java HashMap order), so a
// registry that compares schema text finds ksqlDB's schema and this one the same.
//
// One deliberate difference: ksqlDB's Connect maps have optional STRING keys, which JsonSchemaData
// turns into an array of {key, value} entries; ksqlDB cannot read those back (its map cases for
// JSON_SR are disabled, ksql#6049). Maps here are what JSON_SR readers expect: an object with
// "additionalProperties" and "connect.type":"map", written as a JSON object.
import type { Column } from '../../types/schema.js';
import { type SqlType, unresolvedType } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import { defaultHashMapOrder } from './java-hash-map-order.js';

/** A JSON object whose keys print in insertion order (integer-like names too). */
type Obj = Map<string, unknown>;

const CONNECT = 'org.apache.kafka.connect.data.';

export interface JsonSchemaOptions {
  /** A single column written as its bare (optional) type: keys by default, values with WRAP_SINGLE_VALUE=false. */
  unwrapped: boolean;
}

/** The schema text to register for these columns (what the serde writes under its id). */
export function jsonSchemaText(columns: readonly Column[], opts: JsonSchemaOptions): string {
  const schema = opts.unwrapped && columns.length === 1
    ? optional(columns[0].type, undefined)
    : object(columns.map((c) => ({ name: c.name, type: c.type })));
  return print(schema);
}

/** A schema with everit's layout: title, the keyword's own properties, then unknown keywords. */
function schema(title: string | undefined, own: [string, unknown][], unknown: [string, unknown][]): Obj {
  const out: Obj = new Map();
  if (title !== undefined) out.set('title', title);
  for (const [k, v] of own) out.set(k, v);
  const byKey = new Map(unknown);
  for (const k of defaultHashMapOrder([...byKey.keys()])) out.set(k, byKey.get(k));
  return out;
}

/** `t` as an optional Connect field: oneOf null or the type, with the field's index. */
function optional(t: SqlType, index: number | undefined): Obj {
  const extra: [string, unknown][] = index === undefined ? [] : [['connect.index', index]];
  return schema(undefined, [['oneOf', [schema(undefined, [['type', 'null']], []), required(t)]]], extra);
}

function object(fields: readonly { name: string; type: SqlType }[]): Obj {
  const props = new Map<string, Obj>();
  fields.forEach((f, i) => props.set(f.name, optional(f.type, i)));
  const ordered: Obj = new Map();
  for (const k of defaultHashMapOrder([...props.keys()])) ordered.set(k, props.get(k));
  return schema(undefined, [['type', 'object'], ['properties', ordered]], []);
}

function logical(name: string, type: string, connectType: string, params?: Obj): Obj {
  const unknown: [string, unknown][] = [['connect.version', 1], ['connect.type', connectType]];
  if (params) unknown.push(['connect.parameters', params]);
  return schema(CONNECT + name, [['type', type]], unknown);
}

function required(t: SqlType): Obj {
  switch (t.kind) {
    case 'BOOLEAN': return schema(undefined, [['type', 'boolean']], []);
    case 'INTEGER': return schema(undefined, [['type', 'integer']], [['connect.type', 'int32']]);
    case 'BIGINT': return schema(undefined, [['type', 'integer']], [['connect.type', 'int64']]);
    case 'DOUBLE': return schema(undefined, [['type', 'number']], [['connect.type', 'float64']]);
    case 'STRING': return schema(undefined, [['type', 'string']], []);
    case 'BYTES': return schema(undefined, [['type', 'string']], [['connect.type', 'bytes']]);
    case 'DECIMAL': {
      // Connect's Decimal parameters are a HashMap too.
      const params: Obj = new Map();
      const values: Record<string, string> = { scale: String(t.scale), 'connect.decimal.precision': String(t.precision) };
      for (const k of defaultHashMapOrder(Object.keys(values))) params.set(k, values[k]);
      return logical('Decimal', 'number', 'bytes', params);
    }
    case 'DATE': return logical('Date', 'integer', 'int32');
    case 'TIME': return logical('Time', 'integer', 'int32');
    case 'TIMESTAMP': return logical('Timestamp', 'integer', 'int64');
    case 'ARRAY': return schema(undefined, [['type', 'array'], ['items', optional(t.item, undefined)]], []);
    case 'MAP':
      if (t.key.kind !== 'STRING') throw new SqlError('INVALID_STATEMENT', 'JSON only supports MAP types with STRING keys');
      return schema(undefined, [['type', 'object'], ['additionalProperties', optional(t.value, undefined)]], [['connect.type', 'map']]);
    case 'STRUCT': return object(t.fields);
    case 'NULL':
      throw new SqlError('INVALID_STATEMENT', "The 'JSON_SR' format cannot hold a column of type NULL");
    case 'CUSTOM': return unresolvedType(t);
  }
}

/** Compact JSON of the ordered objects (as org.json prints it: no spaces). */
function print(v: unknown): string {
  if (v instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, x] of v as Obj) {
      out += (first ? '' : ',') + JSON.stringify(k) + ':' + print(x);
      first = false;
    }
    return out + '}';
  }
  if (Array.isArray(v)) return '[' + v.map(print).join(',') + ']';
  return JSON.stringify(v);
}
