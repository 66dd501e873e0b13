// Turns SQL values into JSON-compatible values and text for output.
import { Decimal } from '../../src/types/decimal.js';

/** JSON text of a value; DECIMAL keeps its exact digits and scale. */
export function toJsonText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) return '[' + v.map(toJsonText).join(',') + ']';
  if (v instanceof Map) return '{' + [...v.entries()].map(([k, x]) => JSON.stringify(String(k)) + ':' + toJsonText(x)).join(',') + '}';
  return '{' + Object.entries(v as object).map(([k, x]) => JSON.stringify(k) + ':' + toJsonText(x)).join(',') + '}';
}

/** A row as one JSON object keyed by column name. */
export function rowToJsonLine(columns: readonly { name: string }[], row: readonly unknown[]): string {
  return '{' + columns.map((c, i) => JSON.stringify(c.name) + ':' + toJsonText(row[i])).join(',') + '}';
}

/** Text for a table cell: strings bare, everything else as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  return toJsonText(v);
}
