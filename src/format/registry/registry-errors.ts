// Errors the registry formats give statements: the registry's own message as a statement error,
// and ksqlDB's text for a topic whose subject has no schema.
import { SqlError } from '../../types/sql-error.js';

export function registryError(e: unknown): SqlError {
  if (e instanceof SqlError) return e;
  return new SqlError('INVALID_STATEMENT', e instanceof Error ? e.message : String(e), { cause: e });
}

export function noSchemaError(topic: string, isKey: boolean): SqlError {
  return new SqlError('INVALID_STATEMENT',
    `Schema for message ${isKey ? 'keys' : 'values'} on topic '${topic}' does not exist in the Schema Registry.`);
}
