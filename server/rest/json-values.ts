// SQL values as the REST API writes them (ksqlDB's JSON): DECIMAL as a number, MAP and STRUCT as
// objects, BYTES as base64, DATE/TIME/TIMESTAMP as ISO text. Compiled once per query: a row is
// then turned into a JSON array by one closure per column, without looking at types per row.
import type { SqlType } from '../../src/types/sql-type.js';

type ToJson = (v: unknown) => string;

const MS_PER_DAY = 86400000;

/** ISO text without the zone, as ksqlDB prints a TIMESTAMP (UTC): 2021-03-04T05:06:07.089. */
const isoTimestamp = (ms: number): string => new Date(ms).toISOString().slice(0, 23);

/** The JSON writer of one value of type `t`. */
export function jsonWriter(t: SqlType): ToJson {
  const orNull = (f: ToJson): ToJson => (v) => (v === null || v === undefined ? 'null' : f(v));
  switch (t.kind) {
    case 'DOUBLE': case 'INTEGER': case 'BIGINT':
      // NaN and the infinities are not JSON numbers: ksqlDB writes them as strings too.
      // A BIGINT past 2^53 is a bigint (values/long.ts): its digits, exactly.
      return orNull((v) => (typeof v === 'bigint' || Number.isFinite(v as number) ? String(v) : JSON.stringify(String(v))));
    case 'DECIMAL': return orNull((v) => String(v));
    case 'BOOLEAN': return orNull((v) => (v ? 'true' : 'false'));
    case 'STRING': return orNull((v) => JSON.stringify(v));
    case 'BYTES': return orNull((v) => JSON.stringify(Buffer.from(v as Uint8Array).toString('base64')));
    case 'DATE': return orNull((v) => JSON.stringify(new Date((v as number) * MS_PER_DAY).toISOString().slice(0, 10)));
    case 'TIME': return orNull((v) => JSON.stringify(new Date(v as number).toISOString().slice(11, 19)));
    case 'TIMESTAMP': return orNull((v) => JSON.stringify(isoTimestamp(v as number)));
    case 'ARRAY': {
      const item = jsonWriter(t.item);
      return orNull((v) => '[' + (v as unknown[]).map(item).join(',') + ']');
    }
    case 'MAP': {
      const value = jsonWriter(t.value);
      return orNull((v) => '{' + [...(v as Map<unknown, unknown>).entries()].map(([k, x]) => JSON.stringify(String(k)) + ':' + value(x)).join(',') + '}');
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ key: JSON.stringify(f.name) + ':', name: f.name, write: jsonWriter(f.type) }));
      return orNull((v) => '{' + fields.map((f) => f.key + f.write((v as Record<string, unknown>)[f.name] ?? null)).join(',') + '}');
    }
    default: return anyJson;
  }
}

/** A value of unknown type (NULL-typed columns, SHOW output): plain JSON with Maps as objects. */
export function anyJson(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(plain(v), (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? 'null';
}

/** A value made JSON-ready without its type: Map → object, bytes → base64, Decimal → number. */
export function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), plain(x)]));
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return Number(String(v)); // Decimal
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

/** One row as a JSON array, with writers compiled for its columns. */
export function rowWriter(types: readonly SqlType[]): (row: readonly unknown[]) => string {
  const writers = types.map(jsonWriter);
  return (row) => {
    let out = '[';
    for (let i = 0; i < writers.length; i++) out += (i > 0 ? ',' : '') + writers[i](row[i] ?? null);
    return out + ']';
  };
}
