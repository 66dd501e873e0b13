// ksqlDB's date/time functions rethrow failures as KsqlFunctionException with the input and the
// pattern in front of the cause's message; so do these.
import { SqlError } from '../../src/types/sql-error.js';
import { InvalidPatternError } from './java-date-pattern.js';

export function withContext<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // A pattern fails inside ksqlDB's formatter cache, whose exception message is the cause's
    // class and message.
    const cause = e instanceof InvalidPatternError ? `java.lang.IllegalArgumentException: ${e.message}`
      : e instanceof Error ? e.message : String(e);
    throw new SqlError('EVALUATION_ERROR', `${context}: ${cause}`, { cause: e });
  }
}
