// Reading the Postgres statements clients send, without a parser: a whitespace normaliser
// (so fixed catalog queries compare as text) and a small tokenizer for the short statements
// (SET, SHOW, SELECT without FROM) whose shape decides who answers them.

/**
 * `sql` with every run of blanks and comments outside quotes turned into one space, trimmed,
 * without trailing semicolons: psql's multi-line queries then compare as one line.
 */
export function normalize(sql: string): string {
  let out = '';
  let i = 0;
  let pendingSpace = false;
  const emit = (s: string): void => {
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    out += s;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) { pendingSpace = true; i++; continue; }
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl;
      pendingSpace = true;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      pendingSpace = true;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = quotedEnd(sql, i, c, c === "'" && isEscapePrefix(sql, i - 1));
      emit(sql.slice(i, end));
      i = end;
      continue;
    }
    emit(c);
    i++;
  }
  return out.replace(/(\s*;)+$/, '').trim();
}

/** An E before a quote that is a word of its own: E'\n' (backslash escapes inside). */
function isEscapePrefix(sql: string, at: number): boolean {
  return (sql[at] === 'e' || sql[at] === 'E') && !/[A-Za-z0-9_]/.test(sql[at - 1] ?? '');
}

/** The index just after the quoted run that starts at `start` (a doubled quote stays inside). */
function quotedEnd(sql: string, start: number, q: string, backslashEscapes: boolean): number {
  let j = start + 1;
  while (j < sql.length) {
    if (backslashEscapes && sql[j] === '\\') { j += 2; continue; }
    if (sql[j] === q) {
      if (sql[j + 1] === q) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return sql.length;
}

export type TokenKind = 'word' | 'qident' | 'string' | 'number' | 'op';

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Words lower-cased, quoted identifiers and strings unquoted, numbers and operators as written. */
  value: string;
  /** Offset in the statement. */
  at: number;
}

/** The tokens of `sql`, or undefined if it has something this reader does not know ($$ quotes...). */
export function tokenize(sql: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    const escaped = sql[i + 1] === "'" && isEscapePrefix(sql, i);
    if (c === "'" || escaped) {
      const start = escaped ? i + 1 : i;
      const end = quotedEnd(sql, start, "'", escaped);
      if (sql[end - 1] !== "'" || end - start < 2) return undefined; // unterminated
      const body = sql.slice(start + 1, end - 1).replace(/''/g, "'");
      out.push({ kind: 'string', text: sql.slice(i, end), value: escaped ? unescapeBackslashes(body) : body, at: i });
      i = end;
      continue;
    }
    if (c === '"') {
      const end = quotedEnd(sql, i, '"', false);
      if (sql[end - 1] !== '"' || end - i < 2) return undefined;
      out.push({ kind: 'qident', text: sql.slice(i, end), value: sql.slice(i + 1, end - 1).replace(/""/g, '"'), at: i });
      i = end;
      continue;
    }
    const word = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i));
    if (word) {
      out.push({ kind: 'word', text: word[0], value: word[0].toLowerCase(), at: i });
      i += word[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
    if (num) {
      out.push({ kind: 'number', text: num[0], value: num[0], at: i });
      i += num[0].length;
      continue;
    }
    if (c === '$' || c === '`') return undefined; // dollar quotes, parameters, Eddy's back-quoted names
    const op = /^(::|<>|!=|>=|<=|!~\*?|~\*|\|\||[-+*/%=<>~!(),.;[\]])/.exec(sql.slice(i));
    if (!op) return undefined;
    out.push({ kind: 'op', text: op[0], value: op[0], at: i });
    i += op[0].length;
  }
  while (out.length > 0 && out[out.length - 1].value === ';') out.pop();
  return out;
}

function unescapeBackslashes(s: string): string {
  return s.replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[ch] ?? ch);
}

/** Is `t` the operator or punctuation `op` (not a string that reads the same)? */
export function isOp(t: Token | undefined, op: string): boolean {
  return t?.kind === 'op' && t.value === op;
}

/** The statement text the tokens `from`..`to` (inclusive) were read from. */
export function tokenSpan(sql: string, from: Token, to: Token): string {
  return sql.slice(from.at, to.at + to.text.length);
}

/** The body of a SQL string literal: `'it''s'` → `it's`. */
export function unquoteLiteral(literal: string): string {
  return literal.slice(1, -1).replace(/''/g, "'");
}

/** `s` as a SQL string literal. */
export function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Splits `text` on `separator` where it is outside quotes and parentheses. */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') { i = quotedEnd(text, i, c, false) - 1; continue; }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      i += separator.length - 1;
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
