import { describe, it, expect } from 'vitest';
import { createRowSerde, parseDelimiter, SerdeError } from '../../src/format/index.js';
import { SqlError } from '../../src/types/sql-error.js';
import { Decimal } from '../../src/types/decimal.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP,
} from '../../src/types/sql-type.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { bytes, col, text } from './helpers.js';

const serde = (cols: [string, SqlType][], delimiter?: string, isKey = false) =>
  createRowSerde({ format: 'DELIMITED', options: { delimiter } }, cols.map(([n, t]) => col(n, t)), { isKey });
const read = (s: ReturnType<typeof serde>, csv: string) => s.deserialize(bytes(csv), 't');
const write = (s: ReturnType<typeof serde>, row: unknown[] | null) => text(s.serialize(row, 't'));

describe('DELIMITED', () => {
  const three = serde([['ID', BIGINT], ['NAME', STRING], ['VALUE', INTEGER]]);

  it('round-trips rows by position', () => {
    expect(read(three, '0,zero,0')).toEqual([0, 'zero', 0]);
    expect(write(three, [100, '100', 500])).toBe('100,100,500');
    expect(three.deserialize(null, 't')).toBeNull();
    expect(write(three, null)).toBeNull();
  });

  it('reads empty fields as null and writes null as an empty field', () => {
    expect(read(three, ',,')).toEqual([null, null, null]);
    expect(read(three, '1,"",2')).toEqual([1, null, 2]);
    expect(write(three, [1, null, null])).toBe('1,,');
    expect(write(three, [null, '', 3])).toBe(',,3');
  });

  it('quotes as commons-csv 1.4: delimiters, quotes, line breaks, edge spaces, and odd first characters', () => {
    const s = serde([['A', STRING], ['B', STRING]]);
    expect(write(s, ['a,b', 'say "hi"'])).toBe('"a,b","say ""hi"""');
    expect(write(s, ['line\nbreak', ' padded '])).toBe('"line\nbreak"," padded "');
    expect(write(s, ['', 'x'])).toBe('"",x'); // an empty first field is quoted
    expect(write(s, ['!', '!'])).toBe('"!","!"'); // anything <= '#' first is quoted
    expect(write(s, ['-1', '-1'])).toBe('"-1",-1'); // the first field must start with a letter or digit
    expect(write(s, ['é', '_x'])).toBe('"é",_x');
    expect(write(s, ['\t wit', 'ok\t'])).toBe('"\t wit","ok\t"');
    expect(read(s, '"a,b","say ""hi"""')).toEqual(['a,b', 'say "hi"']);
    expect(read(s, 'a"b,c')).toEqual(['a"b', 'c']); // a quote inside an unquoted field is literal
    expect(read(s, '"a"  ,b')).toEqual(['a', 'b']); // whitespace after a closing quote is skipped
  });

  it('writes negative numbers in the first column quoted, as ksqlDB does', () => {
    const s = serde([['D', decimal(33, 16)]]);
    expect(write(s, [Decimal.fromString('-12345.12').setScale(16)])).toBe('"-12345.1200000000000000"');
    expect(read(s, '"-12345.12"')).toEqual([Decimal.fromString('-12345.1200000000000000')]);
    expect(read(s, '.12')).toEqual([Decimal.fromString('0.1200000000000000')]);
    expect(write(s, read(s, '0'))).toBe('0.0000000000000000');
  });

  it('parses each type as Java does', () => {
    const s = serde([['B', BOOLEAN], ['I', INTEGER], ['L', BIGINT], ['D', DOUBLE], ['TS', TIMESTAMP], ['T', TIME], ['DT', DATE], ['BY', BYTES]]);
    expect(read(s, 'TRUE,+7,-998877665544,1e5f,10,5000,-10,dmFyaWF0aW9ucw==')).toEqual(
      [true, 7, -998877665544, 100000, 10, 5000, -10, new Uint8Array(bytes('variations'))]);
    expect(() => read(s, 'yes,1.0,0,0,0,0,0,QQ')).toThrow(/column 2 \(I\).*value: "1.0"/);
    expect(read(s, 'yes,1,0, 2.5 ,0,0,0,QQ')).toEqual([false, 1, 0, 2.5, 0, 0, 0, new Uint8Array([65])]);
    expect(() => read(s, 'true,1,0,0,0,0,0,QQ=')).toThrow(/Base64/);
  });

  it('writes each type as Java prints it', () => {
    const s = serde([['B', BOOLEAN], ['I', INTEGER], ['L', BIGINT], ['D', DOUBLE], ['TS', TIMESTAMP], ['T', TIME], ['DT', DATE], ['BY', BYTES]]);
    expect(write(s, [true, 2021, 5000000000, 532.8738323, 10, 5000, -10, new Uint8Array([0x21])]))
      .toBe('true,2021,5000000000,532.8738323,10,5000,-10,IQ==');
    expect(write(serde([['D', DOUBLE], ['E', DOUBLE]]), [1e7, 1])).toBe('1.0E7,1.0');
  });

  it('supports custom delimiters, TAB and SPACE', () => {
    expect(write(serde([['A', INTEGER], ['B', STRING]], '|'), [0, 'zero'])).toBe('0|zero');
    expect(read(serde([['A', INTEGER], ['B', STRING]], 'TAB'), '0\tzero')).toEqual([0, 'zero']);
    expect(write(serde([['A', INTEGER], ['B', STRING]], 'SPACE'), [0, 'a b'])).toBe('0 "a b"');
    expect(read(serde([['K1', STRING], ['K2', STRING]], ';', true), 'foo,bar;baz')).toEqual(['foo,bar', 'baz']);
  });

  it('accepts resolved whitespace delimiters', () => {
    expect(read(serde([['A', INTEGER], ['B', STRING]], '\t'), '0\tzero')).toEqual([0, 'zero']);
    expect(write(serde([['A', INTEGER], ['B', STRING]], ' '), [0, 'zero'])).toBe('0 zero');
  });

  it('refuses bad delimiters with ksqlDB messages', () => {
    expect(() => serde([['A', INTEGER]], '<~>')).toThrow("Invalid delimiter value: '<~>'. Delimiter must be a single character or TAB,SPACE");
    expect(() => serde([['A', INTEGER]], '')).toThrow(/Invalid delimiter value/);
    expect(() => serde([['A', INTEGER]], '"')).toThrow(SqlError);
    expect(() => serde([['A', INTEGER]], '\n')).toThrow(/line break/);
    expect(() => parseDelimiter(' ')).toThrow(/Delimiter cannot be empty/);
    expect(() => parseDelimiter('\t')).toThrow(/Delimiter cannot be empty/);
    expect(parseDelimiter('TAB')).toBe('\t');
  });

  it('uses only the first record, but every record must parse', () => {
    expect(read(three, '1,a,2\n3,b,4')).toEqual([1, 'a', 2]);
    expect(read(three, '\n\r\n1,a,2\r\n')).toEqual([1, 'a', 2]);
    expect(() => read(three, '1,a,2\n"3')).toThrow(/EOF reached before encapsulated token finished/);
  });

  it('gives SerdeErrors for column count mismatches and empty payloads', () => {
    expect(() => read(three, '1,a')).toThrow('Column count mismatch on deserialization. topic: t, expected: 3, got: 2');
    expect(() => read(three, '1,a,2,')).toThrow(/expected: 3, got: 4/);
    expect(() => read(three, '')).toThrow(/No fields in record/);
    expect(() => read(three, '"a"x,b,c')).toThrow(/invalid char between encapsulated token and delimiter/);
    expect(() => read(three, 'x,a,1')).toThrow(SerdeError);
  });

  it('refuses ARRAY, MAP and STRUCT columns at creation', () => {
    expect(() => serde([['K', array(DOUBLE)]], undefined, true)).toThrow("The 'DELIMITED' format does not support type 'ARRAY', column: `K`");
    expect(() => serde([['V', map(STRING, INTEGER)]])).toThrow("The 'DELIMITED' format does not support type 'MAP'");
    expect(() => serde([['V', struct([{ name: 'F', type: INTEGER }])]])).toThrow(/does not support type 'STRUCT'/);
  });

  it('treats BOM and malformed UTF-8 as text, like new String(bytes, UTF_8)', () => {
    const s = serde([['S', STRING]]);
    expect(s.deserialize(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 't')).toEqual(['\ufeffa']);
    expect(s.deserialize(new Uint8Array([0x61, 0xff]), 't')).toEqual(['a\ufffd']);
  });
});

describe('DELIMITED strings and surrogates', () => {
  it('writes a lone surrogate as ?, like String.getBytes(UTF_8)', () => {
    const s = serde([['S', STRING], ['T', STRING]]);
    expect(write(s, ['a\ud800', '😀'])).toBe('a?,😀');
  });
});
