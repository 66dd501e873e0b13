// Which CASTs ksqlDB supports (its CastEvaluator table). Identical types always cast; NULL casts
// to anything; arrays, maps and structs cast when their parts do.
import { formatType, typesEqual, type SqlType, type SqlTypeKind } from '../types/sql-type.js';

const SUPPORTED: Partial<Record<SqlTypeKind, readonly SqlTypeKind[]>> = {
  BOOLEAN: ['STRING'],
  INTEGER: ['BIGINT', 'DECIMAL', 'DOUBLE', 'STRING'],
  BIGINT: ['INTEGER', 'DECIMAL', 'DOUBLE', 'STRING'],
  DECIMAL: ['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE', 'STRING'],
  DOUBLE: ['INTEGER', 'BIGINT', 'DECIMAL', 'STRING'],
  STRING: ['BOOLEAN', 'INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE', 'TIMESTAMP', 'TIME', 'DATE', 'BYTES'],
  ARRAY: ['ARRAY', 'STRING'],
  MAP: ['MAP', 'STRING'],
  STRUCT: ['STRUCT', 'STRING'],
  TIMESTAMP: ['STRING', 'TIME', 'DATE'],
  DATE: ['TIMESTAMP', 'STRING'],
  TIME: ['STRING'],
};

export function isCastSupported(from: SqlType, to: SqlType): boolean {
  if (from.kind === 'NULL' || typesEqual(from, to)) return true;
  if (!(SUPPORTED[from.kind] ?? []).includes(to.kind)) return false;
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return isCastSupported(from.item, to.item);
  if (from.kind === 'MAP' && to.kind === 'MAP') {
    return isCastSupported(from.key, to.key) && isCastSupported(from.value, to.value);
  }
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') {
    return from.fields.every((f) => {
      const t = to.fields.find((x) => x.name === f.name);
      return t === undefined || isCastSupported(f.type, t.type);
    });
  }
  return true;
}

/** ksqlDB's message for an unsupported cast. */
export function unsupportedCastMessage(from: SqlType, to: SqlType): string {
  return `Cast of ${formatType(from)} to ${formatType(to)} is not supported`;
}
