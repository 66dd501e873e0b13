// Coercion of parsed JSON into column values, as ksqlDB's KsqlJsonDeserializer (+ JsonSerdeUtils)
// does it: numbers and numeric strings cross over, booleans do not, DECIMAL from number or string,
// BYTES from base64, DATE/TIME/TIMESTAMP from integers, struct fields matched case-insensitively.
// Readers are built once per type; input is a JSON.parse tree (JS numbers) or a parseJsonExact
// tree (JsonNumber). Where a JS number has lost text that matters, a reader throws NEED_EXACT.
import { formatType, type SqlType, type StructField, unresolvedType } from '../types/sql-type.js';
import { JsonNumber } from './json-exact.js';
import {
  jacksonNumberText, javaParseDouble, javaParseInt, javaParseLong, parseBigDecimal, truncatedBits, truncatedLong,
} from '../values/java-number.js';
import { decodeBase64Jackson } from './base64.js';
import { fitDecimal } from './decimal-fit.js';
import { javaHashMapOrder } from '../values/java-hash-order.js';
import { FieldLookup } from './json-fields.js';
import { jacksonWriteTree, MISSING } from './json-text.js';
import { NEED_EXACT } from './json-signals.js';
import { long, type Long } from '../values/long.js';
import { atPath, Failure, snippet } from './serde-failure.js';

/** Reads one JSON value (undefined = absent field) into the runtime value of a type. */
export type JsonReader = (v: unknown) => unknown;

const TWO_53 = 2 ** 53;
const MS_PER_DAY = 86400000;

export function jsonReader(type: SqlType): JsonReader {
  switch (type.kind) {
    case 'BOOLEAN': return readBoolean;
    case 'INTEGER': return readInteger;
    case 'BIGINT': return readBigint;
    case 'DOUBLE': return readDouble;
    case 'STRING': return readString;
    case 'BYTES': return readBytes;
    case 'DATE': return readDate;
    case 'TIME': return readTime;
    case 'TIMESTAMP': return readTimestamp;
    case 'DECIMAL': return decimalReader(type.precision, type.scale);
    case 'ARRAY': return arrayReader(type);
    case 'MAP': return mapReader(type);
    case 'STRUCT': return structReader(type);
    case 'NULL': return () => null;
    case 'CUSTOM': return unresolvedType(type);
  }
}

/** Jackson's node class for a value, as ksqlDB names it in "sourceType: ..." messages. */
export function jacksonNodeName(v: unknown): string {
  if (v === null || v === undefined) return 'NullNode';
  if (v === MISSING) return 'MissingNode';
  if (typeof v === 'boolean') return 'BooleanNode';
  if (typeof v === 'string') return 'TextNode';
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) < 2 ** 31 ? 'IntNode' : 'LongNode') : 'DecimalNode';
  if (v instanceof JsonNumber) {
    if (!v.isInteger) return 'DecimalNode';
    const digits = v.text.length - (v.text.startsWith('-') ? 1 : 0);
    if (digits > 19) return 'BigIntegerNode';
    const n = BigInt(v.text);
    return n >= -(2n ** 31n) && n < 2n ** 31n ? 'IntNode' : n >= -(2n ** 63n) && n < 2n ** 63n ? 'LongNode' : 'BigIntegerNode';
  }
  if (Array.isArray(v)) return 'ArrayNode';
  return 'ObjectNode';
}

export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

function badText(v: unknown): string | undefined {
  if (typeof v === 'string') return snippet(v);
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof JsonNumber) return v.text;
  return undefined;
}

function cannotConvert(v: unknown, required: string): Failure {
  // A JS number has lost the text and node kind the message shows ("1.50", BigIntegerNode).
  if (typeof v === 'number') throw NEED_EXACT;
  return new Failure(`Can't convert type. sourceType: ${jacksonNodeName(v)}, requiredType: ${required}`, '', badText(v));
}

function cannotCoerceString(v: string, target: string): Failure {
  return new Failure(`Can't coerce string to type. targetType: ${target}`, '', snippet(v));
}

function readBoolean(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  throw cannotConvert(v, 'BOOLEAN');
}

/** NumericNode.asLong(): truncated toward zero, low 64 bits, exact (values/long.ts). */
function longOf(v: number | JsonNumber): Long {
  if (typeof v === 'number') {
    if (v >= TWO_53 || v <= -TWO_53) throw NEED_EXACT; // 2^53 itself may be a rounded 2^53 + 1
    return Math.trunc(v) + 0;
  }
  return truncatedLong(v.text);
}

function readInteger(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (v >= TWO_53 || v <= -TWO_53) throw NEED_EXACT; // 2^53 itself may be a rounded 2^53 + 1
    return v | 0; // intValue(): truncate, keep the low 32 bits
  }
  if (v instanceof JsonNumber) return truncatedBits(v.text, 32);
  if (typeof v === 'string') {
    const n = javaParseInt(v);
    if (n === null) throw cannotCoerceString(v, 'INTEGER');
    return n;
  }
  throw cannotConvert(v, 'INTEGER');
}

