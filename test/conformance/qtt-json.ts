// Writes a QTT JSON value back to JSON text with numbers exactly as written (JsonNumber text).
import { JsonNumber } from '../../src/format/json-exact.js';
import type { JsonValue } from './qtt-types.js';

export function jsonText(v: JsonValue): string {
  if (v === null) return 'null';
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(jsonText).join(',') + ']';
  return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ':' + jsonText(x)).join(',') + '}';
}
