// A user-facing error line: "file:line:column: error: message", then the offending text.
import { SqlError } from '../../src/types/sql-error.js';

export function formatError(err: unknown, file: string | undefined, source?: string): string {
  if (err instanceof SqlError) {
    const where = err.position ? `${file ? file + ':' : ''}${err.position.line}:${err.position.column}: ` : file ? `${file}: ` : '';
    const lines = [`${where}error: ${err.message}`];
    if (err.position && source) {
      const text = source.split(/\r?\n/)[err.position.line - 1];
      if (text !== undefined) {
        lines.push(`  ${text}`);
        lines.push(`  ${' '.repeat(Math.max(0, err.position.column - 1))}^`);
      }
    }
    return lines.join('\n');
  }
  return `${file ? file + ': ' : ''}error: ${err instanceof Error ? err.message : String(err)}`;
}
