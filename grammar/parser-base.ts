// The root of the parser class chain (base → types → primaries → expressions → queries → ddl →
// statements):
// per-parse state, error helpers, and the small rules everything else uses (names, numbers,
// durations, WITH properties). Chevrotain's embedded actions build the AST while parsing; code
// that inspects parse results runs inside ACTION so the grammar-recording pass skips it.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken, type TokenType } from './chevrotain.js';
import { SqlError } from '../src/types/sql-error.js';
import type { Position, Span } from '../src/types/sql-error.js';
import type { Properties, PropertyValue } from './ast.js';
import { errorMessageProvider } from './errors.js';
import { identifierText, numberProblem, TIME_UNIT_TOKENS, unitMillis, unquoteString } from './literals.js';
import { tokenPosition, tokenSpan } from './positions.js';
import {
  Comma, DecimalLiteral, Eq, FALSE, FloatLiteral, IntegerLiteral, LParen, Minus, Name, NULL, PARSER_TOKENS, RParen,
  Semicolon, StringLiteral, TRUE,
} from './tokens.js';

/** A numeric literal as written, with the tokens it spans (a leading minus is part of it). */
export interface NumberText { text: string; first: IToken; last: IToken }

export function isIdentifierToken(t: IToken): boolean {
  return tokenMatcher(t, Name);
}

export abstract class BaseParser extends EmbeddedActionsParser {
  /** The statement text being parsed, and the script offset it starts at (for `text` slices). */
  protected source = '';
  protected sourceOffset = 0;

  /** `validate` runs chevrotain's grammar checks (ambiguities...): slow, so only tests ask for it. */
  constructor(validate = false) {
    super(PARSER_TOKENS, { maxLookahead: 2, errorMessageProvider, skipValidations: !validate });
  }

  /** Starts a parse: chevrotain resets its own state when `input` is set. */
  /**
   * Names CREATE TYPE gave types, which a type position may use (resolved when the statement
   * runs); 'any': every unknown name is taken for one (a client parsing for a server).
   */
  protected customTypes: ReadonlySet<string> | 'any' = new Set();

  begin(tokens: IToken[], source: string, sourceOffset: number, customTypes: ReadonlySet<string> | 'any' = new Set()): void {
    this.source = source;
    this.sourceOffset = sourceOffset;
    this.customTypes = customTypes;
    this.resetState();
    this.input = tokens;
  }

  /** Per-parse state of subclasses. */
  protected resetState(): void {}

  /** The source text covered by a span. */
  protected textOf(span: Span): string {
    return this.source.slice(span.offset - this.sourceOffset, span.endOffset - this.sourceOffset);
  }

  /** Where the parser is now (the next token), unless at the end. */
  currentPosition(): Position | undefined {
    const t = this.LA(1);
    return t.tokenType === EOF || Number.isNaN(t.startOffset) ? undefined : tokenPosition(t);
  }

  /** The last token consumed (for spans ending "here"). */
  protected lastToken(): IToken {
    return this.LA(0);
  }

  protected fail(message: string, at: IToken | Span): never {
    const span = 'image' in at ? tokenSpan(at) : at;
    const position = 'image' in at ? tokenPosition(at) : { line: at.line, column: at.column, offset: at.offset };
    throw new SqlError('PARSE_ERROR', message, { position, snippet: this.textOf(span) });
  }

  protected nextIsIdentifier(k: number): boolean {
    return isIdentifierToken(this.LA(k));
  }

  protected nextIs(k: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(k), type);
  }

  protected nextEnds(k: number): boolean {
    const t = this.LA(k);
    return t.tokenType === EOF || t.tokenType === Semicolon;
  }

  // ---------- names ----------

  /** Any name token: plain, "quoted", `backquoted`, or a non-reserved keyword. */
  identifierToken = this.RULE('identifierToken', (): IToken => this.CONSUME(Name));

  /** A normalized name (unquoted → upper case). */
  identifier = this.RULE('identifier', (): string => {
    const t = this.SUBRULE(this.identifierToken);
    return this.ACTION(() => {
      const name = identifierText(t);
      if (name === '') this.fail('a name must not be empty', t);
      return name;
    });
  });

  // ---------- literals ----------

  /** `-`? followed by an integer, decimal or floating-point literal. */
  signedNumber = this.RULE('signedNumber', (): NumberText => {
    let minus: IToken | undefined;
    this.OPTION(() => { minus = this.CONSUME(Minus); });
    const t = this.OR([
      { ALT: () => this.CONSUME(IntegerLiteral) },
      { ALT: () => this.CONSUME(DecimalLiteral) },
      { ALT: () => this.CONSUME(FloatLiteral) },
    ]);
    return this.ACTION(() => {
      const text = (minus ? '-' : '') + t.image;
      const problem = numberProblem(text);
      if (problem) this.fail(problem, minus ?? t);
      return { text, first: minus ?? t, last: t };
    });
  });

  /** A whole number where ksqlDB wants one (sizes, LIMIT, INTERVAL). */
  wholeNumber = this.RULE('wholeNumber', (): number => {
    const n = this.SUBRULE(this.signedNumber);
    return this.ACTION(() => {
      if (!/^-?\d+$/.test(n.text)) this.fail(`expected a whole number but got ${n.text}`, n.first);
      const value = Number(n.text);
      if (!Number.isSafeInteger(value)) this.fail(`number out of range: ${n.text}`, n.first);
      return value;
    });
  });

  /** `10 SECONDS` → 10000 (milliseconds). */
  duration = this.RULE('duration', (): number => {
    const first = this.LA(1);
    const n = this.SUBRULE(this.wholeNumber);
    const unit = this.OR(TIME_UNIT_TOKENS.map((u) => ({ ALT: () => this.CONSUME(u) })));
    return this.ACTION(() => {
      const ms = n * unitMillis(unit);
      if (!Number.isSafeInteger(ms)) this.fail('duration out of range', first);
      return ms;
    });
  });

  // ---------- WITH (...) properties ----------

  properties = this.RULE('properties', (): Properties => {
    const props: Properties = {};
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        const entry = this.SUBRULE(this.property);
        this.ACTION(() => { props[entry[0]] = entry[1]; });
      },
    });
    this.CONSUME(RParen);
    return props;
  });

  private property = this.RULE('property', (): [string, PropertyValue] => {
    const key = this.OR([
      { ALT: () => this.SUBRULE(this.identifier) },
      { ALT: () => { const t = this.CONSUME(StringLiteral); return this.ACTION(() => unquoteString(t.image)); } },
    ]);
    this.CONSUME(Eq);
    const value = this.SUBRULE(this.propertyValue);
    return this.ACTION(() => [key.toUpperCase(), value]);
  });

  private propertyValue = this.RULE('propertyValue', (): PropertyValue => this.OR([
    { ALT: () => { const t = this.CONSUME(StringLiteral); return this.ACTION(() => ({ value: unquoteString(t.image), span: tokenSpan(t) })); } },
    { ALT: () => { const t = this.CONSUME(TRUE); return this.ACTION(() => ({ value: true, span: tokenSpan(t) })); } },
    { ALT: () => { const t = this.CONSUME(FALSE); return this.ACTION(() => ({ value: false, span: tokenSpan(t) })); } },
    { ALT: () => { const t = this.CONSUME(NULL); return this.ACTION(() => ({ value: null, span: tokenSpan(t) })); } },
    {
      ALT: () => {
        const n = this.SUBRULE(this.signedNumber);
        return this.ACTION(() => ({ value: Number(n.text), span: tokenSpan(n.first, n.last) }));
      },
    },
  ]));
}
