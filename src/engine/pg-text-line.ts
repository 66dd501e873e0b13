// A line of Postgres's COPY text format (what psql's \copy sends by default) as a line of
// tab-delimited CSV, which the DELIMITED reader types by column: fields are separated by the
// COPY's delimiter (a tab unless DELIMITER says otherwise), a field that is the NULL string (\N
// unless NULL says otherwise) is NULL (an empty field, which the reader reads as NULL), and
// backslash escapes (\t, \n, \\, octal \NNN, hex \xHH, any other \c for c, the delimiter's too)
// are undone; a field that then holds a tab, a quote or a line break is quoted. A line with tabs
// between fields and no backslash, quote or NULL string is already that.

const TAB = 9;
const BACKSLASH = 92;
const QUOTE = 34;

export function pgTextLine(line: Buffer, delimiter = '\t', nullString = '\\N'): Buffer {
  const d = delimiter.charCodeAt(0);
  // A NULL string with a backslash (\N) cannot be in a line without one: no search for it then.
  if (d === TAB && line.indexOf(BACKSLASH) < 0 && line.indexOf(QUOTE) < 0
    && (nullString === '' || nullString.includes('\\') || line.indexOf(nullString) < 0)) return line;
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; ; i++) {
    if (i < line.length && line[i] === BACKSLASH) { i++; continue; } // the next byte is escaped, a delimiter too
    if (i < line.length && line[i] !== d) continue;
    const raw = line.toString('utf8', start, i);
    fields.push(csvField(raw === nullString ? null : unescape(raw)));
    if (i >= line.length) break;
    start = i + 1;
  }
  return Buffer.from(fields.join('\t'), 'utf8');
}

const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The field's text with its escapes undone. */
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|([^]))/g, (_, oct: string | undefined, hex: string | undefined, c: string | undefined) => {
    if (oct !== undefined) return String.fromCharCode(parseInt(oct, 8) & 0xff);
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return SIMPLE[c!] ?? c!;
  });
}

/** The field as CSV: NULL empty, quoted where it holds the delimiter, a quote or a line break. */
function csvField(v: string | null): string {
  if (v === null) return '';
  return /[\t"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
