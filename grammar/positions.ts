// Source positions and spans: shifting statement-relative positions into script coordinates,
// and building node spans from tokens.
import type { IToken } from './chevrotain.js';
import type { Position, Span } from '../src/types/sql-error.js';

export const START: Position = { line: 1, column: 1, offset: 0 };

/** Moves a position that is relative to a statement's text to the script the text came from. */
export function shift(line: number, column: number, offset: number, origin: Position): Position {
  return {
    line: line + origin.line - 1,
    column: line === 1 ? column + origin.column - 1 : column,
    offset: offset + origin.offset,
  };
}

/** The position just after `text` when it starts at `origin` (where an unexpected end is reported). */
export function endOf(text: string, origin: Position): Position {
  let line = origin.line, column = origin.column;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; column = 1; } else column++;
  }
  return { line, column, offset: origin.offset + text.length };
}

export function tokenPosition(t: IToken): Position {
  return { line: t.startLine ?? 1, column: t.startColumn ?? 1, offset: t.startOffset };
}

/** From the start of `first` to the end of `last` (both tokens already in script coordinates). */
export function tokenSpan(first: IToken, last: IToken = first): Span {
  return { line: first.startLine!, column: first.startColumn!, offset: first.startOffset, endOffset: last.endOffset! + 1 };
}

/** From the start of `a` to the end of `b`. */
export function cover(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, offset: a.offset, endOffset: b.endOffset };
}

/** From the start of token `t` to the end of span `s` (or the reverse when the token is last). */
export function fromToken(t: IToken, s: Span): Span {
  return { line: t.startLine!, column: t.startColumn!, offset: t.startOffset, endOffset: s.endOffset };
}

export function toToken(s: Span, t: IToken): Span {
  return { line: s.line, column: s.column, offset: s.offset, endOffset: t.endOffset! + 1 };
}
