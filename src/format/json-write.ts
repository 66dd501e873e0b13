// JSON text for column values as ksqlDB writes it (Kafka Connect's JsonConverter, schemas off,
// decimal.format=NUMERIC, then Jackson): DOUBLE as Java prints it (1.0, 1.0E7, "NaN" quoted),
// DECIMAL as BigDecimal.toString keeping the scale (1.50, 1E-7), BYTES base64, DATE/TIME/TIMESTAMP
// as integers, structs with every field in type order, nulls as null.
import { Decimal } from '../types/decimal.js';
import { formatType, type SqlType, unresolvedType } from '../types/sql-type.js';
import { encodeBase64 } from './base64.js';
import { bigDecimalToString, javaDoubleToString, javaLongText } from '../values/java-number.js';
import { jacksonQuote } from './json-text.js';
import { Failure, jsTypeName } from './serde-failure.js';

/** Writes one non-null value; containers write their null elements as `null`. */
export type JsonWriter = (v: unknown) => string;

export function jsonWriter(type: SqlType): JsonWriter {
  switch (type.kind) {
    case 'BOOLEAN': return writeBoolean;
    case 'INTEGER': case 'DATE': case 'TIME': return writeInt;
    case 'BIGINT': case 'TIMESTAMP': return writeLong;
    case 'DOUBLE': return writeDouble;
    case 'STRING': return writeString;
    case 'BYTES': return writeBytes;
    case 'DECIMAL': return writeDecimal;
    case 'ARRAY': return arrayWriter(type);
    case 'MAP': return mapWriter(type);
    case 'STRUCT': return structWriter(type);
    case 'NULL': return () => 'null';
    case 'CUSTOM': return unresolvedType(type);
  }
}

function wrongType(v: unknown, expected: string): Failure {
  return new Failure(`value does not match expected type. expected: ${expected}, but got: ${jsTypeName(v)}`);
}

function writeBoolean(v: unknown): string {
  if (typeof v !== 'boolean') throw wrongType(v, 'BOOLEAN');
  return v ? 'true' : 'false';
}

function writeInt(v: unknown): string {
  if (typeof v !== 'number') throw wrongType(v, 'INTEGER');
  return String(v | 0);
}

function writeLong(v: unknown): string {
  if (typeof v === 'bigint') return v.toString(); // past 2^53 (values/long.ts)
  if (typeof v !== 'number' || Number.isNaN(v)) throw wrongType(v, 'BIGINT');
  return javaLongText(v);
}

function writeDouble(v: unknown): string {
  if (typeof v !== 'number') throw wrongType(v, 'DOUBLE');
  const s = javaDoubleToString(v);
  return Number.isFinite(v) ? s : '"' + s + '"'; // Jackson quotes NaN and Infinity
}

function writeString(v: unknown): string {
  if (typeof v !== 'string') throw wrongType(v, 'STRING');
  return jacksonQuote(v);
}

function writeBytes(v: unknown): string {
  if (!(v instanceof Uint8Array)) throw wrongType(v, 'BYTES');
  return '"' + encodeBase64(v) + '"';
}

function writeDecimal(v: unknown): string {
  if (!(v instanceof Decimal)) throw wrongType(v, 'DECIMAL');
  const neg = v.unscaled < 0n;
  return bigDecimalToString(neg, (neg ? -v.unscaled : v.unscaled).toString(), v.scale);
}

function arrayWriter(type: Extract<SqlType, { kind: 'ARRAY' }>): JsonWriter {
  const item = jsonWriter(type.item);
  const typeText = formatType(type);
  return (v) => {
    if (!Array.isArray(v)) throw wrongType(v, typeText);
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out += (i > 0 ? ',' : '') + (x === null || x === undefined ? 'null' : item(x));
    }
    return out + ']';
  };
}

function mapWriter(type: Extract<SqlType, { kind: 'MAP' }>): JsonWriter {
  const value = jsonWriter(type.value);
  const typeText = formatType(type);
  return (v) => {
    if (!(v instanceof Map)) throw wrongType(v, typeText);
    let out = '{';
    let first = true;
    for (const [k, x] of v) {
      // A NULL key is written as the text null, as ksqlDB's JSON serializer writes it.
      if (typeof k !== 'string' && k !== null && k !== undefined) throw wrongType(k, 'STRING map key');
      out += (first ? '' : ',') + (typeof k === 'string' ? jacksonQuote(k) : '"null"') + ':' + (x === null || x === undefined ? 'null' : value(x));
      first = false;
    }
    return out + '}';
  };
}

function structWriter(type: Extract<SqlType, { kind: 'STRUCT' }>): JsonWriter {
  const names = type.fields.map((f) => f.name);
  const writers = type.fields.map((f) => jsonWriter(f.type));
  const prefixes = fieldPrefixes(names);
  const typeText = formatType(type);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrongType(v, typeText);
    const o = v as Record<string, unknown>;
    let out = '{';
    for (let i = 0; i < names.length; i++) {
      const x = Object.prototype.hasOwnProperty.call(o, names[i]) ? o[names[i]] : null;
      out += prefixes[i] + (x === null || x === undefined ? 'null' : writers[i](x));
    }
    return out + '}';
  };
}

/** `"NAME":` prefixes of a row object's columns, with the separating commas. */
export function fieldPrefixes(names: readonly string[]): string[] {
  return names.map((n, i) => (i > 0 ? ',' : '') + jacksonQuote(n) + ':');
}
