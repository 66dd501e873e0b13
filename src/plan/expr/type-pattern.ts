// Function parameter patterns against argument types, as ksqlDB's UdfIndex and GenericsUtil
// do it: concrete types match exactly or, in the second pass, by implicit cast (INTEGER →
// BIGINT → DECIMAL → DOUBLE, STRING → DATE/TIME/TIMESTAMP); GENERIC parts bind exactly.
import type { SqlType } from '../../types/sql-type.js';
import { array, map, struct, typesEqual } from '../../types/sql-type.js';
import type { TypePattern } from '../../../udfs/types.js';

export type Bindings = Map<string, SqlType>;

export function hasGenerics(p: TypePattern): boolean {
  switch (p.kind) {
    case 'GENERIC': return true;
    case 'ARRAY': return hasGenerics(p.item);
    case 'MAP': return hasGenerics(p.key) || hasGenerics(p.value);
    case 'LAMBDA': return p.params.some(hasGenerics) || hasGenerics(p.returns);
    default: return false;
  }
}

const ORDER = ['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE'];

/** SqlBaseType.canImplicitlyCast. */
export function canImplicitlyCast(from: SqlType['kind'], to: string): boolean {
  if (from === to) return true;
  const a = ORDER.indexOf(from), b = ORDER.indexOf(to);
  if (a >= 0 && b >= 0) return a <= b;
  return from === 'STRING' && (to === 'DATE' || to === 'TIME' || to === 'TIMESTAMP');
}

/** Structural match binding generics; non-generic parts compare by kind only (GenericsUtil). */
function bindGenerics(p: TypePattern, t: SqlType, b: Bindings): boolean {
  if (p.kind === 'GENERIC') {
    const old = b.get(p.name);
    if (old) return typesEqual(old, t);
    b.set(p.name, t);
    return true;
  }
  if (p.kind === 'ANY_STRUCT') return t.kind === 'STRUCT';
  if (p.kind === 'LAMBDA' || p.kind !== t.kind) return false;
  if (p.kind === 'ARRAY' && t.kind === 'ARRAY') return bindGenerics(p.item, t.item, b);
  if (p.kind === 'MAP' && t.kind === 'MAP') return bindGenerics(p.key, t.key, b) && bindGenerics(p.value, t.value, b);
  return true;
}

/** ParamTypes.areCompatible for a pattern without generics. */
function compatible(p: TypePattern, t: SqlType, allowCast: boolean): boolean {
  switch (p.kind) {
    case 'ARRAY': return t.kind === 'ARRAY' && compatible(p.item, t.item, allowCast);
    case 'MAP': return t.kind === 'MAP' && compatible(p.key, t.key, allowCast) && compatible(p.value, t.value, allowCast);
    case 'ANY_STRUCT': return t.kind === 'STRUCT';
    case 'STRUCT': {
      if (t.kind !== 'STRUCT') return false;
      if (t.fields.length === 0 || p.fields.length === 0) return true;
      // No implicit casts inside structs, as ksqlDB.
      return p.fields.length === t.fields.length && p.fields.every((f) => {
        const a = t.fields.find((x) => x.name === f.name);
        const declared = toPattern(f.type);
        return a !== undefined && declared !== undefined && compatible(declared, a.type, false);
      });
    }
    case 'LAMBDA': case 'GENERIC': return false;
    default: return p.kind === t.kind || (allowCast && canImplicitlyCast(t.kind, p.kind));
  }
}

/** A concrete type as a pattern (undefined for NULL, which is never a declared type). */
function toPattern(t: SqlType): TypePattern | undefined {
  switch (t.kind) {
    case 'NULL': return undefined;
    case 'ARRAY': { const item = toPattern(t.item); return item && { kind: 'ARRAY', item }; }
    case 'MAP': {
      const key = toPattern(t.key), value = toPattern(t.value);
      return key && value && { kind: 'MAP', key, value };
    }
    case 'CUSTOM': return undefined;
    default: return t;
  }
}

/** Whether an argument of type `t` (NULL matches anything) fits `p`, binding generics into `b`. */
export function accepts(p: TypePattern, t: SqlType, b: Bindings, allowCast: boolean): boolean {
  if (t.kind === 'NULL') return true;
  return hasGenerics(p) ? bindGenerics(p, t, b) : compatible(p, t, allowCast);
}

/** The concrete type of a pattern under `b`, or undefined when it is not fully determined. */
export function substitute(p: TypePattern, b: Bindings): SqlType | undefined {
  switch (p.kind) {
    case 'GENERIC': return b.get(p.name);
    case 'ARRAY': { const i = substitute(p.item, b); return i && array(i); }
    case 'MAP': {
      const k = substitute(p.key, b), v = substitute(p.value, b);
      return k && v && map(k, v);
    }
    case 'STRUCT': return struct(p.fields);
    case 'DECIMAL': return p.precision !== undefined && p.scale !== undefined ? { kind: 'DECIMAL', precision: p.precision, scale: p.scale } : undefined;
    case 'ANY_STRUCT': case 'LAMBDA': return undefined;
    default: return { kind: p.kind };
  }
}

/** Binds the generics of `p` from a type known to fit it (e.g. a lambda's body type). */
export function bindFrom(p: TypePattern, t: SqlType, b: Bindings): boolean {
  if (t.kind === 'NULL') return true;
  return hasGenerics(p) ? bindGenerics(p, t, b) : compatible(p, t, true);
}

/** Types without backquotes, as ksqlDB lists argument types in function errors. */
export function formatTypePlain(t: SqlType): string {
  switch (t.kind) {
    case 'NULL': return 'null';
    case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY': return `ARRAY<${formatTypePlain(t.item)}>`;
    case 'MAP': return `MAP<${formatTypePlain(t.key)}, ${formatTypePlain(t.value)}>`;
    case 'STRUCT': return `STRUCT<${t.fields.map((f) => `${f.name} ${formatTypePlain(f.type)}`).join(', ')}>`;
    default: return t.kind;
  }
}

export function formatPattern(p: TypePattern): string {
  switch (p.kind) {
    case 'GENERIC': return p.name;
    case 'DECIMAL': return p.precision !== undefined ? `DECIMAL(${p.precision}, ${p.scale ?? 0})` : 'DECIMAL';
    case 'ARRAY': return `ARRAY<${formatPattern(p.item)}>`;
    case 'MAP': return `MAP<${formatPattern(p.key)}, ${formatPattern(p.value)}>`;
    case 'STRUCT': return p.fields.length ? formatTypePlain(struct(p.fields)) : 'STRUCT';
    case 'ANY_STRUCT': return 'STRUCT';
    case 'LAMBDA': return `LAMBDA<(${p.params.map(formatPattern).join(', ')}) => ${formatPattern(p.returns)}>`;
    default: return p.kind;
  }
}
