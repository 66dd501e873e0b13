// Eddy's SQL types as Postgres sees them: a type oid for RowDescription and a writer of the
// value's text format (what a Postgres server sends for that type). Compiled once per query.
import type { SqlType } from '../../src/types/sql-type.js';
import { jsonWriter } from '../rest/json-values.js';
import { binaryWriter, textToBinary } from './pg-binary.js';

export const OID = {
  BOOL: 16, BYTEA: 17, INT8: 20, INT4: 23, TEXT: 25, JSON: 114, FLOAT8: 701,
  DATE: 1082, TIME: 1083, TIMESTAMP: 1114, NUMERIC: 1700,
} as const;

export type TextWriter = (v: unknown) => string | null;

export type BinaryWriter = (v: unknown) => Uint8Array | null;

/** A result column: its RowDescription fields and writers of its text and binary formats. */
export interface PgColumn { name: string; oid: number; typeSize: number; write: TextWriter; binary: BinaryWriter }

const MS_PER_DAY = 86400000;

/** Postgres drops a zero fraction of seconds: 05:06:07, 05:06:07.089. */
function timeText(iso: string): string {
  return iso.endsWith('.000') ? iso.slice(0, -4) : iso;
}

/** The Postgres column of an Eddy result column. */
export function pgColumn(name: string, t: SqlType | undefined): PgColumn {
  const c = textColumnOf(name, t);
  return { ...c, binary: binaryWriter(t) };
}

function textColumnOf(name: string, t: SqlType | undefined): Omit<PgColumn, 'binary'> {
  const nullable = (f: (v: unknown) => string): TextWriter => (v) => (v === null || v === undefined ? null : f(v));
  switch (t?.kind) {
    case 'BOOLEAN': return { name, oid: OID.BOOL, typeSize: 1, write: nullable((v) => (v ? 't' : 'f')) };
    case 'INTEGER': return { name, oid: OID.INT4, typeSize: 4, write: nullable(String) };
    case 'BIGINT': return { name, oid: OID.INT8, typeSize: 8, write: nullable(String) };
    case 'DOUBLE': return { name, oid: OID.FLOAT8, typeSize: 8, write: nullable(float8Text) };
    case 'DECIMAL': return { name, oid: OID.NUMERIC, typeSize: -1, write: nullable(String) };
    case 'STRING': return { name, oid: OID.TEXT, typeSize: -1, write: nullable(String) };
    case 'BYTES': return { name, oid: OID.BYTEA, typeSize: -1, write: nullable((v) => '\\x' + Buffer.from(v as Uint8Array).toString('hex')) };
    case 'DATE': return { name, oid: OID.DATE, typeSize: 4, write: nullable((v) => new Date((v as number) * MS_PER_DAY).toISOString().slice(0, 10)) };
    case 'TIME': return { name, oid: OID.TIME, typeSize: 8, write: nullable((v) => timeText(new Date(v as number).toISOString().slice(11, 23))) };
    case 'TIMESTAMP': return { name, oid: OID.TIMESTAMP, typeSize: 8, write: nullable((v) => timeText(new Date(v as number).toISOString().slice(0, 23).replace('T', ' '))) };
    case 'ARRAY': case 'MAP': case 'STRUCT': {
      const json = jsonWriter(t);
      return { name, oid: OID.JSON, typeSize: -1, write: nullable(json) };
    }
    default:
      // SHOW/DESCRIBE cells and NULL-typed columns: text, as the CLI shows them.
      return { name, oid: OID.TEXT, typeSize: -1, write: nullable(anyText) };
  }
}

/** float8's text: Infinity, -Infinity, NaN as Postgres spells them. */
function float8Text(v: unknown): string {
  const n = v as number;
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return String(n);
}

function anyText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return jsonWriter({ kind: 'NULL' })(v);
}

/** A column whose values are already Postgres text (catalog answers), of type `oid`. */
export function textColumn(name: string, oid: number): PgColumn {
  return {
    name, oid, typeSize: TYPE_SIZE[oid] ?? -1,
    write: (v) => (v === null || v === undefined ? null : String(v)),
    binary: (v) => (v === null || v === undefined ? null : textToBinary(oid, String(v))),
  };
}

const TYPE_SIZE: Record<number, number> = { 16: 1, 18: 1, 19: 64, 20: 8, 21: 2, 23: 4, 26: 4, 700: 4, 701: 8, 1082: 4, 1083: 8, 1114: 8, 1184: 8 };
