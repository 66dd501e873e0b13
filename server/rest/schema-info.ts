// Column types as ksqlDB's REST entities describe them: a FieldInfo's schema object
// ({type, fields, memberSchema}) and the type text of /query-stream's columnTypes.
import { formatType, type SqlType } from '../../src/types/sql-type.js';

export interface SchemaInfo {
  type: string;
  fields: FieldInfo[] | null;
  memberSchema: SchemaInfo | null;
  parameters?: Record<string, number>;
}

export interface FieldInfo { name: string; schema: SchemaInfo; type?: 'KEY' | 'HEADER'; headerKey?: string }

export function schemaInfo(t: SqlType): SchemaInfo {
  switch (t.kind) {
    case 'ARRAY': return { type: 'ARRAY', fields: null, memberSchema: schemaInfo(t.item) };
    case 'MAP': return { type: 'MAP', fields: null, memberSchema: schemaInfo(t.value) };
    case 'STRUCT': return { type: 'STRUCT', fields: t.fields.map((f) => ({ name: f.name, schema: schemaInfo(f.type) })), memberSchema: null };
    case 'DECIMAL': return { type: 'DECIMAL', fields: null, memberSchema: null, parameters: { precision: t.precision, scale: t.scale } };
    default: return { type: t.kind, fields: null, memberSchema: null };
  }
}

export function fieldInfo(name: string, t: SqlType, key = false): FieldInfo {
  return key ? { name, schema: schemaInfo(t), type: 'KEY' } : { name, schema: schemaInfo(t) };
}

/** The type as ksqlDB's columnTypes give it: STRING, DECIMAL(4, 2), ARRAY<INTEGER>, ... */
export const typeText = (t: SqlType): string => formatType(t);

/** A schema as /query's header gives it: "`NAME` STRING, `AGE` INTEGER". */
export function schemaText(columns: readonly { name: string; type: SqlType }[]): string {
  return columns.map((c) => `\`${c.name}\` ${formatType(c.type)}`).join(', ');
}
