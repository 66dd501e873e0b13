// One value as COPY's text and CSV formats write it, with the COPY's delimiter and NULL string:
// COPY ... TO STDOUT's cells, and the text lines binary COPY FROM STDIN's rows become.

/** As Postgres writes a text-format value: backslash, tab, line breaks and the delimiter escaped. */
export function textCell(v: string | null, delimiter: string, nullString: string): string {
  if (v === null) return nullString;
  if (!/[\\\t\n\r]/.test(v) && !v.includes(delimiter)) return v;
  let out = '';
  for (const c of v) {
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === delimiter) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** As Postgres writes a CSV value: quoted where it holds the delimiter, a quote or a line break, or reads as NULL. */
export function csvCell(v: string | null, delimiter: string, nullString: string): string {
  if (v === null) return nullString;
  return v === nullString || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
