// Parses a timestamp string with a Java date pattern (TIMESTAMP_FORMAT), UTC unless it has a zone.
import { SqlError } from '../../types/sql-error.js';
import { parseTimestamp } from '../../../udfs/datetime/java-date-format.js';

export function parseTimestampWithPattern(text: string, pattern: string | undefined): number {
  if (!pattern) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new SqlError('EVALUATION_ERROR', `cannot parse timestamp '${text}'`);
    return ms;
  }
  return parseTimestamp(text, pattern);
}
