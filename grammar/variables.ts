// ksqlDB variable substitution: `${name}` is replaced by the value given with DEFINE, everywhere
// in the statement including inside string literals (value_format='${format}'), but not inside
// comments. Names are case-insensitive; `$${name}` escapes a reference and yields `${name}`.
// Inside a quoted string or name the value's quote characters are doubled, so it stays inside.
import { SqlError, type Position } from '../src/types/sql-error.js';
import { shift, START } from './positions.js';

const REFERENCE = /\$?\$\{([A-Za-z_][A-Za-z0-9_@]*)\}/y;

/** `text` with every `${name}` replaced. Throws SqlError naming the first undefined variable. */
export function substituteVariables(text: string, vars: ReadonlyMap<string, string>, origin: Position = START): string {
  if (!text.includes('${')) return text;
  const values = new Map<string, string>();
  for (const [name, value] of vars) values.set(name.toUpperCase(), value);

  let out = '';
  let quote = ''; // the quote character we are inside, if any
  let line = 1, column = 1;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (quote === '' && c === '-' && text[i + 1] === '-') {
      const nl = text.slice(i).search(/[\r\n]/);
      const end = nl < 0 ? text.length : i + nl;
      out += text.slice(i, end); column += end - i; i = end;
      continue;
    }
    if (quote === '' && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      const comment = text.slice(i, end);
      out += comment; [line, column] = advance(comment, line, column); i = end;
      continue;
    }
    if (c === '$') {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(text);
      if (m) {
        if (m[0].startsWith('$$')) {
          out += m[0].slice(1);
        } else {
          const value = values.get(m[1].toUpperCase());
          if (value === undefined) {
            throw new SqlError('PARSE_ERROR', `variable '${m[1]}' is not defined (use DEFINE ${m[1]} = '...' first)`, {
              position: shift(line, column, i, origin), snippet: m[0],
            });
          }
          out += quote === '' ? value : value.split(quote).join(quote + quote);
        }
        column += m[0].length; i += m[0].length;
        continue;
      }
    }
    if (c === "'" || c === '"' || c === '`') {
      if (quote === '') quote = c;
      else if (quote === c) {
        if (text[i + 1] === c) { out += c + c; column += 2; i += 2; continue; } // doubled quote stays inside
        quote = '';
      }
    }
    out += c;
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) { line++; column = 1; } else column++;
    i++;
  }
  return out;
}

function advance(s: string, line: number, column: number): [number, number] {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) { line++; column = 1; } else column++;
  }
  return [line, column];
}
