// A limit on one statement's size, checked before it is parsed. A durable service appends each
// statement to its command topic, whose records Kafka caps at 1 MB by default: a statement that
// could not be appended must fail before it runs, not after. Huge statements also cost parse time
// and memory for no use a person writes.
import { SqlError, type Position } from '../types/sql-error.js';

export const STATEMENT_MAX_BYTES = 'eddy.statement.max.bytes';

/** 512 KiB: with JSON escaping and properties, a command still fits a 1 MB Kafka record. */
export const DEFAULT_STATEMENT_MAX_BYTES = 512 * 1024;

/** Throws INVALID_STATEMENT when `text` is over the limit in UTF-8 bytes. */
export function checkStatementSize(text: string, origin: Position, properties: Record<string, string>): void {
  // Cheap first: a UTF-8 character takes at most 3 bytes per UTF-16 unit.
  const limit = statementMaxBytes(properties);
  if (text.length * 3 <= limit) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return;
  throw new SqlError('INVALID_STATEMENT',
    `The statement is ${bytes} bytes, over the limit of ${limit} bytes (property ${STATEMENT_MAX_BYTES}).`,
    { position: { line: origin.line, column: origin.column, offset: origin.offset } });
}

function statementMaxBytes(properties: Record<string, string>): number {
  const v = properties[STATEMENT_MAX_BYTES];
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_STATEMENT_MAX_BYTES;
}
