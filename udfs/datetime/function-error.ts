// ksqlDB's date/time functions rethrow failures as KsqlFunctionException with the input and the
// pattern in front of the cause's message; so do these.
import { SqlError } from '../../src/types/sql-error.js';

export function withContext<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const cause = e instanceof Error ? e.message : String(e);
    throw new SqlError('EVALUATION_ERROR', `${context}: ${cause}`, { cause: e });
  }
}
