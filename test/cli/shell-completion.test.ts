// What Tab offers in `eddy shell`, and the one-line form a multi-line statement takes in history.
// (Checked by hand in tmux too: Tab Tab lists these, Up recalls the whole statement.)
import { describe, it, expect } from 'vitest';
import { complete } from '../../server/cli/shell/completer.js';
import { oneLine, endsStatement } from '../../server/cli/shell/statement-input.js';

const names = { sources: ['CLICKS', 'ORDERS'], columns: ['USER_ID', 'PAGE'], functions: ['UCASE', 'PARSE_DATE'] };

describe('shell tab completion', () => {
  it('completes keywords, sources, columns and functions in the case the user types', () => {
    expect(complete('SEL', names)).toEqual([['SELECT'], 'SEL']);
    expect(complete('select * from cl', names)).toEqual([['clicks'], 'cl']);
    expect(complete('SELECT user_', names)).toEqual([['user_id'], 'user_']);
    expect(complete('SELECT uca', names)[0]).toContain('ucase');
    expect(complete('SELECT pa', names)[0]).toEqual(expect.arrayContaining(['page', 'parse_date']));
  });

  it('completes shell commands after a backslash', () => {
    expect(complete('\\ti', names)).toEqual([['\\timing'], '\\ti']);
  });
});

describe('shell history', () => {
  it('keeps a multi-line statement as one line, without the -- comments that would swallow the rest', () => {
    expect(oneLine("SELECT a, -- the a\n  b FROM s\nWHERE c = '--x';")).toBe("SELECT a,    b FROM s WHERE c = '--x';");
  });

  it("a statement ends at its last ';', not at one in a string or a comment", () => {
    expect(endsStatement('SELECT 1; -- done')).toBe(true);
    expect(endsStatement("SELECT ';'")).toBe(false);
    expect(endsStatement('SELECT 1 -- not yet;')).toBe(false);
    expect(endsStatement('SELECT 1 /* ; */')).toBe(false);
  });
});
