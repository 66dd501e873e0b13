// The error an expression throws on a row it cannot evaluate (division by zero, a bad cast, a
// function failing). The runtime catches it and sends the row to the processing log.
import { constants } from 'node:buffer';
import { SqlError } from '../types/sql-error.js';
import { excerpt } from '../types/excerpt.js';

export class EvaluationError extends SqlError {
  /** The failing expression as SQL text, when known. */
  readonly expression?: string;
  /** Why it failed, without the expression. */
  readonly reason: string;

  constructor(reason: string, expression?: string, cause?: unknown) {
    super('EVALUATION_ERROR', expression === undefined ? reason : `Error evaluating ${excerpt(expression)}: ${reason}`, { cause });
    this.name = 'EvaluationError';
    this.reason = reason;
    this.expression = expression;
  }

  /**
   * The error to throw for `expression` failing with `err`: an EvaluationError that already names
   * an (inner, more precise) expression is kept; anything else is wrapped.
   */
  static wrap(err: unknown, expression: string): EvaluationError {
    if (err instanceof EvaluationError) {
      return err.expression !== undefined ? err : new EvaluationError(err.reason, expression, err.cause);
    }
    return new EvaluationError(failureReason(err), expression, err);
  }
}

/** V8's longest string (2^29 - 24 characters on 64-bit Node). */
const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/**
 * Why `err` happened, in words a user can act on. JavaScript's own limits surface as RangeErrors
 * that name no value ("Invalid string length"): say what was too large instead.
 */
export function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err instanceof RangeError) {
    const m = err.message;
    if (/Invalid string length/i.test(m)) return `string result too long (over ${MAX_STRING_LENGTH} characters)`;
    if (/Maximum BigInt size exceeded/i.test(m)) return 'number too large to compute (over 2^30 bits)';
    if (/Invalid array length|Array buffer allocation failed|Invalid typed array length/i.test(m)) return 'array or bytes result too large';
    if (/call stack/i.test(m)) return 'value nested too deeply (out of stack)';
  }
  return err.message;
}

export const isEvaluationError = (e: unknown): e is EvaluationError => e instanceof EvaluationError;
