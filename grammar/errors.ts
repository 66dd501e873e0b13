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
import { excerpt } from '../src/types/excerpt.js';

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
  return `'${excerpt(t.image)}'`;
}

const MAX_LISTED = 12;

/** "FROM", "FROM or WHERE", "A, B or C", or a summary when the list is long. */
export function describeExpected(types: TokenType[]): string {
  const unique = [...new Set(types)];
  const isExpression = unique.filter((t) => EXPRESSION_STARTS.has(t)).length >= 5;
  const isTimeUnit = unique.filter((t) => TIME_UNITS.has(t)).length === TIME_UNITS.size;
  const words: string[] = [];
  if (isExpression) words.push(EXPRESSION);
  else if (isTimeUnit) words.push('a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS)');
  for (const t of unique) {
    // Time-unit keywords are also valid arguments (TIMESTAMPADD(SECONDS, ...)): not worth listing.
    if (isExpression && EXPRESSION_STARTS.has(t)) continue;
    if ((isExpression || isTimeUnit) && TIME_UNITS.has(t)) continue;
    if (t === Reserved) continue;
    const w = describeType(t);
    if (!words.includes(w)) words.push(w);
  }
  if (words.length > MAX_LISTED) return `${words.slice(0, MAX_LISTED).join(', ')}, ...`;
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The expected keyword the offending word is a likely typo of (CREAT → CREATE), if any. */
function didYouMean(actual: IToken | undefined, expected: TokenType[]): string {
  // Keywords are short: a long word is no typo of one (and would make the edit distance slow).
  if (!actual || actual.tokenType === EOF || actual.image.length > 30 || !/^[A-Za-z_]{3,}$/.test(actual.image)) return '';
  const word = actual.image.toUpperCase();
  let best = '';
  let bestDistance = Infinity;
  for (const t of expected) {
    const keyword = t.LABEL;
    if (!keyword || !/^[A-Z]+$/.test(keyword) || keyword === word) continue;
    const d = editDistance(word, keyword);
    if (d <= (keyword.length > 4 ? 2 : 1) && d < bestDistance) { best = keyword; bestDistance = d; }
  }
  return best ? ` (did you mean ${best}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Clause words nobody means as a name: no "quote it" hint for these. */
const STRUCTURAL = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'WINDOW', 'LIMIT', 'AS', 'ON', 'AND',
  'OR', 'NOT', 'WITH', 'JOIN', 'WITHIN', 'THEN', 'ELSE', 'END', 'WHEN', 'IN', 'IS', 'LIKE', 'BETWEEN', 'INTO', 'VALUES']);

function unexpected(actual: IToken | undefined, expected: TokenType[]): string {
  if (actual?.tokenType === Variable) return `variable ${excerpt(actual.image)} is not defined (DEFINE it first)`;
  // A keyword where a name belongs is the most common surprise: say so.
  const wantsName = expected.some((t) => DESCRIPTIONS.get(t) === NAME);
  const reservedHint = wantsName && actual && actual.tokenType !== EOF && /^[A-Za-z_]+$/.test(actual.image)
    && !tokenMatcher(actual, NonReserved) && actual.tokenType !== Identifier
    && !STRUCTURAL.has(actual.image.toUpperCase())
    ? ` ('${actual.image.toUpperCase()}' is a reserved word: quote it with backticks to use it as a name)`
    : '';
  const hint = reservedHint || didYouMean(actual, expected);
  return `unexpected ${describeToken(actual)}, expected ${describeExpected(expected)}${hint}`;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return unexpected(actual, [expected]);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === Variable) return `variable ${excerpt(firstRedundant.image)} is not defined (DEFINE it first)`;
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
