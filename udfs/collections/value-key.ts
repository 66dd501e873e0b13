// Equality of SQL runtime values as Java's equals() sees them, for the set-like array functions
// (ARRAY_DISTINCT, ARRAY_UNION, ARRAY_REMOVE...): arrays and structs element by element, maps in
// any order, bytes by content, decimals by value, and NaN equal to NaN. Values reduce to a key
// string so a Set does the lookups.
import { Decimal } from '../../src/types/decimal.js';

export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  switch (typeof v) {
    case 'number': return 'n' + (v === 0 ? '0' : String(v));
    case 'string': return 's' + JSON.stringify(v);
    case 'boolean': return v ? 'T' : 'F';
    case 'bigint': return 'n' + v.toString();
  }
  if (v instanceof Decimal) return 'd' + decimalKey(v);
  if (v instanceof Uint8Array) return 'b' + Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return '[' + v.map(valueKey).join(',') + ']';
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => valueKey(k) + ':' + valueKey(x)).sort();
    return '{' + entries.join(',') + '}';
  }
  const o = v as Record<string, unknown>;
  return '(' + Object.keys(o).map((k) => JSON.stringify(k) + ':' + valueKey(o[k])).join(',') + ')';
}

/** Trailing zeros stripped, so 1.0 and 1.00 share a key. */
function decimalKey(d: Decimal): string {
  let u = d.unscaled, s = d.scale;
  while (s > 0 && u % 10n === 0n) { u /= 10n; s--; }
  return u.toString() + 'e' + -s;
}

export const valuesEqual = (a: unknown, b: unknown): boolean => a === b || valueKey(a) === valueKey(b);
