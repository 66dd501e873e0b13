// Parses a timestamp string with a Java date pattern (TIMESTAMP_FORMAT), UTC unless it has a zone.
import { SqlError } from '../../types/sql-error.js';

export function parseTimestampWithPattern(text: string, pattern: string | undefined): number {
  if (!pattern) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new SqlError('EVALUATION_ERROR', `cannot parse timestamp '${text}'`);
    return ms;
  }
  return parseWithJavaPattern(text, pattern);
}

// Replaced by the shared Java date-pattern module once it lands (udfs/datetime).
let parseWithJavaPattern = (text: string, pattern: string): number => {
  throw new SqlError('UNSUPPORTED', `TIMESTAMP_FORMAT '${pattern}' cannot parse '${text}' yet`);
};
export function setJavaPatternParser(f: (text: string, pattern: string) => number): void { parseWithJavaPattern = f; }
