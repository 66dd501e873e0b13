// Object.equals over runtime values (docs/VALUES.md), as NULLIF compares them in ksqlDB:
// deep for ARRAY, MAP and STRUCT; DECIMAL scale counts (1.0 is not 1.00); doubles compare as
// Double.equals (NaN equals NaN, 0.0 differs from -0.0).
import { Decimal } from '../../src/types/decimal.js';

export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a instanceof Decimal) return b instanceof Decimal && a.equals(b);
  if (a instanceof Uint8Array) {
    return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => javaEquals(x, b[i]));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !javaEquals(v, b.get(k))) return false;
    return true;
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i]
      && javaEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}
