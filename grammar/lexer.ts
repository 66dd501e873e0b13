// The lexer: chevrotain does the matching; we then turn identifier tokens that spell a keyword
// into keyword tokens, move positions into script coordinates, and report the first bad
// character or unterminated literal as a SqlError.
import { Lexer, type IToken } from './chevrotain.js';
import { SqlError, type Position } from '../src/types/sql-error.js';
import { shift, START } from './positions.js';
import {
  Identifier, KEYWORDS, LEXER_TOKENS, UnterminatedComment, UnterminatedQuoted, UnterminatedString,
} from './tokens.js';

// Built once: chevrotain's lexer construction analyses every pattern.
const lexer = new Lexer(LEXER_TOKENS, { positionTracking: 'full', ensureOptimizations: false });

const SNIPPET_MAX = 40;

function snippetAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const lineEnd = rest.search(/[\r\n]/);
  const line = lineEnd < 0 ? rest : rest.slice(0, lineEnd);
  return line.length > SNIPPET_MAX ? line.slice(0, SNIPPET_MAX) + '…' : line;
}

function lexError(message: string, text: string, line: number, column: number, offset: number, origin: Position): SqlError {
  return new SqlError('PARSE_ERROR', message, {
    position: shift(line, column, offset, origin),
    snippet: snippetAt(text, offset),
  });
}

const UNTERMINATED: Record<string, string> = {
  [UnterminatedString.name]: 'unterminated string: a closing single quote is missing',
  [UnterminatedComment.name]: "unterminated comment: '*/' is missing",
};

/** Tokens of `text` (which starts at `origin` in its script), keywords resolved. Throws SqlError. */
export function tokenize(text: string, origin: Position = START): IToken[] {
  const result = lexer.tokenize(text);
  const tokens = result.tokens;
  const firstBad = result.errors[0];
  for (const t of tokens) {
    // An error before this token is reported first (errors and tokens are both in text order).
    if (firstBad && firstBad.offset < t.startOffset) break;
    const type = t.tokenType;
    if (type === UnterminatedQuoted) {
      const what = t.image[0] === '`' ? 'backquoted identifier: a closing ` is missing' : 'quoted identifier: a closing " is missing';
      throw lexError(`unterminated ${what}`, text, t.startLine!, t.startColumn!, t.startOffset, origin);
    }
    const unterminated = UNTERMINATED[type.name];
    if (unterminated) throw lexError(unterminated, text, t.startLine!, t.startColumn!, t.startOffset, origin);
  }
  if (firstBad) {
    const ch = text[firstBad.offset] ?? '';
    throw lexError(`unexpected character '${ch}'`, text, firstBad.line ?? 1, firstBad.column ?? 1, firstBad.offset, origin);
  }
  const sameLine = origin.line === 1 && origin.column === 1 && origin.offset === 0;
  for (const t of tokens) {
    if (t.tokenType === Identifier) {
      const k = KEYWORDS.get(t.image.toUpperCase());
      if (k) { t.tokenType = k; t.tokenTypeIdx = k.tokenTypeIdx!; }
    }
    if (!sameLine) relocate(t, origin);
  }
  return tokens;
}

function relocate(t: IToken, origin: Position): void {
  const start = shift(t.startLine!, t.startColumn!, t.startOffset, origin);
  const end = shift(t.endLine!, t.endColumn!, t.endOffset!, origin);
  t.startLine = start.line; t.startColumn = start.column; t.startOffset = start.offset;
  t.endLine = end.line; t.endColumn = end.column; t.endOffset = end.offset;
}
