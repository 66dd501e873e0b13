// The one error type the engine throws to its callers.
import { ERROR_CODES, type ErrorCode, type Fault } from './error-codes.js';
import { capMessage, excerpt } from './excerpt.js';

/** A position in SQL text: 1-based line and column, 0-based character offset. */
export interface Position { line: number; column: number; offset: number }

/** A source range: start position plus the end offset (exclusive). */
export interface Span extends Position { endOffset: number }

export class SqlError extends Error {
  readonly code: ErrorCode;
  readonly position?: Position;
  /** The offending text, when known (e.g. the unexpected token). */
  readonly snippet?: string;

  constructor(code: ErrorCode, message: string, opts: { position?: Position; snippet?: string; cause?: unknown } = {}) {
    // Messages and snippets quote user text, which may be huge: keep them readable.
    super(capMessage(message), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SqlError';
    this.code = code;
    this.position = opts.position;
    this.snippet = opts.snippet === undefined ? undefined : excerpt(opts.snippet);
  }

  get fault(): Fault { return ERROR_CODES[this.code].fault; }

  /** "line 3, column 14: message" when the position is known. */
  describe(): string {
    return this.position ? `line ${this.position.line}, column ${this.position.column}: ${this.message}` : this.message;
  }
}

export const isSqlError = (e: unknown): e is SqlError => e instanceof SqlError;
