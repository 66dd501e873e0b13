// COPY's CSV with a NULL string of its own (engine/pg-csv-line.ts): unquoted fields that are the
// NULL string read as NULL, quoted ones stay text, as Postgres reads them.
import { describe, expect, it } from 'vitest';
import { pgCsvLine } from '../../src/engine/pg-csv-line.js';
import { createRowSerde } from '../../src/format/index.js';
import { STRING } from '../../src/types/sql-type.js';

const cols = ['A', 'B', 'C'].map((name) => ({ name, type: STRING, namespace: 'VALUE' as const }));
const reader = (d: string) => createRowSerde({ format: 'DELIMITED', options: { delimiter: d } }, cols, { isKey: false });
const read = (text: string, d: string, nul: string): unknown[] | null => reader(d).deserialize(pgCsvLine(d, nul)(Buffer.from(text)), 't');

describe('pgCsvLine', () => {
  it('leaves a line without the NULL string as it is', () => {
    const b = Buffer.from('a,b,c');
    expect(pgCsvLine(',', 'NA')(b)).toBe(b);
  });

  it('reads unquoted NULL strings as NULL and quoted ones as text', () => {
    expect(read('NA,"NA",xNA', ',', 'NA')).toEqual([null, 'NA', 'xNA']);
    expect(read('a;"b;NA";NA', ';', 'NA')).toEqual(['a', 'b;NA', null]);
  });

  it('keeps a trailing field, empty or NULL', () => {
    expect(read('x,NA,', ',', 'NA')).toEqual(['x', null, null]);
    expect(read('"q ""NA"" q",y,NA', ',', 'NA')).toEqual(['q "NA" q', 'y', null]);
  });

  it('keeps bytes that are not ASCII', () => {
    expect(read('zürich,NA,東京', ',', 'NA')).toEqual(['zürich', null, '東京']);
  });
});
