// Equality over plain values (see plain-value.ts), as Java's equals() sees the SQL values:
// a map equals another with the same entries in any order, -0.0 differs from 0.0, NaN equals NaN.
// Primitives are their own key (fast Set lookups); complex values get a canonical string.
import type { SqlType } from '../../src/types/sql-type.js';

export type ValueKey = string | number | boolean | null;

export function keyFor(t: SqlType): (plain: unknown) => ValueKey {
  switch (t.kind) {
    case 'DOUBLE':
      return (p) => (p !== p ? 'NaN' : p === 0 && 1 / (p as number) < 0 ? '-0' : (p as ValueKey));
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT': {
      const text = canonical(t);
      return (p) => (p === null ? null : text(p));
    }
    default:
      return (p) => p as ValueKey;
  }
}

/** Plain values are equal in Java's sense. */
export function equalsFor(t: SqlType): (a: unknown, b: unknown) => boolean {
  const key = keyFor(t);
  return (a, b) => a === b || key(a) === key(b);
}

function canonical(t: SqlType): (p: unknown) => string {
  switch (t.kind) {
    case 'ARRAY': {
      const item = canonical(t.item);
      return (p) => (p === null ? 'null' : '[' + (p as unknown[]).map(item).join(',') + ']');
    }
    case 'MAP': {
      const key = canonical(t.key);
      const value = canonical(t.value);
      return (p) => {
        if (p === null) return 'null';
        const entries = (p as unknown[][]).map(([k, v]) => key(k) + ':' + value(v));
        return '{' + entries.sort().join(',') + '}';
      };
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ name: f.name, text: canonical(f.type) }));
      return (p) => {
        if (p === null) return 'null';
        const o = p as Record<string, unknown>;
        return '(' + fields.map((f) => f.text(o[f.name] ?? null)).join(',') + ')';
      };
    }
    case 'DOUBLE':
      return (p) => (p === null ? 'null' : p === 0 && 1 / (p as number) < 0 ? '-0' : String(p));
    default:
      return (p) => (p === null ? 'null' : JSON.stringify(p));
  }
}
