// Turning token text into values: identifiers (normalized as ksqlDB does), strings, numbers and
// durations. Pure functions; the parser calls them from its actions.
import type { IToken, TokenType } from './chevrotain.js';
import {
  BackQuotedIdentifier, DAY, DAYS, HOUR, HOURS, MILLISECOND, MILLISECONDS, MINUTE, MINUTES, QuotedIdentifier,
  SECOND, SECONDS,
} from './tokens.js';

/** `'it''s'` → `it's`. */
export function unquoteString(image: string): string {
  return image.slice(1, -1).replace(/''/g, "'");
}

/** Unquoted names are upper-cased; quoted ones are kept as written (with doubled quotes undone). */
export function identifierText(t: IToken): string {
  if (t.tokenType === BackQuotedIdentifier) return t.image.slice(1, -1).replace(/``/g, '`');
  if (t.tokenType === QuotedIdentifier) return t.image.slice(1, -1).replace(/""/g, '"');
  return t.image.toUpperCase();
}

/** As written, but without quotes: for names ksqlDB treats case-sensitively (PRINT topic). */
export function identifierAsWritten(t: IToken): string {
  if (t.tokenType === BackQuotedIdentifier || t.tokenType === QuotedIdentifier) return identifierText(t);
  return t.image;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Why a numeric literal is not acceptable (ksqlDB's messages), or undefined when it is fine. */
export function numberProblem(text: string): string | undefined {
  if (/[eE]/.test(text)) {
    return Number.isFinite(Number(text)) ? undefined : `Number overflows DOUBLE: ${text}`;
  }
  if (text.includes('.')) return undefined;
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? `Invalid numeric literal: ${text}` : undefined;
}

const UNIT_MS = new Map<TokenType, number>([
  [MILLISECOND, 1], [MILLISECONDS, 1],
  [SECOND, 1000], [SECONDS, 1000],
  [MINUTE, 60_000], [MINUTES, 60_000],
  [HOUR, 3_600_000], [HOURS, 3_600_000],
  [DAY, 86_400_000], [DAYS, 86_400_000],
]);

export const TIME_UNIT_TOKENS: TokenType[] = [...UNIT_MS.keys()];

export function unitMillis(t: IToken): number {
  return UNIT_MS.get(t.tokenType) ?? 1;
}

export function isTimeUnit(name: string): boolean {
  return UNIT_NAMES.has(name);
}
const UNIT_NAMES = new Set(['MILLISECOND', 'MILLISECONDS', 'SECOND', 'SECONDS', 'MINUTE', 'MINUTES', 'HOUR', 'HOURS', 'DAY', 'DAYS']);

const PRINT_UNITS: [number, string][] = [
  [86_400_000, 'DAY'], [3_600_000, 'HOUR'], [60_000, 'MINUTE'], [1000, 'SECOND'], [1, 'MILLISECOND'],
];

/** 30000 → `30 SECONDS`: the largest unit that divides the duration exactly. */
export function formatDuration(ms: number): string {
  for (const [size, unit] of PRINT_UNITS) {
    if (ms !== 0 && ms % size === 0) {
      const n = ms / size;
      return `${n} ${unit}${n === 1 ? '' : 'S'}`;
    }
  }
  return `${ms} MILLISECONDS`;
}