function readLongLike(v: unknown, target: string): Long | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || v instanceof JsonNumber) return longOf(v);
  if (typeof v === 'bigint') return long(v); // the flat reader's integer from 2^53 on (asLong: the low 64 bits)
  if (typeof v === 'string') {
    const n = javaParseLong(v);
    if (n === null) throw cannotCoerceString(v, target);
    return n;
  }
  throw cannotConvert(v, target);
}

function readBigint(v: unknown): unknown {
  return readLongLike(v, 'BIGINT');
}

/** A long-based time (ms, days) as a number: one beyond 2^53 is not a valid time anyway. */
function readTimeLong(v: unknown, target: string): number | null {
  const n = readLongLike(v, target);
  return n === null ? null : Number(n);
}

function readTimestamp(v: unknown): unknown {
  return readTimeLong(v, 'TIMESTAMP');
}

function readDate(v: unknown): unknown {
  const days = readTimeLong(v, 'DATE');
  return days === null ? null : days | 0; // stored as int epoch days on write
}

function readTime(v: unknown): unknown {
  const ms = readTimeLong(v, 'TIME');
  if (ms === null) return null;
  if (ms < 0 || ms > MS_PER_DAY) {
    throw new Failure(`Time values must use number of milliseconds greater than 0 and less than ${MS_PER_DAY}.`, '', String(ms));
  }
  return ms;
}

function readDouble(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v === 0 ? 0 : v; // Jackson never yields -0.0 from JSON numbers
  if (v instanceof JsonNumber) {
    const n = Number(v.text);
    return n === 0 ? 0 : n;
  }
  if (typeof v === 'string') {
    const n = javaParseDouble(v);
    if (n === null) throw cannotCoerceString(v, 'DOUBLE');
    return n;
  }
  throw cannotConvert(v, 'DOUBLE');
}

/** processString: text as is, numbers/booleans as Jackson prints them, arrays as "[a, b]", objects as JSON. */
function readString(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') throw NEED_EXACT; // "1.0" and "1" both parse to 1
  if (v instanceof JsonNumber) return jacksonNumberText(v.text);
  if (v === MISSING) return '';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      let s: unknown;
      try {
        s = readString(v[i]);
      } catch (e) {
        throw atPath(e, `[${i}]`);
      }
      out += (i > 0 ? ', ' : '') + (s === null ? 'null' : (s as string));
    }
    return out + ']';
  }
  return jacksonWriteTree(v);
}

function readBytes(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const bytes = decodeBase64Jackson(v);
    if (bytes === null) throw new Failure('Value is not a valid Base64 encoded string', '', snippet(v));
    return bytes;
  }
  throw cannotConvert(v, 'BYTES');
}

function decimalReader(precision: number, scale: number): JsonReader {
  const typeText = `DECIMAL(${precision}, ${scale})`;
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') throw NEED_EXACT;
    const text = v instanceof JsonNumber ? v.text : typeof v === 'string' ? v : undefined;
    if (text === undefined) throw cannotConvert(v, typeText);
    const d = parseBigDecimal(text);
    if (d === null) throw cannotCoerceString(text, typeText);
    try {
      return fitDecimal(d, precision, scale);
    } catch (e) {
      throw e instanceof Failure ? new Failure(e.message, e.path, snippet(text)) : e;
    }
  };
}

function arrayReader(type: Extract<SqlType, { kind: 'ARRAY' }>): JsonReader {
  const item = jsonReader(type.item);
  const typeText = formatType(type);
  return (v) => {
    if (v === null || v === undefined) return null;
    if (!Array.isArray(v)) throw cannotConvert(v, typeText);
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      try {
        out[i] = item(v[i]);
      } catch (e) {
        throw atPath(e, `[${i}]`);
      }
    }
    return out;
  };
}

/** JSON objects only (ksqlDB's JSON maps have STRING keys); entries in Java HashMap order. */
function mapReader(type: Extract<SqlType, { kind: 'MAP' }>): JsonReader {
  const value = jsonReader(type.value);
  const typeText = formatType(type);
  return (v) => {
    if (v === null || v === undefined) return null;
    if (!isJsonObject(v)) throw cannotConvert(v, typeText);
    const keys = Object.keys(v);
    const order = javaHashMapOrder(keys);
    const out = new Map<string, unknown>();
    for (let j = 0; j < keys.length; j++) {
      const k = keys[order === null ? j : order[j]];
      try {
        out.set(k, value(v[k]));
      } catch (e) {
        throw atPath(e, `.${k}.value`);
      }
    }
    return out;
  };
}

function structReader(type: Extract<SqlType, { kind: 'STRUCT' }>): JsonReader {
  const fields: readonly StructField[] = type.fields;
  const readers = fields.map((f) => jsonReader(f.type));
  const lookup = new FieldLookup(fields.map((f) => f.name));
  const typeText = formatType(type);
  const defineNeeded = fields.map((f) => f.name === '__proto__');
  return (v) => {
    if (v === null || v === undefined) return null;
    if (!isJsonObject(v)) throw cannotConvert(v, typeText);
    lookup.begin();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      let x: unknown;
      try {
        x = readers[i](lookup.get(v, i));
      } catch (e) {
        throw atPath(e, '.' + fields[i].name);
      }
      if (defineNeeded[i]) Object.defineProperty(out, fields[i].name, { value: x, enumerable: true, writable: true, configurable: true });
      else out[fields[i].name] = x;
    }
    return out;
  };
}
