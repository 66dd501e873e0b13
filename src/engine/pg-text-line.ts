// A line of Postgres's COPY text format (what psql's \copy sends by default) as a line of
// tab-delimited CSV, which the DELIMITED reader types by column: fields are separated by tabs,
// \N is NULL (an empty field, which the reader reads as NULL), and backslash escapes (\t, \n,
// \\, octal \NNN, hex \xHH, any other \c for c) are undone; a field that then holds a tab, a
// quote or a line break is quoted. A line without backslashes or quotes is already that.

const TAB = 9;
const BACKSLASH = 92;
const QUOTE = 34;

export function pgTextLine(line: Buffer): Buffer {
  if (line.indexOf(BACKSLASH) < 0 && line.indexOf(QUOTE) < 0) return line;
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    const tab = line.indexOf(TAB, start);
    const end = tab < 0 ? line.length : tab;
    fields.push(csvField(unescape(line.toString('utf8', start, end))));
    if (tab < 0) break;
    start = tab + 1;
  }
  return Buffer.from(fields.join('\t'), 'utf8');
}

const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The field's text with its escapes undone; null for \N. */
function unescape(s: string): string | null {
  if (s === '\\N') return null;
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
