// CAST at run time: a converter per (from, to) pair, built once. Conversions follow ksqlDB's
// CastEvaluator and DecimalUtil exactly: Java int/long narrowing, HALF_UP decimal rounding with
// overflow errors, lenient booleans, ISO temporal strings, element-wise collections.
import type { SqlType } from '../types/sql-type.js';
import { typesEqual } from '../types/sql-type.js';
import type { Decimal } from '../types/decimal.js';
import { SqlError } from '../types/sql-error.js';
import { EvaluationError } from './evaluation-error.js';
import { isCastSupported, unsupportedCastMessage } from './cast-rules.js';
import { javaDoubleToString, javaParseDouble } from './java-double.js';
import { javaParseInt, javaParseLong, parseBooleanLenient } from './java-parse.js';
import {
  castDecimal, decimalFromDouble, decimalFromInteger, decimalFromString, decimalToInt, decimalToLong,
} from './decimal-math.js';
import { parseDate, parseTime, parseTimestamp, timestampToDate, timestampToTime } from './sql-time.js';
import { javaToString, valueToString } from './value-to-string.js';
import { MS_PER_DAY } from './civil-time.js';
import { long, type Long } from './long.js';

export type Caster = (v: unknown) => unknown;

export const identityCaster: Caster = (v) => v;

export { valueToString };

/** True when the cast changes nothing (same type, or from NULL). */
export function isIdentityCast(from: SqlType, to: SqlType): boolean {
  return from.kind === 'NULL' || typesEqual(from, to);
}

/**
 * A converter from values of `from` to values of `to`. Throws SqlError TYPE_ERROR at build time
 * for casts ksqlDB rejects; the converter throws EvaluationError on values it cannot convert.
 * NULL always converts to NULL.
 */
export function makeCaster(from: SqlType, to: SqlType): Caster {
  if (!isCastSupported(from, to)) throw new SqlError('TYPE_ERROR', unsupportedCastMessage(from, to));
  if (isIdentityCast(from, to)) return identityCaster;
  const f = converter(from, to);
  if (f === identityCaster) return identityCaster; // e.g. INTEGER → BIGINT: same JS number
  return (v) => (v == null ? null : f(v));
}

const INT_MIN = -2147483648, INT_MAX = 2147483647;
const LONG_LIMIT = 2 ** 63;
const LONG_MAX = 2n ** 63n - 1n, LONG_MIN = -(2n ** 63n);

/** Java's (int) of a double: NaN is 0, out-of-range saturates, otherwise truncation. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= INT_MAX) return INT_MAX;
  if (d <= INT_MIN) return INT_MIN;
  return Math.trunc(d);
}

/** Java's (long) of a double: NaN is 0, out-of-range saturates, otherwise truncation (exact). */
export function doubleToLong(d: number): Long {
  if (Number.isNaN(d)) return 0;
  if (d >= LONG_LIMIT) return LONG_MAX;
  if (d <= -LONG_LIMIT) return LONG_MIN;
  const t = Math.trunc(d) + 0;
  return Number.isSafeInteger(t) ? t : long(BigInt(t));
}

