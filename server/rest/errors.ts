// Errors as ksqlDB's REST API returns them: an error entity with an error_code (the HTTP status
// times 100 plus a detail, e.g. 40001 for a bad statement) and the HTTP status from the code's
// entry in src/types/error-codes.ts (who is at fault).
import { ERROR_CODES } from '../../src/types/error-codes.js';
import { SqlError } from '../../src/types/sql-error.js';

export interface GenericError { '@type': 'generic_error'; error_code: number; message: string }
export interface StatementError {
  '@type': 'statement_error'; error_code: number; message: string; statementText: string; entities: unknown[];
}

/** ksqlDB's error codes that clients look for. */
export const BAD_STATEMENT = 40001;
export const QUERY_ENDPOINT = 40002;
export const BAD_REQUEST = 40000;
export const NOT_FOUND = 40400;
export const SERVER_ERROR = 50000;

/** The HTTP status for an error thrown by the engine. */
export function httpStatus(e: unknown): number {
  return e instanceof SqlError ? ERROR_CODES[e.code].http : 500;
}

/** ksqlDB's error_code for an error thrown by the engine. */
export function errorCode(e: unknown): number {
  const status = httpStatus(e);
  return status === 400 ? BAD_STATEMENT : status * 100;
}

/** The message, with the statement position when there is one ("line 1, column 8: ..."). */
export function errorMessage(e: unknown): string {
  if (e instanceof SqlError) return e.describe();
  return e instanceof Error ? e.message : String(e);
}

export function statementError(e: unknown, statementText: string, entities: unknown[]): StatementError {
  return { '@type': 'statement_error', error_code: errorCode(e), message: errorMessage(e), statementText, entities };
}

export function genericError(errorCodeValue: number, message: string): GenericError {
  return { '@type': 'generic_error', error_code: errorCodeValue, message };
}

/** A generic error entity for an error thrown by the engine, with its HTTP status. */
export function engineError(e: unknown): { status: number; body: GenericError } {
  return { status: httpStatus(e), body: genericError(errorCode(e), errorMessage(e)) };
}

/** Thrown by endpoints to answer with this status and entity. */
export class RestError extends Error {
  constructor(readonly status: number, readonly body: GenericError | StatementError) {
    super(body.message);
  }
}
