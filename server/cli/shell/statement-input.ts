// Whether the text typed so far ends a statement: its last significant character, outside
// strings, quoted names and comments, is ';'. So `SELECT 1; -- why` is complete, and a ';' inside
// a string or after `--` is not an end.

export function endsStatement(text: string): boolean {
  let lastSignificant = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === "'" || c === '"' || c === '`') {
      // A doubled quote inside is an escaped quote: the scan closes and reopens, same result.
      const end = text.indexOf(c, i + 1);
      if (end < 0) return false;
      i = end;
      lastSignificant = c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      lastSignificant = c;
    }
  }
  return lastSignificant === ';';
}

/**
 * The statement on one line, for history: line breaks become spaces, and `--` comments, which
 * would swallow the lines after them, are dropped (not those inside strings or quoted names).
 */
export function oneLine(text: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
      continue;
    }
    out += c === '\n' || c === '\r' ? ' ' : c;
  }
  return out.replace(/\s+$/, '');
}
