// Errors raised when a serde is created for a schema its format cannot hold. Messages follow
// ksqlDB's wording, which its tests match by substring.
import { SqlError } from '../types/sql-error.js';
import { formatType, type SqlType } from '../types/sql-type.js';
import { quoteName, type Column } from '../types/schema.js';

/** ksqlDB's column list in these messages: "[`K` STRING KEY, `V` INTEGER]". */
export function columnList(columns: readonly Column[], isKey: boolean): string {
  return '[' + columns.map((c) => `${quoteName(c.name)} ${formatType(c.type)}${isKey ? ' KEY' : ''}`).join(', ') + ']';
}

/** "The 'KAFKA' format does not support type 'BOOLEAN'" (the base type, as SqlBaseType prints). */
export function unsupportedType(format: string, type: SqlType, column?: Column): SqlError {
  const where = column === undefined ? '' : `, column: ${quoteName(column.name)}`;
  return new SqlError('INVALID_STATEMENT', `The '${format}' format does not support type '${type.kind}'${where}`);
}

export function invalidProperty(message: string): SqlError {
  return new SqlError('INVALID_PROPERTY', message);
}
