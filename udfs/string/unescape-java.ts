// commons-lang3 StringEscapeUtils.unescapeJava, which CHR uses on '\uXXXX' text.
import { SqlError } from '../../src/types/sql-error.js';

const SIMPLE: Record<string, string> = { b: '\b', n: '\n', t: '\t', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' };

export function unescapeJava(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      // A lone trailing backslash is dropped, as the library's catch-all lookup does.
      if (c !== '\\') out += c;
      i++;
      continue;
    }
    const d = s[i + 1];
    if (d === 'u') {
      let j = i + 1;
      while (s[j] === 'u') j++;
      if (s[j] === '+') j++;
      const hex = s.slice(j, j + 4);
      if (hex.length < 4) throw new SqlError('EVALUATION_ERROR', `Less than 4 hex digits in unicode value: '${s.slice(i)}' due to end of CharSequence`);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SqlError('EVALUATION_ERROR', `Unable to parse unicode value: ${hex}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i = j + 4;
    } else if (d >= '0' && d <= '7') {
      // Octal: up to three digits when the first is 0-3, else up to two.
      const max = d <= '3' ? 3 : 2;
      let j = i + 1;
      while (j < s.length && j - (i + 1) < max && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(i + 1, j), 8));
      i = j;
    } else {
      // Known escapes translate; an unknown one loses its backslash.
      out += SIMPLE[d] ?? d;
      i += 2;
    }
  }
  return out;
}
