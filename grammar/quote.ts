// Quoting names and strings for printing: a name stays bare only when reading it back gives the
// same name (upper case, no special characters, not a keyword).
import { ALL_KEYWORDS } from './tokens.js';

const PLAIN = /^[A-Z_][A-Z0-9_@]*$/;

export function isPlainName(name: string): boolean {
  return PLAIN.test(name) && !ALL_KEYWORDS.has(name);
}

export function quoteIdentifier(name: string): string {
  return isPlainName(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

export function quoteString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}
