// Value equality as Java's equals() on ksqlDB's values: what `=` uses for arrays, maps and
// structs (element by element, two NULL elements being equal) and what IN matches with.
import type { SqlType } from '../types/sql-type.js';
import { typesEqual } from '../types/sql-type.js';
import type { Decimal } from '../types/decimal.js';

export type Equals = (a: unknown, b: unknown) => boolean;

const strict: Equals = (a, b) => a === b;

/** Equality of two non-null values of types `a` and `b` (false when Java's classes differ). */
export function javaEquals(a: SqlType, b: SqlType = a): Equals {
  const nullable = (eq: Equals): Equals => (x, y) => (x == null || y == null ? x == null && y == null : eq(x, y));
  if (a.kind !== b.kind) return () => false;
  switch (a.kind) {
    case 'DECIMAL':
      // BigDecimal.equals compares scale too.
      return (x, y) => (x as Decimal).scale === (y as Decimal).scale && (x as Decimal).unscaled === (y as Decimal).unscaled;
    case 'DOUBLE': return (x, y) => Object.is(x, y);
    case 'BYTES': return (x, y) => Buffer.from(x as Uint8Array).equals(y as Uint8Array);
    case 'ARRAY': {
      const item = nullable(javaEquals(a.item, (b as typeof a).item));
      return (x, y) => {
        const p = x as unknown[], q = y as unknown[];
        if (p.length !== q.length) return false;
        for (let i = 0; i < p.length; i++) if (!item(p[i], q[i])) return false;
        return true;
      };
    }
    case 'MAP': {
      const o = b as typeof a;
      const key = javaEquals(a.key, o.key);
      const value = nullable(javaEquals(a.value, o.value));
      const primitiveKey = isPrimitive(a.key) && a.key.kind === o.key.kind;
      return (x, y) => {
        const p = x as Map<unknown, unknown>, q = y as Map<unknown, unknown>;
        if (p.size !== q.size) return false;
        for (const [k, v] of p) {
          if (primitiveKey) {
            if (!q.has(k) || !value(v, q.get(k) ?? null)) return false;
          } else {
            let found = false;
            for (const [k2, v2] of q) {
              if ((k == null ? k2 == null : k2 != null && key(k, k2)) && value(v, v2)) { found = true; break; }
            }
            if (!found) return false;
          }
        }
        return true;
      };
    }
    case 'STRUCT': {
      const o = b as typeof a;
      // Connect Structs are equal only with equal schemas.
      if (!typesEqual(a, o)) return () => false;
      const fields = a.fields.map((f, i) => ({ name: f.name, eq: nullable(javaEquals(f.type, o.fields[i].type)) }));
      return (x, y) => {
        const p = x as Record<string, unknown>, q = y as Record<string, unknown>;
        for (const f of fields) if (!f.eq(p[f.name] ?? null, q[f.name] ?? null)) return false;
        return true;
      };
    }
    default: return strict;
  }
}

/** Types whose JS values compare with === (usable as Map/Set keys). */
export function isPrimitive(t: SqlType): boolean {
  return t.kind === 'BOOLEAN' || t.kind === 'INTEGER' || t.kind === 'BIGINT' || t.kind === 'STRING'
    || t.kind === 'DATE' || t.kind === 'TIME' || t.kind === 'TIMESTAMP';
}
