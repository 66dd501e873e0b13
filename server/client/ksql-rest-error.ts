// An error answer of a ksqlDB REST server (or the server not answering), as the client throws it:
// ksqlDB's error entity (error_code, message, statementText) with the HTTP status, and the
// position of the fault within the statement sent when the message starts with one ("line 2,
// column 8: ...", as Eddy's server writes it).
import type { Position } from '../../src/types/sql-error.js';

export class KsqlRestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when no answer came (refused, timed out). */
    readonly status: number,
    /** ksqlDB's error_code (e.g. 40001), when the body had one. */
    readonly errorCode?: number,
    /** Where in the statement sent, 1-based. */
    readonly position?: Position,
    readonly statementText?: string,
  ) {
    super(message);
    this.name = 'KsqlRestError';
  }
}

const POSITIONED = /^line (\d+), column (\d+): ([\s\S]*)$/;

/** The error for an error entity (or any body) answered with `status`. */
export function restErrorFromBody(status: number, body: unknown): KsqlRestError {
  const o = typeof body === 'object' && body !== null ? body as Record<string, unknown> : {};
  const raw = typeof o.message === 'string' ? o.message : typeof body === 'string' && body !== '' ? body : `the server answered HTTP ${status}`;
  const m = POSITIONED.exec(raw);
  const position = m ? { line: Number(m[1]), column: Number(m[2]), offset: 0 } : undefined;
  const hint = status === 401 ? ': the server wants a user and password (give them in the URL: http://USER:PASSWORD@HOST:PORT)' : '';
  return new KsqlRestError((m ? m[3] : raw) + hint, status, typeof o.error_code === 'number' ? o.error_code : undefined, position,
    typeof o.statementText === 'string' ? o.statementText : undefined);
}
