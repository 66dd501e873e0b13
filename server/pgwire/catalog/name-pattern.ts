// psql's name patterns (\d ord*, \df abs): it sends them as regular expressions in WHERE
// conditions, `c.relname OPERATOR(pg_catalog.~) '^(ord.*)$' COLLATE pg_catalog.default`.
// Eddy's names are case-insensitive, so they match ignoring case: \d orders finds ORDERS.
import { unquoteLiteral } from './sql-text.js';

const PATTERN = /^(\w+\.\w+) OPERATOR\(pg_catalog\.~\) ('(?:[^']|'')*')(?: COLLATE pg_catalog\.default)?$/;

/** For a pattern condition: the column it tests and its regular expression (never matching if broken). */
export function namePattern(condition: string): { column: string; re: RegExp } | undefined {
  const m = PATTERN.exec(condition);
  if (!m) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(unquoteLiteral(m[2]), 'i');
  } catch {
    re = /(?!)/;
  }
  return { column: m[1], re };
}
