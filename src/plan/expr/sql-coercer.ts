// ksqlDB's DefaultSqlValueCoercer: which types can be coerced to which (STRICT for expressions,
// LAX for user literals, which may also convert to and from STRING), the common type that
// results, and the plan-time conversion of literal values.
import type { SqlType, SqlTypeKind, StructField } from '../../types/sql-type.js';
import { array, map, struct } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import { widenDecimal } from './decimal-types.js';
import { javaDoubleToString, javaParseDouble } from '../../values/java-double.js';
import { javaParseInt, javaParseLong, parseBooleanExact } from '../../values/java-parse.js';
import { ensureMax, parseJavaBigDecimal } from '../../values/decimal-math.js';
import { formatDate, formatTime, formatTimestamp, parseDate, parseTime, parseTimestamp } from '../../values/sql-time.js';

type Rule = 'pass' | 'decimal';

const STRICT: Partial<Record<SqlTypeKind, Partial<Record<SqlTypeKind, Rule>>>> = {
  BOOLEAN: { BOOLEAN: 'pass' },
  INTEGER: { INTEGER: 'pass', BIGINT: 'pass', DECIMAL: 'decimal', DOUBLE: 'pass' },
  BIGINT: { BIGINT: 'pass', DECIMAL: 'decimal', DOUBLE: 'pass' },
  DECIMAL: { DECIMAL: 'decimal', DOUBLE: 'pass' },
  DOUBLE: { DOUBLE: 'pass' },
  STRING: { STRING: 'pass', TIMESTAMP: 'pass', TIME: 'pass', DATE: 'pass', BYTES: 'pass' },
  TIMESTAMP: { TIMESTAMP: 'pass' },
  TIME: { TIME: 'pass' },
  DATE: { DATE: 'pass' },
  BYTES: { BYTES: 'pass' },
};

const LAX_EXTRA: Partial<Record<SqlTypeKind, Partial<Record<SqlTypeKind, Rule>>>> = {
  BOOLEAN: { STRING: 'pass' },
  INTEGER: { STRING: 'pass' },
  BIGINT: { STRING: 'pass' },
  DECIMAL: { STRING: 'pass' },
  DOUBLE: { STRING: 'pass' },
  STRING: { BOOLEAN: 'pass', INTEGER: 'pass', BIGINT: 'pass', DECIMAL: 'pass', DOUBLE: 'pass' },
  TIMESTAMP: { STRING: 'pass' },
  TIME: { STRING: 'pass' },
  DATE: { STRING: 'pass' },
};

/** The type holding both sides when `from` values can be coerced to `to`, or undefined. */
export function canCoerce(from: SqlType, to: SqlType, lax: boolean): SqlType | undefined {
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') {
    const item = canCoerce(from.item, to.item, lax);
    return item && array(item);
  }
  if (from.kind === 'MAP' && to.kind === 'MAP') {
    const k = canCoerce(from.key, to.key, lax);
    const v = k && canCoerce(from.value, to.value, lax);
    return v && map(k!, v);
  }
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') return coerceStructTypes(from.fields, to.fields, lax);
  const rule = STRICT[from.kind]?.[to.kind] ?? (lax ? LAX_EXTRA[from.kind]?.[to.kind] : undefined);
  if (rule === undefined) return undefined;
  return rule === 'decimal' && to.kind !== 'DOUBLE' ? widenDecimal(from, to) : to;
}

function coerceStructTypes(from: StructField[], to: StructField[], lax: boolean): SqlType | undefined {
  const names = [...new Set([...from.map((f) => f.name), ...to.map((f) => f.name)])];
  const fields: StructField[] = [];
  for (const name of names) {
    const f = from.find((x) => x.name === name), t = to.find((x) => x.name === name);
    if (!f) fields.push(t!);
    else if (!t) fields.push(f);
    else {
      const c = canCoerce(f.type, t.type, lax);
      if (!c) return undefined;
      fields.push({ name, type: c });
    }
  }
  return struct(fields);
}

const FAIL = Symbol('coercion failed');

/**
 * The LAX coercer's conversion of a literal value (run-time representation) of type `from` to
 * `to`, or undefined when it cannot be converted.
 */
export function coerceLiteralValue(value: unknown, from: SqlType, to: SqlType): { value: unknown } | undefined {
  if (value === null) return { value: null };
  const out = convert(value, from, to);
  return out === FAIL ? undefined : { value: out };
}

function fitDecimal(d: Decimal, to: Extract<SqlType, { kind: 'DECIMAL' }>): Decimal | typeof FAIL {
  try {
    ensureMax(d, to.precision, to.scale);
  } catch {
    return FAIL;
  }
  const exact = d.setScale(to.scale);
  return exact.compare(d) === 0 ? exact : FAIL; // RoundingMode.UNNECESSARY
}

function attempt<T>(f: () => T): T | typeof FAIL {
  try {
    return f();
  } catch {
    return FAIL;
  }
}

function convert(v: unknown, from: SqlType, to: SqlType): unknown {
  if (to.kind === 'STRING') {
    switch (from.kind) {
      case 'STRING': return v;
      case 'BOOLEAN': case 'INTEGER': case 'BIGINT': return String(v);
      case 'DECIMAL': return (v as Decimal).toString();
      case 'DOUBLE': return javaDoubleToString(v as number);
      case 'TIMESTAMP': return formatTimestamp(v as number);
      case 'TIME': return formatTime(v as number);
      case 'DATE': return formatDate(v as number);
      default: return FAIL;
    }
  }
  if (from.kind === 'STRING') {
    const s = (v as string).trim();
    switch (to.kind) {
      case 'BOOLEAN': return parseBooleanExact(s) ?? FAIL;
      case 'INTEGER': return attempt(() => javaParseInt(s));
      case 'BIGINT': return attempt(() => javaParseLong(s));
      case 'DOUBLE': return attempt(() => javaParseDouble(s));
      case 'DECIMAL': {
        const d = attempt(() => parseJavaBigDecimal(s));
        return d === FAIL ? FAIL : fitDecimal(d, to);
      }
      case 'TIMESTAMP': return attempt(() => parseTimestamp(s));
      case 'TIME': return attempt(() => parseTime(s));
      case 'DATE': return attempt(() => parseDate(s));
      case 'BYTES': return attempt(() => Buffer.from(s, 'base64'));
      default: return FAIL;
    }
  }
  if (to.kind === 'DECIMAL') {
    if (from.kind === 'INTEGER' || from.kind === 'BIGINT') return fitDecimal(new Decimal(BigInt(v as number | bigint), 0), to);
    if (from.kind === 'DECIMAL') return fitDecimal(v as Decimal, to);
    return FAIL;
  }
  if (to.kind === 'DOUBLE') {
    if (from.kind === 'DECIMAL') return (v as Decimal).toNumber();
    if (from.kind === 'INTEGER' || from.kind === 'BIGINT' || from.kind === 'DOUBLE') return Number(v); // a long past 2^53 is a bigint
    return FAIL;
  }
  if (to.kind === 'BIGINT' && (from.kind === 'INTEGER' || from.kind === 'BIGINT')) return v;
  return from.kind === to.kind ? v : FAIL;
}
