// Postgres COPY text lines read as tab-delimited CSV (engine/pg-text-line.ts): what the DELIMITED
// reader then gives for each field is the field Postgres's text format meant.
import { describe, expect, it } from 'vitest';
import { pgTextLine } from '../../src/engine/pg-text-line.js';
import { createRowSerde } from '../../src/format/index.js';
import { STRING } from '../../src/types/sql-type.js';

const cols = ['A', 'B', 'C'].map((name) => ({ name, type: STRING, namespace: 'VALUE' as const }));
const reader = createRowSerde({ format: 'DELIMITED', options: { delimiter: 'TAB' } }, cols, { isKey: false });
const read = (text: string, delimiter?: string, nullString?: string): unknown[] | null =>
  reader.deserialize(pgTextLine(Buffer.from(text), delimiter, nullString), 't');

describe('pgTextLine', () => {
  it('passes a line without escapes or quotes as it is', () => {
    const b = Buffer.from('a\tb\tc');
    expect(pgTextLine(b)).toBe(b);
    expect(read('a\tb\tc')).toEqual(['a', 'b', 'c']);
  });

  it('reads \\N as NULL and undoes backslash escapes, octal and hex ones too', () => {
    expect(read('\\N\tx\\ty\tp\\\\q')).toEqual([null, 'x\ty', 'p\\q']);
    expect(read('line\\nbreak\t\\101\\x42\tan \\other')).toEqual(['line\nbreak', 'AB', 'an other']);
  });

  it('keeps quotes as text (they quote nothing in the text format)', () => {
    expect(read('"quoted"\tsay "hi"\t\\N')).toEqual(['"quoted"', 'say "hi"', null]);
  });

  it('splits on the COPY\'s DELIMITER, an escaped one being text', () => {
    expect(read('a|b\\|c|\\N', '|')).toEqual(['a', 'b|c', null]);
    expect(read('tab\there|x|y', '|')).toEqual(['tab\there', 'x', 'y']);
  });

  it('reads the COPY\'s NULL string as NULL, and \\N then as the text N', () => {
    expect(read('NA\tx\tNAN', undefined, 'NA')).toEqual([null, 'x', 'NAN']);
    expect(read('\\N\tNA\tb', undefined, 'NA')).toEqual(['N', null, 'b']);
  });
});

