// The SQLSTATE of an Eddy error, for ErrorResponse: what Postgres clients branch on.
import { isSqlError } from '../../src/types/sql-error.js';
import type { ErrorCode } from '../../src/types/error-codes.js';

const SQLSTATE: Record<ErrorCode, string> = {
  PARSE_ERROR: '42601',
  UNKNOWN_SOURCE: '42P01',
  UNKNOWN_COLUMN: '42703',
  UNKNOWN_FUNCTION: '42883',
  FUNCTION_ARGS: '42883',
  TYPE_ERROR: '42804',
  INVALID_STATEMENT: '42000',
  SOURCE_EXISTS: '42P07',
  INVALID_PROPERTY: '22023',
  UNKNOWN_QUERY: '42704',
  UNKNOWN_TOPIC: '42P01',
  UNSUPPORTED: '0A000',
  SERDE_ERROR: '22000',
  EVALUATION_ERROR: '22000',
  IO_ERROR: '58030',
  INTERNAL: 'XX000',
};

export interface PgError { code: string; message: string; hint?: string; /** ERROR unless the connection ends with it. */ severity?: 'ERROR' | 'FATAL'; /** 1-based character position in the query text. */ position?: number }

/** A Postgres-level error (not an Eddy SqlError): its SQLSTATE is given. */
export class PgProtocolError extends Error {
  constructor(readonly code: string, message: string, readonly hint?: string) { super(message); }
}

/** An error as ErrorResponse fields; `queryText` is the whole Query the position points into. */
export function pgError(e: unknown, queryText: string | undefined): PgError {
  if (e instanceof PgProtocolError) return { code: e.code, message: e.message, ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  if (!isSqlError(e)) return { code: 'XX000', message: e instanceof Error ? e.message : String(e) };
  const out: PgError = { code: SQLSTATE[e.code] ?? 'XX000', message: e.message };
  // Positions are offsets into the whole Query text (the statements keep their origin);
  // Postgres counts characters from 1.
  if (e.position && queryText !== undefined) out.position = [...queryText.slice(0, e.position.offset)].length + 1;
  return out;
}
