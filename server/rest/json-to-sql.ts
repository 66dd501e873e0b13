// A JSON value as a SQL literal of a column's type, so a row of /inserts-stream runs as an
// INSERT INTO ... VALUES through the engine, with its type checks and errors.
import { formatType, type SqlType } from '../../src/types/sql-type.js';
import { JsonNumber } from '../../src/format/json-exact.js';

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function sqlLiteral(v: unknown, t: SqlType): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof JsonNumber) return literal(v); // a number's own text (exact), whatever the column
  switch (t.kind) {
    case 'ARRAY':
      if (!Array.isArray(v)) return literal(v);
      // SQL has no empty array constructor: one NULL of the item type, removed.
      return v.length === 0 ? `ARRAY_REMOVE(ARRAY[CAST(NULL AS ${formatType(t.item)})], NULL)` : `ARRAY[${v.map((x) => sqlLiteral(x, t.item)).join(', ')}]`;
    case 'MAP': {
      if (typeof v !== 'object' || Array.isArray(v)) return literal(v);
      const entries = Object.entries(v);
      return entries.length === 0 ? `CAST(MAP() AS ${formatType(t)})` : `MAP(${entries.map(([k, x]) => `${sqlLiteral(k, t.key)} := ${sqlLiteral(x, t.value)}`).join(', ')})`;
    }
    case 'STRUCT': {
      if (typeof v !== 'object' || Array.isArray(v)) return literal(v);
      const given = v as Record<string, unknown>;
      const pick = (name: string): unknown => (name in given ? given[name] : given[Object.keys(given).find((k) => k.toUpperCase() === name) ?? '']);
      return `STRUCT(${t.fields.map((f) => `\`${f.name}\` := ${sqlLiteral(pick(f.name) ?? null, f.type)}`).join(', ')})`;
    }
    case 'BYTES': return typeof v === 'string' ? `TO_BYTES(${quote(v)}, 'base64')` : literal(v);
    case 'DECIMAL': case 'DOUBLE': case 'INTEGER': case 'BIGINT':
      // A number in a string is taken as the number, as ksqlDB's JSON reading does.
      return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? v.trim() : literal(v);
    default: return literal(v);
  }
}

/** A value as the literal of its own JSON type (the engine reports a mismatch with the column). */
function literal(v: unknown): string {
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return quote(JSON.stringify(v));
}
