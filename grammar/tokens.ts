// Token types for the SQL lexer and parser. Keywords are not lexed by their own patterns: the
// lexer matches a plain identifier and then looks the word up in KEYWORDS (see lexer.ts), which
// keeps the lexer fast and makes keywords case-insensitive for free.
import { createToken, Lexer, type TokenType } from './chevrotain.js';

// ---------- categories ----------

/** Anything usable as a name: plain, quoted and backquoted identifiers, and non-reserved keywords. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });

/** Keywords that ksqlDB's grammar lists as `nonReserved`: they also work as identifiers. */
export const NonReserved = createToken({ name: 'NonReserved', pattern: Lexer.NA, categories: [Name] });
/** ksqlDB reserved words that no Eddy rule uses; they exist only so they cannot be identifiers. */
export const Reserved = createToken({ name: 'Reserved', pattern: Lexer.NA });

// ---------- trivia ----------

export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\r\n\f]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\r\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });

// Unterminated literals and comments are lexed as tokens so the lexer can report them clearly.
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, line_breaks: true });

// ---------- literals and names ----------

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'/, line_breaks: true });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /'(?:[^']|'')*/, line_breaks: true });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /"(?:[^"]|"")*"/, line_breaks: true, categories: [Name] });
export const BackQuotedIdentifier = createToken({ name: 'BackQuotedIdentifier', pattern: /`(?:[^`]|``)*`/, line_breaks: true, categories: [Name] });
export const UnterminatedQuoted = createToken({ name: 'UnterminatedQuoted', pattern: /["`][\s\S]*/, line_breaks: true });
export const Variable = createToken({ name: 'Variable', pattern: /\$\{[A-Za-z_][A-Za-z0-9_@]*\}/ });

/** `12abc`: ksqlDB lets an unquoted identifier start with digits if a letter follows. */
export const DigitIdentifier = createToken({ name: 'DigitIdentifier', pattern: /\d+[A-Za-z_@][A-Za-z0-9_@]*/, categories: [Name] });
export const FloatLiteral = createToken({
  name: 'FloatLiteral', pattern: /(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+/, longer_alt: DigitIdentifier,
});
export const DecimalLiteral = createToken({ name: 'DecimalLiteral', pattern: /\d+\.\d*|\.\d+/ });
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /\d+/, longer_alt: DigitIdentifier });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_@]*/, categories: [Name] });

// ---------- punctuation ----------

export const LambdaArrow = createToken({ name: 'LambdaArrow', pattern: '=>', label: "'=>'" });
export const Assign = createToken({ name: 'Assign', pattern: ':=', label: "':='" });
export const Arrow = createToken({ name: 'Arrow', pattern: '->', label: "'->'" });
export const ConcatOp = createToken({ name: 'ConcatOp', pattern: '||', label: "'||'" });
export const Lte = createToken({ name: 'Lte', pattern: '<=', label: "'<='" });
export const Gte = createToken({ name: 'Gte', pattern: '>=', label: "'>='" });
export const Neq = createToken({ name: 'Neq', pattern: /<>|!=/, label: "'<>'" });
export const Eq = createToken({ name: 'Eq', pattern: '=', label: "'='" });
export const Lt = createToken({ name: 'Lt', pattern: '<', label: "'<'" });
export const Gt = createToken({ name: 'Gt', pattern: '>', label: "'>'" });
export const Plus = createToken({ name: 'Plus', pattern: '+', label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: '-', label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: '*', label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: '/', label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: '%', label: "'%'" });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: "'.'" });
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', label: "';'" });

/** Lexer order matters: longer operators and comments before their prefixes. */
export const LEXER_TOKENS: TokenType[] = [
  Whitespace, LineComment, BlockComment, UnterminatedComment,
  StringLiteral, UnterminatedString, QuotedIdentifier, BackQuotedIdentifier, UnterminatedQuoted, Variable,
  FloatLiteral, DecimalLiteral, IntegerLiteral, DigitIdentifier, Identifier,
  LambdaArrow, Assign, Arrow, ConcatOp, Lte, Gte, Neq, Eq, Lt, Gt,
  Plus, Minus, Star, Slash, Percent, LParen, RParen, LBracket, RBracket, Comma, Dot, Semicolon,
];

// ---------- keywords ----------

/** Upper-case word → token type, for every word the lexer must not treat as a plain identifier. */
export const KEYWORDS = new Map<string, TokenType>();

function keyword(word: string, nonReserved = false): TokenType {
  const t = createToken({ name: word, pattern: Lexer.NA, label: word, categories: nonReserved ? [NonReserved] : [] });
  KEYWORDS.set(word, t);
  return t;
}
const kw = (word: string) => keyword(word);
const nr = (word: string) => keyword(word, true);

