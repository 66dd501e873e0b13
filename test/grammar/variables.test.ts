import { describe, expect, it } from 'vitest';
import { parseStatement, substituteVariables } from '../../grammar/index.js';
import { SqlError } from '../../src/types/sql-error.js';

const vars = new Map([['format', 'JSON'], ['replicas', '3'], ['streamName', 's1'], ['quote', "it's"]]);

describe('substituteVariables', () => {
  it('replaces references everywhere, including inside strings', () => {
    expect(substituteVariables("CREATE STREAM ${streamName} (a INT) WITH (value_format='${format}', replicas=${replicas})", vars))
      .toBe("CREATE STREAM s1 (a INT) WITH (value_format='JSON', replicas=3)");
  });

  it('matches names case-insensitively', () => {
    expect(substituteVariables('${FORMAT} ${Format}', vars)).toBe('JSON JSON');
  });

  it('keeps a value inside the string it is substituted into', () => {
    const sql = substituteVariables("SELECT '${quote}' FROM s", vars);
    expect(sql).toBe("SELECT 'it''s' FROM s");
    const s = parseStatement(sql);
    expect(s.kind === 'Query' && s.query.select[0].kind === 'SingleColumn' && s.query.select[0].expr).toMatchObject({ value: "it's" });
  });

  it('leaves escaped references and comments alone', () => {
    expect(substituteVariables('SELECT $${format} -- ${nope}\n/* ${nope} */ FROM s', vars)).toBe('SELECT ${format} -- ${nope}\n/* ${nope} */ FROM s');
  });

  it('names an undefined variable, with its position', () => {
    let error: unknown;
    try { substituteVariables("SELECT *\n FROM ${missing}", vars, { line: 3, column: 1, offset: 50 }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).message).toMatch(/^variable 'missing' is not defined/);
    expect((error as SqlError).position).toEqual({ line: 4, column: 7, offset: 65 });
  });

  it('returns text without references unchanged', () => {
    expect(substituteVariables('SELECT * FROM s', new Map())).toBe('SELECT * FROM s');
  });
});
