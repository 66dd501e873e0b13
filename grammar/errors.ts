// Parse error messages in words a user understands: "unexpected 'FORM', expected FROM".
// Chevrotain hands us the token types it expected; we name them and summarize long lists
// (an expression position expects dozens of tokens: we just say "an expression").
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import {
  BackQuotedIdentifier, CASE, CAST, DecimalLiteral, DigitIdentifier, FALSE, FloatLiteral, Identifier,
  IntegerLiteral, LParen, Minus, Name, NonReserved, NOT, NULL, Plus, QuotedIdentifier, Reserved, StringLiteral, TRUE,
  Variable,
} from './tokens.js';
import { TIME_UNIT_TOKENS } from './literals.js';

const NAME = 'a name';
const NUMBER = 'a number';
const STRING = 'a string';
const EXPRESSION = 'an expression';

const DESCRIPTIONS = new Map<TokenType, string>([
  [Name, NAME], [Identifier, NAME], [QuotedIdentifier, NAME], [BackQuotedIdentifier, NAME], [DigitIdentifier, NAME],
  [NonReserved, NAME], [StringLiteral, STRING], [IntegerLiteral, NUMBER], [DecimalLiteral, NUMBER],
  [FloatLiteral, NUMBER], [Variable, 'a variable'], [EOF, 'end of statement'],
]);

/** Tokens that can start an expression: when most of them are expected, say "an expression". */
const EXPRESSION_STARTS = new Set<TokenType>([
  Name, Identifier, QuotedIdentifier, BackQuotedIdentifier, DigitIdentifier, NonReserved, StringLiteral, IntegerLiteral,
  DecimalLiteral, FloatLiteral, Variable, NULL, TRUE, FALSE, CASE, CAST, NOT, LParen, Minus, Plus,
]);

const TIME_UNITS = new Set<TokenType>(TIME_UNIT_TOKENS);

function describeType(t: TokenType): string {
  return DESCRIPTIONS.get(t) ?? t.LABEL ?? t.name;
}

/** How the offending token reads in a message. */
export function describeToken(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) return 'end of statement';
  return `'${t.image}'`;
}

const MAX_LISTED = 8;

/** "FROM", "FROM or WHERE", "A, B or C", or a summary when the list is long. */
export function describeExpected(types: TokenType[]): string {
  const unique = [...new Set(types)];
  const isExpression = unique.filter((t) => EXPRESSION_STARTS.has(t)).length >= 5;
  const words: string[] = [];
  if (isExpression) words.push(EXPRESSION);
  for (const t of unique) {
    // Time-unit keywords are also valid arguments (TIMESTAMPADD(SECONDS, ...)): not worth listing.
    if (isExpression && (EXPRESSION_STARTS.has(t) || TIME_UNITS.has(t))) continue;
    if (t === Reserved) continue;
    const w = describeType(t);
    if (!words.includes(w)) words.push(w);
  }
  if (words.length > MAX_LISTED) return `${words.slice(0, MAX_LISTED).join(', ')} or ${words.length - MAX_LISTED} other options`;
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Clause words nobody means as a name: no "quote it" hint for these. */
const STRUCTURAL = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'WINDOW', 'LIMIT', 'AS', 'ON', 'AND',
  'OR', 'NOT', 'WITH', 'JOIN', 'WITHIN', 'THEN', 'ELSE', 'END', 'WHEN', 'IN', 'IS', 'LIKE', 'BETWEEN', 'INTO', 'VALUES']);

function unexpected(actual: IToken | undefined, expected: TokenType[]): string {
  if (actual?.tokenType === Variable) return `variable ${actual.image} is not defined (DEFINE it first)`;
  // A keyword where a name belongs is the most common surprise: say so.
  const wantsName = expected.some((t) => DESCRIPTIONS.get(t) === NAME);
  const reservedHint = wantsName && actual && actual.tokenType !== EOF && /^[A-Za-z_]+$/.test(actual.image)
    && !tokenMatcher(actual, NonReserved) && actual.tokenType !== Identifier
    && !STRUCTURAL.has(actual.image.toUpperCase())
    ? ` ('${actual.image.toUpperCase()}' is a reserved word: quote it with backticks to use it as a name)`
    : '';
  return `unexpected ${describeToken(actual)}, expected ${describeExpected(expected)}${reservedHint}`;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return unexpected(actual, [expected]);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === Variable) return `variable ${firstRedundant.image} is not defined (DEFINE it first)`;
    return `unexpected ${describeToken(firstRedundant)}, expected end of statement`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0])).filter((t) => t !== undefined);
    return unexpected(actual[0], firsts);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = expectedIterationPaths.map((p) => p[0]).filter((t) => t !== undefined);
    return unexpected(actual[0], firsts);
  },
};
