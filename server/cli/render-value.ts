// Turns SQL values into JSON text and table cells for output, directed by the column type so a
// DOUBLE prints as Java/ksqlDB print it (120.0, 1.0E10) and a DECIMAL keeps its scale.
import { Decimal } from '../../src/types/decimal.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { javaDoubleToString } from '../../src/values/java-number.js';

/** JSON text of a value of type `t` (when known). */
export function toJsonText(v: unknown, t?: SqlType): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return JSON.stringify(String(v));
    return t?.kind === 'DOUBLE' ? javaDoubleToString(v) : String(v);
  }
  if (typeof v === 'bigint') return v.toString(); // a BIGINT past 2^53 (values/long.ts)
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) {
    const item = t?.kind === 'ARRAY' ? t.item : undefined;
    return '[' + v.map((x) => toJsonText(x, item)).join(',') + ']';
  }
  if (v instanceof Map) {
    const vt = t?.kind === 'MAP' ? t.value : undefined;
    return '{' + [...v.entries()].map(([k, x]) => JSON.stringify(String(k)) + ':' + toJsonText(x, vt)).join(',') + '}';
  }
  const fields = t?.kind === 'STRUCT' ? t.fields : undefined;
  return '{' + Object.entries(v as object).map(([k, x]) =>
    JSON.stringify(k) + ':' + toJsonText(x, fields?.find((f) => f.name === k)?.type)).join(',') + '}';
}

/** A row as one JSON object keyed by column name. */
export function rowToJsonLine(columns: readonly { name: string; type?: SqlType }[], row: readonly unknown[]): string {
  return '{' + columns.map((c, i) => JSON.stringify(c.name) + ':' + toJsonText(row[i], c.type)).join(',') + '}';
}

/** Text for a table cell: strings bare, everything else as JSON. */
export function cellText(v: unknown, t?: SqlType): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  return toJsonText(v, t);
}
