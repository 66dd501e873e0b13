// A line of COPY's CSV with a NULL string of its own (COPY ... (FORMAT csv, NULL 'NA')) as the
// DELIMITED reader reads it: each unquoted field that is the NULL string becomes empty, which the
// reader reads as NULL (as Postgres, a quoted "NA" stays text). Lines without the NULL string are
// left as they are. Made once per COPY: the NULL string's bytes are not made again per line.

const QUOTE = 34;
const EMPTY = Buffer.alloc(0);

export function pgCsvLine(delimiter: string, nullString: string): (line: Buffer) => Buffer {
  const d = delimiter.charCodeAt(0);
  const sep = Buffer.from(delimiter, 'latin1');
  const nul = Buffer.from(nullString, 'utf8');
  return (line) => {
    if (nul.length === 0 || line.indexOf(nul) < 0) return line;
    const parts: Buffer[] = [];
    let start = 0;
    let quoted = false;
    for (let i = 0; i <= line.length; i++) {
      if (i < line.length) {
        const c = line[i];
        if (c === QUOTE) { quoted = !quoted; continue; } // "" inside quotes toggles twice
        if (quoted || c !== d) continue;
      }
      if (parts.length > 0) parts.push(sep);
      parts.push(i - start === nul.length && line.compare(nul, 0, nul.length, start, i) === 0 ? EMPTY : line.subarray(start, i));
      start = i + 1;
    }
    return Buffer.concat(parts);
  };
}
