// A line of COPY's CSV with a NULL string of its own (COPY ... (FORMAT csv, NULL 'NA')) as the
// DELIMITED reader reads it: each unquoted field that is the NULL string becomes empty, which the
// reader reads as NULL (as Postgres, a quoted "NA" stays text). Lines without the NULL string are
// left as they are.

const QUOTE = 34;

export function pgCsvLine(line: Buffer, delimiter: string, nullString: string): Buffer {
  if (nullString === '' || line.indexOf(nullString) < 0) return line;
  const d = delimiter.charCodeAt(0);
  const nul = Buffer.from(nullString, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length) {
      const c = line[i];
      if (c === QUOTE) { quoted = !quoted; continue; } // "" inside quotes toggles twice
      if (quoted || c !== d) continue;
    }
    parts.push(i - start === nul.length && line.compare(nul, 0, nul.length, start, i) === 0 ? Buffer.alloc(0) : line.subarray(start, i));
    start = i + 1;
  }
  return Buffer.from(parts.map((p) => p.toString('latin1')).join(delimiter), 'latin1');
}
