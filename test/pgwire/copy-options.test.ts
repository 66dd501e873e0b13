// COPY's options as Postgres reads them (server/pgwire/copy-options.ts): both syntaxes psql can
// pass on, Postgres's defaults per format, and its refusals with its messages.
import { describe, expect, it } from 'vitest';
import { copyOptions } from '../../server/pgwire/copy-options.js';

const both = ['text', 'csv', 'json'];

describe('copyOptions', () => {
  it('gives Postgres\'s defaults per format', () => {
    expect(copyOptions('', both)).toEqual({ format: 'text', header: false, delimiter: '\t', nullString: '\\N' });
    expect(copyOptions(' WITH (FORMAT csv)', both)).toEqual({ format: 'csv', header: false, delimiter: ',', nullString: '' });
  });

  it('reads the parenthesized options, quoted values with commas and escapes included', () => {
    expect(copyOptions("(FORMAT 'csv', HEADER, DELIMITER ',', NULL 'n/a')", both)).toEqual({ format: 'csv', header: true, delimiter: ',', nullString: 'n/a' });
    expect(copyOptions("WITH (delimiter E'\\t', null '', header false);", both)).toEqual({ format: 'text', header: false, delimiter: '\t', nullString: '' });
    expect(copyOptions("(format csv, delimiter ';', null 'it''s null')", both).nullString).toBe("it's null");
    expect(copyOptions("(FORMAT csv, ENCODING 'UTF8')", both).format).toBe('csv');
    expect(() => copyOptions("(ENCODING 'LATIN1')", both)).toThrow("COPY ENCODING 'LATIN1' is not supported: Eddy reads and writes UTF-8");
  });

  it('reads the older form psql\'s \\copy passes on as written', () => {
    expect(copyOptions("with delimiter ';' csv header", both)).toEqual({ format: 'csv', header: true, delimiter: ';', nullString: '' });
    expect(copyOptions("DELIMITER AS '|' NULL AS 'NULL'", both)).toEqual({ format: 'text', header: false, delimiter: '|', nullString: 'NULL' });
    expect(copyOptions('CSV HEADER', both)).toMatchObject({ format: 'csv', header: true });
  });

  it('refuses what Postgres refuses, and what Eddy does not do, by name', () => {
    expect(() => copyOptions("(DELIMITER ';;')", both)).toThrow('COPY delimiter must be a single one-byte character');
    expect(() => copyOptions("(DELIMITER '\\')", both)).toThrow('COPY delimiter cannot be "\\"');
    expect(() => copyOptions("(FORMAT csv, DELIMITER '\"')", both)).toThrow('COPY delimiter and quote must be different');
    expect(() => copyOptions("(FORMAT csv, DELIMITER ',', NULL 'a,b')", both)).toThrow('COPY delimiter must not appear in the NULL specification');
    expect(() => copyOptions("(FORMAT json, DELIMITER ';')", both)).toThrow('takes no DELIMITER or NULL');
    expect(() => copyOptions("(FORMAT csv, QUOTE '''')", both)).toThrow('COPY option QUOTE is not supported');
    expect(() => copyOptions('(FORMAT binary)', both)).toThrow('COPY format binary is not supported: use text, csv, json');
    expect(() => copyOptions('BINARY', ['text', 'csv'])).toThrow('COPY format binary is not supported: use text, csv');
    expect(() => copyOptions("(DELIMITER 'x'", both)).toThrow('syntax error in COPY options');
    expect(() => copyOptions("(NULL 'unterminated)", both)).toThrow('unterminated quoted string');
  });

  it('takes FORMAT binary (or BINARY) where the COPY reads it, without DELIMITER, NULL or HEADER', () => {
    const withBinary = [...both, 'binary'];
    expect(copyOptions('(FORMAT BINARY)', withBinary).format).toBe('binary');
    expect(copyOptions('BINARY', withBinary).format).toBe('binary');
    expect(() => copyOptions("(FORMAT binary, DELIMITER ';')", withBinary)).toThrow('cannot specify DELIMITER in BINARY mode');
    expect(() => copyOptions('(FORMAT binary, HEADER)', withBinary)).toThrow('cannot specify HEADER in BINARY mode');
  });
});
