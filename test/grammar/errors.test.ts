import { describe, expect, it } from 'vitest';
import { parseExpression, parseScript, parseStatement } from '../../grammar/index.js';
import { SqlError } from '../../src/types/sql-error.js';

function errorOf(run: () => unknown): SqlError {
  try { run(); } catch (e) {
    expect(e).toBeInstanceOf(SqlError);
    return e as SqlError;
  }
  throw new Error('expected a SqlError');
}

describe('parse errors', () => {
  it('name the offending token, its position and what was expected', () => {
    const e = errorOf(() => parseStatement('SELECT * FORM s'));
    expect(e.code).toBe('PARSE_ERROR');
    expect(e.message).toBe("unexpected 'FORM', expected FROM");
    expect(e.position).toEqual({ line: 1, column: 10, offset: 9 });
    expect(e.snippet).toBe('FORM');
    expect(e.describe()).toBe("line 1, column 10: unexpected 'FORM', expected FROM");
  });

  it('summarize long lists of expected tokens', () => {
    const e = errorOf(() => parseStatement('SELECT * FROM s WHERE a = )'));
    expect(e.message).toBe("unexpected ')', expected an expression");
    expect(errorOf(() => parseStatement('SELECT f(a, ) FROM s')).message).toBe("unexpected ')', expected an expression");
    expect(errorOf(() => parseStatement('FOO')).message).toBe("unexpected 'FOO', expected SELECT, CREATE, INSERT, DROP, TERMINATE, SHOW, LIST, DESCRIBE, EXPLAIN, PRINT, SET, UNSET, ...");
    expect(errorOf(() => parseStatement('SELECT * FROM s WINDOW TUMBLING (SIZE 10)')).message)
      .toBe("unexpected ')', expected a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS)");
  });

  it('report an unexpected end after the last token', () => {
    const e = errorOf(() => parseStatement('SELECT * FROM'));
    expect(e.message).toBe('unexpected end of statement, expected a name');
    expect(e.position).toEqual({ line: 1, column: 14, offset: 13 });
    expect(e.snippet).toBe('FROM');
  });

  it('point at reserved words used as names', () => {
    const e = errorOf(() => parseStatement('CREATE STREAM s (topic STRING)'));
    expect(e.message).toBe("unexpected 'topic', expected a name ('TOPIC' is a reserved word: quote it with backticks to use it as a name)");
    expect(e.position).toMatchObject({ column: 18 });
  });

  it('report lexical problems', () => {
    expect(errorOf(() => parseStatement("SELECT 'abc FROM s")).message).toBe('unterminated string: a closing single quote is missing');
    expect(errorOf(() => parseStatement('SELECT `abc FROM s')).message).toBe('unterminated backquoted identifier: a closing ` is missing');
    expect(errorOf(() => parseStatement('SELECT * /* x')).message).toBe("unterminated comment: '*/' is missing");
    const e = errorOf(() => parseStatement('SELECT a\n  # b FROM s'));
    expect(e.message).toBe("unexpected character '#'");
    expect(e.position).toEqual({ line: 2, column: 3, offset: 11 });
  });

  it('report undefined variables', () => {
    expect(errorOf(() => parseStatement('SELECT * FROM ${src}')).message).toBe('variable ${src} is not defined (DEFINE it first)');
  });

  it('report empty input', () => {
    expect(errorOf(() => parseStatement('  -- nothing')).message).toMatch(/^empty statement/);
    expect(errorOf(() => parseExpression('')).message).toBe('empty expression');
  });

  it('are relative to the script when an origin is given', () => {
    const e = errorOf(() => parseStatement('SELECT *\nFORM s', { line: 10, column: 5, offset: 100 }));
    expect(e.position).toEqual({ line: 11, column: 1, offset: 109 });
    const first = errorOf(() => parseStatement('SELECT * FORM s', { line: 10, column: 5, offset: 100 }));
    expect(first.position).toEqual({ line: 10, column: 14, offset: 109 });
  });

  it('never crash, whatever the input', () => {
    const inputs = ['', ';', ')))', 'SELECT', 'SELECT * FROM s WHERE (((((a', "'", '"', '`', '${', '$', '@', '\u0000', 'CREATE STREAM',
      'SELECT -', 'SELECT a->', 'SELECT ARRAY[', "SELECT MAP('a' :=", 'SELECT CAST(a AS', 'SELECT CAST(a AS STRUCT<', 'WITH', 'EXPLAIN',
      'SELECT 1e999999 FROM s', 'SELECT ' + '('.repeat(5000) + 'a' + ')'.repeat(5000) + ' FROM s'];
    for (const sql of inputs) {
      try { parseStatement(sql); } catch (e) { expect(e, sql.slice(0, 40)).toBeInstanceOf(SqlError); }
    }
  });
});

describe('parseScript', () => {
  it('reports every bad statement and keeps the good ones', () => {
    const script = [
      "CREATE STREAM s (id INT KEY) WITH (kafka_topic='s', value_format='JSON');",
      'SELECT * FORM s;',
      'SELECT id FROM s EMIT CHANGES;',
      '',
      '  SELECT * FROM s WHERE id = ;',
      'DROP STREAM s;',
    ].join('\n');
    const { statements, errors } = parseScript(script);
    expect(statements.map((s) => s.kind)).toEqual(['CreateSource', 'Query', 'DropSource']);
    expect(errors.map((e) => [e.position?.line, e.position?.column, e.snippet])).toEqual([[2, 10, 'FORM'], [5, 29, '=']]);
    expect(errors[1].message).toBe('unexpected end of statement, expected an expression');
  });

  it('gives statements spans in the script', () => {
    const { statements } = parseScript('SELECT * FROM a;\n\n  SELECT * FROM b');
    expect(statements[1].span).toEqual({ line: 3, column: 3, offset: 20, endOffset: 35 });
    expect(statements[1].text).toBe('SELECT * FROM b');
  });
});

describe('hints', () => {
  it('suggest the keyword a word is a likely typo of', () => {
    expect(errorOf(() => parseStatement('CREAT STREAM s')).message).toMatch(/\(did you mean CREATE\?\)$/);
    expect(errorOf(() => parseStatement('DROP STRAEM s')).message).toBe("unexpected 'STRAEM', expected MODEL, CONNECTOR, STREAM, TABLE or TYPE (did you mean STREAM?)");
    expect(errorOf(() => parseStatement('SELECT * FROM s WINDOW TUMBLING (SIZE 1 SECODS)')).message)
      .toBe("unexpected 'SECODS', expected a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS) (did you mean SECONDS?)");
  });
});