function parsing(target: string, parse: (s: string) => unknown): (v: unknown) => unknown {
  return (v) => {
    try {
      return parse(v as string);
    } catch (e) {
      if (e instanceof EvaluationError) throw e;
      throw new EvaluationError(`Cannot cast '${v as string}' to ${target}: ${(e as Error).message}`);
    }
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(s: string): Uint8Array {
  if (!BASE64.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw new RangeError('Illegal base64 character');
  return Buffer.from(s, 'base64');
}

// Non-null conversion for a supported, non-identity cast.
function converter(from: SqlType, to: SqlType): (v: unknown) => unknown {
  if (to.kind === 'STRING') {
    if (from.kind === 'DOUBLE') return (v) => javaDoubleToString(v as number);
    if (from.kind === 'BOOLEAN' || from.kind === 'INTEGER' || from.kind === 'BIGINT') return (v) => String(v);
    if (from.kind === 'ARRAY' || from.kind === 'MAP' || from.kind === 'STRUCT') return (v) => javaToString(v, from);
    return (v) => valueToString(v, from);
  }
  switch (from.kind) {
    case 'INTEGER':
    case 'BIGINT':
      // A BIGINT past 2^53 is a bigint (values/long.ts).
      if (to.kind === 'INTEGER') return (v) => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : (v as number) | 0); // Java's intValue wraps
      if (to.kind === 'DECIMAL') return (v) => decimalFromInteger(v as Long, to.precision, to.scale);
      if (to.kind === 'DOUBLE' && from.kind === 'BIGINT') return (v) => Number(v);
      return identityCaster; // INTEGER to BIGINT or DOUBLE: the same JS number
    case 'DECIMAL':
      if (to.kind === 'INTEGER') return (v) => decimalToInt(v as Decimal);
      if (to.kind === 'BIGINT') return (v) => decimalToLong(v as Decimal);
      if (to.kind === 'DOUBLE') return (v) => (v as Decimal).toNumber();
      if (to.kind === 'DECIMAL') return (v) => castDecimal(v as Decimal, to.precision, to.scale);
      break;
    case 'DOUBLE':
      if (to.kind === 'INTEGER') return (v) => doubleToInt(v as number);
      if (to.kind === 'BIGINT') return (v) => doubleToLong(v as number);
      if (to.kind === 'DECIMAL') return (v) => decimalFromDouble(v as number, to.precision, to.scale);
      break;
    case 'STRING':
      switch (to.kind) {
        case 'BOOLEAN': return (v) => parseBooleanLenient((v as string).trim());
        case 'INTEGER': return parsing('INTEGER', (s) => javaParseInt(s.trim()));
        case 'BIGINT': return parsing('BIGINT', (s) => javaParseLong(s.trim()));
        case 'DOUBLE': return parsing('DOUBLE', (s) => javaParseDouble(s));
        case 'DECIMAL': return (v) => decimalFromString(v as string, to.precision, to.scale);
        case 'TIMESTAMP': return parsing('TIMESTAMP', (s) => parseTimestamp(s.trim()));
        case 'TIME': return parsing('TIME', (s) => parseTime(s.trim()));
        case 'DATE': return parsing('DATE', (s) => parseDate(s.trim()));
        case 'BYTES': return parsing('BYTES', (s) => decodeBase64(s.trim()));
      }
      break;
    case 'TIMESTAMP':
      if (to.kind === 'DATE') return (v) => timestampToDate(v as number);
      if (to.kind === 'TIME') return (v) => timestampToTime(v as number);
      break;
    case 'DATE':
      if (to.kind === 'TIMESTAMP') return (v) => (v as number) * MS_PER_DAY;
      break;
    case 'ARRAY': {
      if (to.kind !== 'ARRAY') break;
      const item = makeCaster(from.item, to.item);
      return (v) => (v as unknown[]).map(item);
    }
    case 'MAP': {
      if (to.kind !== 'MAP') break;
      const key = makeCaster(from.key, to.key);
      const value = makeCaster(from.value, to.value);
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [k, x] of v as Map<unknown, unknown>) out.set(key(k), value(x));
        return out;
      };
    }
    case 'STRUCT': {
      if (to.kind !== 'STRUCT') break;
      const fields = to.fields.map((t) => {
        const f = from.fields.find((x) => x.name === t.name);
        return { name: t.name, from: f?.name, cast: f ? makeCaster(f.type, t.type) : identityCaster };
      });
      return (v) => {
        const o = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of fields) out[f.name] = f.from === undefined ? null : f.cast(o[f.from] ?? null);
        return out;
      };
    }
    default:
      break;
  }
  throw new SqlError('INTERNAL', `no converter from ${from.kind} to ${to.kind}`);
}
