// Schema inference for JSON_SR: the SQL types ksqlDB gives a JSON Schema from the registry
// (Confluent's JsonSchemaData to a Connect schema, then ksqlDB's Connect-to-SQL mapping).
// integer is BIGINT unless "connect.type" says int8/int16/int32 (INTEGER); number is DOUBLE;
// "connect.type":"bytes" is BYTES (a string) or DECIMAL (a number titled Connect's Decimal);
// titles Date/Time/Timestamp make DATE/TIME/TIMESTAMP; an object is a STRUCT whose fields follow
// "connect.index" (else Java HashMap order), or a MAP<STRING, _> with "connect.type":"map";
// oneOf/anyOf of null and one type is that type; enums are STRING; local "$ref"s are followed.
import type { Column } from '../../types/schema.js';
import type { SqlType, StructField } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import { defaultHashMapOrder } from './java-hash-map-order.js';

type Node = Record<string, unknown>;

const CONNECT = 'org.apache.kafka.connect.data.';

function unsupported(why: string): SqlError {
  return new SqlError('INVALID_STATEMENT', `Unsupported JSON schema: ${why}`);
}

/** Parses registered schema text; a clear error when it is not a JSON Schema object. */
export function parseJsonSchema(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw unsupported(`it is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function columnsFromJsonSchema(text: string, opts: { isKey: boolean; unwrapped: boolean }): Column[] {
  const root = parseJsonSchema(text);
  const namespace = opts.isKey ? 'KEY' : 'VALUE';
  const type = new Converter(root).sqlType(root, 0);
  if (opts.isKey || opts.unwrapped) return [{ name: opts.isKey ? 'ROWKEY' : 'ROWVAL', type, namespace }];
  if (type.kind !== 'STRUCT') {
    throw new SqlError('INVALID_STATEMENT',
      'The value schema in the Schema Registry is not an object: set WRAP_SINGLE_VALUE=false to read it as a single column.');
  }
  return type.fields.map((f) => ({ name: f.name, type: f.type, namespace }));
}

/** The property names of an object schema in the order ksqlDB reads them as fields (undefined: not an object). */
export function objectFieldNames(text: string): string[] | undefined {
  const root = parseJsonSchema(text);
  try {
    const t = new Converter(root).sqlType(root, 0);
    return t.kind === 'STRUCT' ? t.fields.map((f) => f.name) : undefined;
  } catch {
    return undefined;
  }
}

class Converter {
  constructor(private readonly root: unknown) {}

  sqlType(s: unknown, depth: number): SqlType {
    if (depth > 100) throw unsupported('it is recursive or nests too deeply for SQL types');
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      throw unsupported(`${JSON.stringify(s)} is not a schema with a type`);
    }
    const n = s as Node;
    if (typeof n.$ref === 'string') return this.sqlType(this.resolve(n.$ref), depth + 1);
    const union = (n.oneOf ?? n.anyOf) as unknown;
    if (Array.isArray(union)) return this.union(union, depth);
    if (Array.isArray(n.allOf)) throw unsupported('allOf is not supported');
    if (Array.isArray(n.enum)) return { kind: 'STRING' };
    const type = n.type ?? inferredType(n);
    if (Array.isArray(type)) return this.union(type.map((t) => ({ ...n, type: t })), depth);
    switch (type) {
      case 'boolean': return { kind: 'BOOLEAN' };
      case 'integer': return numberType(n, 'integer');
      case 'number': return numberType(n, 'number');
      case 'string':
        if (n['connect.type'] === 'bytes') return n.title === CONNECT + 'Decimal' ? decimalType(n) : { kind: 'BYTES' };
        return { kind: 'STRING' };
      case 'array': return this.arrayType(n, depth);
      case 'object': return this.objectType(n, depth);
      case 'null': throw unsupported('type null has no SQL type');
      default: throw unsupported(`${JSON.stringify(s)} has no type`);
    }
  }

  /** oneOf/anyOf: null and one type is that type; more types are a struct of one field each (as Connect). */
  private union(branches: unknown[], depth: number): SqlType {
    const isNull = (b: unknown): boolean => typeof b === 'object' && b !== null && (b as Node).type === 'null';
    const rest = branches.filter((b) => !isNull(b));
    if (rest.length === 1 && branches.length === 2) return this.sqlType(rest[0], depth + 1);
    if (rest.length === 1 && branches.length === 1) return this.sqlType(rest[0], depth + 1);
    return {
      kind: 'STRUCT',
      fields: rest.map((b, i): StructField => ({ name: `io.confluent.connect.json.OneOf.field.${i}`, type: this.sqlType(b, depth + 1) })),
    };
  }

  private arrayType(n: Node, depth: number): SqlType {
    const items = n.items;
    if (Array.isArray(items)) throw unsupported('JSON tuples (i.e. arrays that contain items of different types) are not supported');
    if (items === undefined) throw unsupported('Array schema did not specify the items type');
    if (n['connect.type'] === 'map' && typeof items === 'object' && items !== null) {
      const props = ((items as Node).properties ?? {}) as Node;
      return { kind: 'MAP', key: this.sqlType(props.key, depth + 1), value: this.sqlType(props.value, depth + 1) };
    }
    return { kind: 'ARRAY', item: this.sqlType(items, depth + 1) };
  }

  private objectType(n: Node, depth: number): SqlType {
    if (n['connect.type'] === 'map') {
      return { kind: 'MAP', key: { kind: 'STRING' }, value: this.sqlType(n.additionalProperties, depth + 1) };
    }
    const props = (n.properties ?? {}) as Node;
    // As JsonSchemaData: fields by "connect.index"; one without takes the count so far, in the
    // order everit's HashMap iterates the properties.
    const byIndex = new Map<number, string>();
    for (const name of defaultHashMapOrder(Object.keys(props))) {
      const p = props[name] as Node | undefined;
      const index = typeof p?.['connect.index'] === 'number' ? p['connect.index'] : byIndex.size;
      byIndex.set(index, name);
    }
    const names = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    return { kind: 'STRUCT', fields: names.map((name) => ({ name, type: this.sqlType(props[name], depth + 1) })) };
  }

  /** A local reference ("#/definitions/X", "#/$defs/X"); others cannot be followed here. */
  private resolve(ref: string): unknown {
    if (!ref.startsWith('#')) throw unsupported(`the reference ${ref} is not local to the schema`);
    let at: unknown = this.root;
    for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      at = typeof at === 'object' && at !== null ? (at as Node)[part] : undefined;
      if (at === undefined) throw unsupported(`the reference ${ref} names nothing in the schema`);
    }
    return at;
  }
}

/** everit's type for a schema without "type": from the keywords it uses. */
function inferredType(n: Node): string | undefined {
  if ('properties' in n || 'additionalProperties' in n) return 'object';
  if ('items' in n) return 'array';
  return undefined;
}

function numberType(n: Node, type: 'integer' | 'number'): SqlType {
  const connectType = n['connect.type'];
  const title = n.title;
  switch (connectType) {
    case 'int8': case 'int16': case 'int32':
      if (title === CONNECT + 'Date') return { kind: 'DATE' };
      if (title === CONNECT + 'Time') return { kind: 'TIME' };
      return { kind: 'INTEGER' };
    case 'int64':
      return title === CONNECT + 'Timestamp' ? { kind: 'TIMESTAMP' } : { kind: 'BIGINT' };
    case 'float32': case 'float64': return { kind: 'DOUBLE' };
    case 'bytes': return title === CONNECT + 'Decimal' ? decimalType(n) : { kind: 'BYTES' };
    case undefined:
      if (type === 'integer') return title === CONNECT + 'Timestamp' ? { kind: 'TIMESTAMP' } : { kind: 'BIGINT' };
      return { kind: 'DOUBLE' };
    default: throw unsupported(`connect.type ${JSON.stringify(connectType)}`);
  }
}

function decimalType(n: Node): SqlType {
  const params = (n['connect.parameters'] ?? {}) as Record<string, unknown>;
  const scale = Number(params.scale);
  const precision = Number(params['connect.decimal.precision']);
  if (!Number.isInteger(scale) || !Number.isInteger(precision)) {
    throw unsupported('a Decimal needs "scale" and "connect.decimal.precision" in its "connect.parameters"');
  }
  return { kind: 'DECIMAL', precision, scale };
}
