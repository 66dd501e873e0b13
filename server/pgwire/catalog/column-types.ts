// Eddy column types as Postgres describes them in its catalog: format_type()'s name, the type
// oid (the same one RowDescription sends, see pg-types.ts) and pg_attribute.attstorage.
import { type SqlType, unresolvedType } from '../../../src/types/sql-type.js';
import { OID } from '../pg-types.js';

export interface PgColumnType {
  oid: number;
  /** What format_type(atttypid, atttypmod) prints: `numeric(10,2)`, `timestamp without time zone`. */
  name: string;
  /** p plain (fixed size), x extended (varlena), m main (numeric). */
  storage: 'p' | 'x' | 'm';
}

export function pgColumnType(t: SqlType): PgColumnType {
  switch (t.kind) {
    case 'BOOLEAN': return { oid: OID.BOOL, name: 'boolean', storage: 'p' };
    case 'INTEGER': return { oid: OID.INT4, name: 'integer', storage: 'p' };
    case 'BIGINT': return { oid: OID.INT8, name: 'bigint', storage: 'p' };
    case 'DOUBLE': return { oid: OID.FLOAT8, name: 'double precision', storage: 'p' };
    case 'DECIMAL': return { oid: OID.NUMERIC, name: `numeric(${t.precision},${t.scale})`, storage: 'm' };
    case 'STRING': return { oid: OID.TEXT, name: 'text', storage: 'x' };
    case 'BYTES': return { oid: OID.BYTEA, name: 'bytea', storage: 'x' };
    case 'DATE': return { oid: OID.DATE, name: 'date', storage: 'p' };
    case 'TIME': return { oid: OID.TIME, name: 'time without time zone', storage: 'p' };
    case 'TIMESTAMP': return { oid: OID.TIMESTAMP, name: 'timestamp without time zone', storage: 'p' };
    // Rows carry them as JSON text (pg-types.ts).
    case 'ARRAY': case 'MAP': case 'STRUCT': return { oid: OID.JSON, name: 'json', storage: 'x' };
    case 'NULL': return { oid: OID.TEXT, name: 'text', storage: 'x' };
    case 'CUSTOM': return unresolvedType(t);
  }
}
