import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../grammar/index.js';

describe('splitStatements', () => {
  it('splits on semicolons and reports where each statement starts', () => {
    expect(splitStatements('SELECT 1 FROM a;\n  SELECT 2 FROM b ;\r\n\tDROP STREAM c')).toEqual([
      { text: 'SELECT 1 FROM a', line: 1, column: 1, offset: 0 },
      { text: 'SELECT 2 FROM b', line: 2, column: 3, offset: 19 },
      { text: 'DROP STREAM c', line: 3, column: 2, offset: 39 },
    ]);
  });

  it('ignores semicolons in strings, quoted names and comments', () => {
    const script = "SELECT 'a;b', `c;d`, \"e;f\" FROM s -- x; y\n/* p; q */ WHERE x = 'it''s;';SELECT 1 FROM t";
    const parts = splitStatements(script);
    expect(parts.map((p) => p.text)).toEqual([
      "SELECT 'a;b', `c;d`, \"e;f\" FROM s -- x; y\n/* p; q */ WHERE x = 'it''s;'",
      'SELECT 1 FROM t',
    ]);
  });

  it('skips comments and blanks before a statement, and empty statements', () => {
    expect(splitStatements('-- header\n/* block\n */\n\n  SELECT 1 FROM a;;  ; -- trailing\n')).toEqual([
      { text: 'SELECT 1 FROM a', line: 5, column: 3, offset: 26 },
    ]);
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements(' ; -- only comments')).toEqual([]);
  });

  it('keeps an unterminated string to the end, so the parser can report it', () => {
    expect(splitStatements("SELECT 'abc; SELECT 1")).toEqual([{ text: "SELECT 'abc; SELECT 1", line: 1, column: 1, offset: 0 }]);
  });
});
