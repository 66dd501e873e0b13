// The error an expression throws on a row it cannot evaluate (division by zero, a bad cast, a
// function failing). The runtime catches it and sends the row to the processing log.
import { SqlError } from '../../types/sql-error.js';

export class EvaluationError extends SqlError {
  /** The failing expression as SQL text, when known. */
  readonly expression?: string;
  /** Why it failed, without the expression. */
  readonly reason: string;

  constructor(reason: string, expression?: string, cause?: unknown) {
    super('EVALUATION_ERROR', expression === undefined ? reason : `Error evaluating ${expression}: ${reason}`, { cause });
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
    const reason = err instanceof Error ? err.message : String(err);
    return new EvaluationError(reason, expression, err);
  }
}

export const isEvaluationError = (e: unknown): e is EvaluationError => e instanceof EvaluationError;
