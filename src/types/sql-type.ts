// SQL types as plain data: a discriminated union on `kind`, serializable into plans.

export type PrimitiveKind =
  | 'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES' | 'DATE' | 'TIME' | 'TIMESTAMP';

export interface StructField { name: string; type: SqlType }

export type SqlType =
  | { kind: PrimitiveKind }
  | { kind: 'DECIMAL'; precision: number; scale: number }
  | { kind: 'ARRAY'; item: SqlType }
  | { kind: 'MAP'; key: SqlType; value: SqlType }
  | { kind: 'STRUCT'; fields: StructField[] }
  // Internal only: the type of a bare NULL literal before context gives it one.
  | { kind: 'NULL' }
  // Parsed only: a type named by CREATE TYPE, replaced by its definition before the statement runs.
  | { kind: 'CUSTOM'; name: string };

export type SqlTypeKind = SqlType['kind'];

/** A CUSTOM type reaching code that needs a real one: a bug (statements resolve them first). */
export function unresolvedType(t: { name: string }): never {
  throw new Error(`the custom type ${t.name} was not resolved before use`);
}

export const BOOLEAN: SqlType = { kind: 'BOOLEAN' };
export const INTEGER: SqlType = { kind: 'INTEGER' };
export const BIGINT: SqlType = { kind: 'BIGINT' };
export const DOUBLE: SqlType = { kind: 'DOUBLE' };
export const STRING: SqlType = { kind: 'STRING' };
export const BYTES: SqlType = { kind: 'BYTES' };
export const DATE: SqlType = { kind: 'DATE' };
export const TIME: SqlType = { kind: 'TIME' };
export const TIMESTAMP: SqlType = { kind: 'TIMESTAMP' };
export const NULL_TYPE: SqlType = { kind: 'NULL' };

export const decimal = (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale });
export const array = (item: SqlType): SqlType => ({ kind: 'ARRAY', item });
export const map = (key: SqlType, value: SqlType): SqlType => ({ kind: 'MAP', key, value });
export const struct = (fields: StructField[]): SqlType => ({ kind: 'STRUCT', fields });

export function isNumeric(t: SqlType): boolean {
  return t.kind === 'INTEGER' || t.kind === 'BIGINT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
}

export function typesEqual(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'DECIMAL': { const o = b as typeof a; return a.precision === o.precision && a.scale === o.scale; }
    case 'ARRAY': return typesEqual(a.item, (b as typeof a).item);
    case 'MAP': { const o = b as typeof a; return typesEqual(a.key, o.key) && typesEqual(a.value, o.value); }
    case 'STRUCT': {
      const o = b as typeof a;
      return a.fields.length === o.fields.length &&
        a.fields.every((f, i) => f.name === o.fields[i].name && typesEqual(f.type, o.fields[i].type));
    }
    case 'CUSTOM': return a.name === (b as typeof a).name;
    default: return true;
  }
}

/** ksqlDB's rendering: `INTEGER`, `DECIMAL(4, 2)`, `ARRAY<STRING>`, STRUCT<`A` INTEGER>. */
export function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY': return `ARRAY<${formatType(t.item)}>`;
    case 'MAP': return `MAP<${formatType(t.key)}, ${formatType(t.value)}>`;
    case 'STRUCT': return `STRUCT<${t.fields.map((f) => `\`${f.name}\` ${formatType(f.type)}`).join(', ')}>`;
    case 'CUSTOM': return t.name;
    default: return t.kind;
  }
}
