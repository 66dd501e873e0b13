// VALUE_DELIMITER / KEY_DELIMITER values. parseDelimiter follows ksqlDB's Delimiter.parse for
// statement text: one character, or the names TAB and SPACE (a literal space or tab is refused as
// looking empty). delimiterChar is what serdes accept: a name or any single character, since
// callers may pass the already-resolved '\t' or ' '.
import { invalidProperty } from './format-errors.js';
import { javaTrim } from '../values/java-number.js';

const NAMED: Record<string, string> = { TAB: '\t', SPACE: ' ' };

function named(value: string): string | undefined {
  const upper = value.toUpperCase();
  return Object.hasOwn(NAMED, upper) ? NAMED[upper] : undefined;
}

/** Statement-level check; throws SqlError INVALID_PROPERTY with ksqlDB's message. */
export function parseDelimiter(value: string): string {
  if (javaTrim(value).length === 0) {
    throw invalidProperty("Delimiter cannot be empty, if you meant to have a tab or space for delimiter, please use the special values 'TAB' or 'SPACE'");
  }
  return delimiterChar(value);
}

/** The delimiter character for a serde (',' by default). */
export function delimiterChar(value: string | undefined): string {
  if (value === undefined) return ',';
  const d = value.length === 1 ? value : named(value);
  if (d === undefined) {
    throw invalidProperty(`Invalid delimiter value: '${value}'. Delimiter must be a single character or TAB,SPACE`);
  }
  // commons-csv refuses these when it builds the format.
  if (d === '"') throw invalidProperty(`The quoteChar character and the delimiter cannot be the same ('"')`);
  if (d === '\r' || d === '\n') throw invalidProperty('The delimiter cannot be a line break');
  return d;
}
