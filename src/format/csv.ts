// CSV as Apache commons-csv 1.4 reads and prints it with CSVFormat.DEFAULT and a custom delimiter
// (ksqlDB's DELIMITED format): '"' quotes, doubled to escape, no escape character, empty lines
// skipped, \r, \n or \r\n end a record; printing quotes minimally but also any first field that
// does not start with a letter or digit (1.4's rule: "-1,x" prints as "\"-1\",x").

const CR = 13;
const LF = 10;
const QUOTE = 34;
const SP = 32;
const COMMENT = 35; // '#'

export class CsvError extends Error {}

/** Java's Character.isWhitespace. */
function isJavaWhitespace(c: number): boolean {
  if (c <= SP) return c === SP || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

/** Reads records one by one; a record is its fields' text (commons-csv never yields null fields here). */
export class CsvReader {
  private pos = 0;
  private lastEol = true; // the last char consumed ended a line (or nothing was read yet)
  private lastWasDelimiter = false;
  private done = false;

  constructor(private readonly text: string, private readonly delimiter: number) {}

  /** The next record, or null at the end. Throws CsvError where commons-csv throws IOException. */
  next(): string[] | null {
    if (this.done) return null;
    const text = this.text;
    const n = text.length;
    // Skip empty lines: line breaks right after a line break or at the start.
    while (this.lastEol && this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c !== CR && c !== LF) break;
      this.pos += c === CR && text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
    }
    if (this.pos >= n && !this.lastWasDelimiter) {
      this.done = true;
      return null;
    }
    const fields: string[] = [];
    for (;;) {
      const end = this.token(fields);
      if (end !== 'delimiter') {
        if (end === 'eof') this.done = true;
        return fields;
      }
    }
  }

  /** Reads one field into `fields`; says what ended it. */
  private token(fields: string[]): 'delimiter' | 'eol' | 'eof' {
    const text = this.text;
    const n = text.length;
    const d = this.delimiter;
    let i = this.pos;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvError('EOF reached before encapsulated token finished');
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      // After the closing quote only whitespace may come before the delimiter or line end.
      for (;;) {
        if (i >= n) return this.finish(i, 'eof');
        const c = text.charCodeAt(i);
        if (c === d) return this.finish(i + 1, 'delimiter');
        if (c === CR || c === LF) return this.finish(i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), 'eol');
        if (!isJavaWhitespace(c)) throw new CsvError('invalid char between encapsulated token and delimiter');
        i++;
      }
    }
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === d || c === CR || c === LF) break;
      j++;
    }
    fields.push(text.slice(i, j));
    if (j >= n) return this.finish(j, 'eof');
    const c = text.charCodeAt(j);
    if (c === d) return this.finish(j + 1, 'delimiter');
    return this.finish(j + (c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1), 'eol');
  }

  private finish(pos: number, end: 'delimiter' | 'eol' | 'eof'): 'delimiter' | 'eol' | 'eof' {
    this.pos = pos;
    this.lastEol = end === 'eol';
    this.lastWasDelimiter = end === 'delimiter';
    return end;
  }
}

/** A field as CSVPrinter (quote mode MINIMAL) prints it; null prints as nothing, unquoted. */
export function csvField(value: string | null, first: boolean, delimiter: number): string {
  if (value === null) return '';
  const len = value.length;
  let quote = false;
  if (len === 0) {
    quote = first; // an empty first field would otherwise read as an empty line
  } else {
    const c = value.charCodeAt(0);
    if (first && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      quote = true;
    } else if (c <= COMMENT) {
      quote = true;
    } else {
      for (let i = 0; i < len; i++) {
        const x = value.charCodeAt(i);
        if (x === LF || x === CR || x === QUOTE || x === delimiter) { quote = true; break; }
      }
      if (!quote && value.charCodeAt(len - 1) <= SP) quote = true;
    }
  }
  if (!quote) return value;
  return '"' + (value.includes('"') ? value.replace(/"/g, '""') : value) + '"';
}
