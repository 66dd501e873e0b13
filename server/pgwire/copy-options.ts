// A COPY's options, as Postgres reads them: [WITH] (FORMAT f, HEADER [b], DELIMITER 'c', NULL 's'),
// or the older form psql's \copy passes on as written: [WITH] [DELIMITER [AS] 'c'] [NULL [AS] 's']
// [CSV [HEADER]]. Values are words or quoted strings ('' doubles a quote; E'\t' takes backslash
// escapes). The defaults are Postgres's: a tab and \N in text, a comma and an empty unquoted field
// in CSV; FORMAT binary (or BINARY) takes neither. ENCODING may name UTF-8, the only one. QUOTE,
// ESCAPE and FORCE_* are refused by name.
import { PgProtocolError } from './sqlstate.js';

export interface CopyOptions {
  format: string;
  header: boolean;
  /** One character. */
  delimiter: string;
  /** The text that stands for NULL. */
  nullString: string;
}

type Token = { kind: 'word' | 'string'; text: string } | { kind: 'punct'; text: string };

/** `formats`: those the COPY takes (the first is the default). */
export function copyOptions(options: string, formats: readonly string[]): CopyOptions {
  const tokens = tokenize(options);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isWord = (t: Token | undefined, w: string): boolean => t?.kind === 'word' && t.text.toUpperCase() === w;
  if (isWord(peek(), 'WITH')) i++;
  let format: string | undefined;
  let header: boolean | undefined;
  let delimiter: string | undefined;
  let nullString: string | undefined;
  const setFormat = (v: string): void => {
    const f = v.toLowerCase();
    if (!formats.includes(f)) throw new PgProtocolError('0A000', `COPY format ${f} is not supported: use ${formats.join(', ')}`);
    format = f;
  };
  if (peek()?.text === '(' && peek()?.kind === 'punct') {
    i++;
    for (;;) {
      const key = tokens[i++];
      if (key?.kind !== 'word') throw syntax(options);
      const v = peek()?.kind === 'word' || peek()?.kind === 'string' ? tokens[i++].text : undefined;
      switch (key.text.toUpperCase()) {
        case 'FORMAT': if (v === undefined) throw syntax(options); setFormat(v); break;
        case 'HEADER': header = v === undefined || truth(v); break;
        case 'DELIMITER': if (v === undefined) throw syntax(options); delimiter = v; break;
        case 'NULL': if (v === undefined) throw syntax(options); nullString = v; break;
        case 'ENCODING':
          if (v === undefined) throw syntax(options);
          if (!/^utf-?8$/i.test(v)) throw new PgProtocolError('0A000', `COPY ENCODING '${v}' is not supported: Eddy reads and writes UTF-8`);
          break;
        default: throw unsupported(key.text);
      }
      const sep = tokens[i++];
      if (sep?.text === ')' && sep.kind === 'punct') break;
      if (sep?.text !== ',' || sep.kind !== 'punct') throw syntax(options);
    }
  } else {
    while (i < tokens.length && !(tokens[i].kind === 'punct' && tokens[i].text === ';')) {
      const w = tokens[i++];
      if (w.kind !== 'word') throw syntax(options);
      const word = w.text.toUpperCase();
      const value = (): string => {
        if (isWord(peek(), 'AS')) i++;
        const t = tokens[i++];
        if (t?.kind !== 'string') throw syntax(options);
        return t.text;
      };
      if (word === 'CSV') setFormat('csv');
      else if (word === 'BINARY') setFormat('binary');
      else if (word === 'HEADER') header = true;
      else if (word === 'DELIMITER') delimiter = value();
      else if (word === 'NULL') nullString = value();
      else throw unsupported(word);
    }
  }
  if (i < tokens.length && !(tokens[i].kind === 'punct' && tokens[i].text === ';' && i === tokens.length - 1)) throw syntax(options);
  const f = format ?? formats[0];
  return checked(f, header ?? false, delimiter, nullString);
}

/** Postgres's own checks of DELIMITER and NULL, with its messages. */
function checked(format: string, header: boolean, delimiter: string | undefined, nullString: string | undefined): CopyOptions {
  const csv = format === 'csv';
  if (format === 'json' && (delimiter !== undefined || nullString !== undefined)) {
    throw new PgProtocolError('0A000', 'COPY ... (FORMAT json) reads JSON lines: it takes no DELIMITER or NULL');
  }
  if (format === 'binary') {
    const what = delimiter !== undefined ? 'DELIMITER' : nullString !== undefined ? 'NULL' : header ? 'HEADER' : undefined;
    if (what) throw new PgProtocolError('42601', `cannot specify ${what} in BINARY mode`);
    return { format, header, delimiter: '', nullString: '' };
  }
  const d = delimiter ?? (csv ? ',' : '\t');
  const n = nullString ?? (csv ? '' : '\\N');
  if (Buffer.byteLength(d) !== 1) throw new PgProtocolError('0A000', 'COPY delimiter must be a single one-byte character');
  if (d === '\r' || d === '\n') throw new PgProtocolError('22023', 'COPY delimiter cannot be newline or carriage return');
  if (/[\r\n]/.test(n)) throw new PgProtocolError('22023', 'COPY null representation cannot use newline or carriage return');
  if (!csv && '\\.abcdefghijklmnopqrstuvwxyz0123456789'.includes(d)) throw new PgProtocolError('22023', `COPY delimiter cannot be "${d}"`);
  if (csv && d === '"') throw new PgProtocolError('22023', 'COPY delimiter and quote must be different');
  if (n.includes(d)) throw new PgProtocolError('22023', 'COPY delimiter must not appear in the NULL specification');
  return { format, header, delimiter: d, nullString: n };
}

function truth(v: string): boolean {
  const s = v.toLowerCase();
  if (['true', 'on', '1', 'yes'].includes(s)) return true;
  if (['false', 'off', '0', 'no'].includes(s)) return false;
  throw new PgProtocolError('22023', `HEADER requires a Boolean value: ${v}`);
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',' || c === ';') { out.push({ kind: 'punct', text: c }); i++; continue; }
    const escaped = (c === 'E' || c === 'e') && s[i + 1] === "'";
    if (c === "'" || escaped) {
      i += escaped ? 2 : 1;
      let text = '';
      for (;;) {
        if (i >= s.length) throw new PgProtocolError('42601', `unterminated quoted string in COPY options: ${s.trim()}`);
        const ch = s[i];
        if (ch === "'") {
          if (s[i + 1] === "'") { text += "'"; i += 2; continue; }
          i++;
          break;
        }
        if (escaped && ch === '\\' && i + 1 < s.length) { text += unescape(s[i + 1]); i += 2; continue; }
        text += ch;
        i++;
      }
      out.push({ kind: 'string', text });
      continue;
    }
    const w = /^[A-Za-z0-9_]+/.exec(s.slice(i));
    if (!w) throw new PgProtocolError('42601', `syntax error in COPY options at "${s.slice(i).trim()}"`);
    out.push({ kind: 'word', text: w[0] });
    i += w[0].length;
  }
  return out;
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };
const unescape = (c: string): string => ESCAPES[c] ?? c;

const syntax = (options: string): PgProtocolError => new PgProtocolError('42601', `syntax error in COPY options: ${options.trim()}`);

const unsupported = (option: string): PgProtocolError =>
  new PgProtocolError('0A000', `COPY option ${option.toUpperCase()} is not supported: use FORMAT, HEADER, DELIMITER and NULL`);