// Reserved in ksqlDB (cannot be an unquoted identifier).
export const SELECT = kw('SELECT'), FROM = kw('FROM'), AS = kw('AS'), ALL = kw('ALL'), DISTINCT = kw('DISTINCT');
export const WHERE = kw('WHERE'), WITHIN = kw('WITHIN'), WINDOW = kw('WINDOW'), GROUP = kw('GROUP'), BY = kw('BY');
export const HAVING = kw('HAVING'), LIMIT = kw('LIMIT'), OR = kw('OR'), AND = kw('AND'), IN = kw('IN'), NOT = kw('NOT');
export const EXISTS = kw('EXISTS'), BETWEEN = kw('BETWEEN'), LIKE = kw('LIKE'), IS = kw('IS'), NULL = kw('NULL');
export const TRUE = kw('TRUE'), FALSE = kw('FALSE');
export const MILLISECOND = kw('MILLISECOND'), DAYS = kw('DAYS'), HOURS = kw('HOURS'), MINUTES = kw('MINUTES');
export const SECONDS = kw('SECONDS'), MILLISECONDS = kw('MILLISECONDS');
export const TUMBLING = kw('TUMBLING'), HOPPING = kw('HOPPING'), SIZE = kw('SIZE'), ADVANCE = kw('ADVANCE');
export const RETENTION = kw('RETENTION'), CASE = kw('CASE'), WHEN = kw('WHEN'), THEN = kw('THEN'), ELSE = kw('ELSE');
export const END = kw('END'), JOIN = kw('JOIN'), FULL = kw('FULL'), OUTER = kw('OUTER'), INNER = kw('INNER');
export const LEFT = kw('LEFT'), RIGHT = kw('RIGHT'), ON = kw('ON'), WITH = kw('WITH'), VALUES = kw('VALUES');
export const CREATE = kw('CREATE'), TABLE = kw('TABLE'), TOPIC = kw('TOPIC'), STREAM = kw('STREAM'), STREAMS = kw('STREAMS');
export const INSERT = kw('INSERT'), DELETE = kw('DELETE'), INTO = kw('INTO'), DESCRIBE = kw('DESCRIBE');
export const EXTENDED = kw('EXTENDED'), PRINT = kw('PRINT'), CAST = kw('CAST'), LIST = kw('LIST'), TOPICS = kw('TOPICS');
export const QUERIES = kw('QUERIES'), TERMINATE = kw('TERMINATE'), DROP = kw('DROP'), SAMPLE = kw('SAMPLE');
export const PROPERTIES = kw('PROPERTIES'), BEGINNING = kw('BEGINNING'), UNSET = kw('UNSET'), DECIMAL = kw('DECIMAL');
export const CONNECTOR = kw('CONNECTOR'), CONNECTORS = kw('CONNECTORS');

// Non-reserved in ksqlDB: keywords where they matter, identifiers elsewhere.
export const ESCAPE = nr('ESCAPE'), INTERVAL = nr('INTERVAL'), DAY = nr('DAY'), HOUR = nr('HOUR'), MINUTE = nr('MINUTE');
export const SECOND = nr('SECOND'), GRACE = nr('GRACE'), PERIOD = nr('PERIOD'), PARTITION = nr('PARTITION');
export const STRUCT = nr('STRUCT'), ARRAY = nr('ARRAY'), MAP = nr('MAP'), EXPLAIN = nr('EXPLAIN'), TYPES = nr('TYPES'), TYPE = nr('TYPE');
export const SHOW = nr('SHOW'), TABLES = nr('TABLES'), FUNCTIONS = nr('FUNCTIONS'), FUNCTION = nr('FUNCTION');
export const SET = nr('SET'), DEFINE = nr('DEFINE'), UNDEFINE = nr('UNDEFINE'), SESSION = nr('SESSION');
export const KEY = nr('KEY'), SOURCE = nr('SOURCE'), PRIMARY = nr('PRIMARY'), REPLACE = nr('REPLACE');
export const HEADERS = nr('HEADERS'), HEADER = nr('HEADER'), VARIABLES = nr('VARIABLES'), IF = nr('IF');
export const EMIT = nr('EMIT'), CHANGES = nr('CHANGES'), FINAL = nr('FINAL'), SINK = nr('SINK');
// Eddy's own words (models, COPY), non-reserved so they never break an existing name.
export const MODEL = nr('MODEL'), MODELS = nr('MODELS'), TRAIN = nr('TRAIN'), ONLINE = nr('ONLINE');
export const EARLIEST = nr('EARLIEST'), LATEST = nr('LATEST'), COPY = nr('COPY');

// ksqlDB reserved words Eddy's grammar does not use.
for (const word of ['AT', 'YEARS', 'MONTHS', 'QUERY', 'LOAD', 'TO', 'RENAME', 'EXPORT', 'CATALOG', 'RUN', 'SCRIPT',
  'NAMESPACE', 'MATERIALIZED', 'VIEW']) {
  KEYWORDS.set(word, Reserved);
}

/** Every word that needs quoting when printed as an identifier. */
export const ALL_KEYWORDS: ReadonlySet<string> = new Set(KEYWORDS.keys());

export const PARSER_TOKENS: TokenType[] = [
  ...LEXER_TOKENS, Name, NonReserved, Reserved, ...new Set(KEYWORDS.values()),
];
