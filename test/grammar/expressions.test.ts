import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../grammar/index.js';
import type { Expr } from '../../grammar/ast.js';
import { withoutSpans } from './helpers.js';

const parse = (sql: string): Expr => withoutSpans(parseExpression(sql));
const col = (name: string, qualifier?: string) => (qualifier ? { kind: 'ColumnRef', qualifier, name } : { kind: 'ColumnRef', name });
const num = (text: string) => ({ kind: 'NumberLit', text });
const str = (value: string) => ({ kind: 'StringLit', value });

describe('literals', () => {
  it('keeps numeric text as written', () => {
    expect(parse('12')).toEqual(num('12'));
    expect(parse('1.50')).toEqual(num('1.50'));
    expect(parse('1.5E0')).toEqual(num('1.5E0'));
    expect(parse('.5')).toEqual(num('.5'));
    expect(parse('1e-3')).toEqual(num('1e-3'));
  });

  it('folds a minus into a numeric literal, as ksqlDB does', () => {
    expect(parse('-5')).toEqual(num('-5'));
    expect(parse('- 5')).toEqual(num('-5'));
    expect(parse('-9223372036854775808')).toEqual(num('-9223372036854775808'));
    expect(parse('-(5)')).toEqual({ kind: 'Unary', op: '-', operand: num('5') });
    expect(parse('+5')).toEqual({ kind: 'Unary', op: '+', operand: num('5') });
    expect(parse('1 - -5')).toEqual({ kind: 'Arithmetic', op: '-', left: num('1'), right: num('-5') });
  });

  it('rejects numbers out of range', () => {
    expect(() => parseExpression('9223372036854775808')).toThrow('Invalid numeric literal: 9223372036854775808');
    expect(() => parseExpression('-9223372036854775809')).toThrow('Invalid numeric literal: -9223372036854775809');
    expect(() => parseExpression('1.7976931348623159E308')).toThrow('Number overflows DOUBLE: 1.7976931348623159E308');
  });

  it('reads strings, booleans and NULL', () => {
    expect(parse("'it''s'")).toEqual(str("it's"));
    expect(parse("''")).toEqual(str(''));
    expect(parse('true')).toEqual({ kind: 'BoolLit', value: true });
    expect(parse('FALSE')).toEqual({ kind: 'BoolLit', value: false });
    expect(parse('null')).toEqual({ kind: 'NullLit' });
  });
});

describe('names', () => {
  it('upper-cases unquoted names and keeps quoted ones', () => {
    expect(parse('abc')).toEqual(col('ABC'));
    expect(parse('`My Col`')).toEqual(col('My Col'));
    expect(parse('"Other"')).toEqual(col('Other'));
    expect(parse('`a``b`')).toEqual(col('a`b'));
    expect(parse('t.col')).toEqual(col('COL', 'T'));
    expect(parse('`t`.`c`')).toEqual(col('c', 't'));
  });

  it('accepts non-reserved keywords as names', () => {
    expect(parse('key')).toEqual(col('KEY'));
    expect(parse('session + emit')).toMatchObject({ left: col('SESSION'), right: col('EMIT') });
    expect(parse('map')).toEqual(col('MAP'));
    expect(parse('date')).toEqual(col('DATE'));
    expect(parse('WINDOWSTART')).toEqual(col('WINDOWSTART'));
  });

  it('rejects reserved words as names, suggesting backticks', () => {
    expect(() => parseExpression('size')).toThrow(/reserved word: quote it with backticks/);
    expect(parse('`SIZE`')).toEqual(col('SIZE'));
  });
});

describe('precedence', () => {
  it('binds * over + over || over comparison over NOT over AND over OR', () => {
    expect(parse('a OR b AND c')).toEqual({ kind: 'Logical', op: 'OR', left: col('A'), right: { kind: 'Logical', op: 'AND', left: col('B'), right: col('C') } });
    expect(parse('NOT a AND b')).toEqual({ kind: 'Logical', op: 'AND', left: { kind: 'Unary', op: 'NOT', operand: col('A') }, right: col('B') });
    expect(parse('NOT a = b')).toEqual({ kind: 'Unary', op: 'NOT', operand: { kind: 'Comparison', op: '=', left: col('A'), right: col('B') } });
    expect(parse('a || b + c')).toEqual({ kind: 'Concat', left: col('A'), right: { kind: 'Arithmetic', op: '+', left: col('B'), right: col('C') } });
    expect(parse('a + b * c')).toEqual({ kind: 'Arithmetic', op: '+', left: col('A'), right: { kind: 'Arithmetic', op: '*', left: col('B'), right: col('C') } });
    expect(parse('a + b = c || d')).toEqual({
      kind: 'Comparison', op: '=',
      left: { kind: 'Arithmetic', op: '+', left: col('A'), right: col('B') },
      right: { kind: 'Concat', left: col('C'), right: col('D') },
    });
  });

  it('is left-associative', () => {
    expect(parse('a - b - c')).toEqual({ kind: 'Arithmetic', op: '-', left: { kind: 'Arithmetic', op: '-', left: col('A'), right: col('B') }, right: col('C') });
    expect(parse('a / b % c')).toMatchObject({ op: '%', left: { op: '/' } });
    expect(parse('a AND b AND c')).toMatchObject({ op: 'AND', left: { op: 'AND' }, right: col('C') });
  });

  it('binds unary minus tighter than *', () => {
    expect(parse('-a * b')).toEqual({ kind: 'Arithmetic', op: '*', left: { kind: 'Unary', op: '-', operand: col('A') }, right: col('B') });
  });

  it('honours parentheses', () => {
    expect(parse('(a + b) * c')).toMatchObject({ op: '*', left: { op: '+' } });
    expect(parse('NOT (a AND b)')).toMatchObject({ kind: 'Unary', operand: { kind: 'Logical' } });
  });
});

describe('predicates', () => {
  it('normalizes != to <>', () => {
    expect(parse('a != b')).toMatchObject({ kind: 'Comparison', op: '<>' });
    expect(parse('a <> b')).toMatchObject({ kind: 'Comparison', op: '<>' });
    for (const op of ['=', '<', '<=', '>', '>=']) expect(parse(`a ${op} b`)).toMatchObject({ op });
  });

  it('parses BETWEEN without confusing its AND', () => {
    expect(parse('a NOT BETWEEN 1 AND 2 AND b')).toEqual({
      kind: 'Logical', op: 'AND',
      left: { kind: 'Between', not: true, value: col('A'), low: num('1'), high: num('2') },
      right: col('B'),
    });
  });

  it('parses IN lists', () => {
    expect(parse('a IN (1, b)')).toEqual({ kind: 'InList', not: false, value: col('A'), list: [num('1'), col('B')] });
    expect(parse('a NOT IN (1)')).toMatchObject({ kind: 'InList', not: true });
    expect(() => parseExpression('a IN ()')).toThrow();
  });

  it('parses LIKE with ESCAPE', () => {
    expect(parse("a LIKE 'x%'")).toEqual({ kind: 'Like', not: false, value: col('A'), pattern: str('x%') });
    expect(parse("a NOT LIKE 'x!%' ESCAPE '!'")).toEqual({ kind: 'Like', not: true, value: col('A'), pattern: str('x!%'), escape: str('!') });
    expect(() => parseExpression("a LIKE 'x' ESCAPE 'ab'")).toThrow('Expected single character escape but got: ab');
  });

  it('parses IS [NOT] NULL and IS [NOT] DISTINCT FROM', () => {
    expect(parse('a IS NULL')).toEqual({ kind: 'IsNull', not: false, value: col('A') });
    expect(parse('a IS NOT NULL')).toEqual({ kind: 'IsNull', not: true, value: col('A') });
    expect(parse('a IS DISTINCT FROM b')).toEqual({ kind: 'IsDistinctFrom', not: false, left: col('A'), right: col('B') });
    expect(parse('a IS NOT DISTINCT FROM b')).toEqual({ kind: 'IsDistinctFrom', not: true, left: col('A'), right: col('B') });
  });

  it('does not chain comparisons', () => {
    expect(() => parseExpression('a = b = c')).toThrow("unexpected '=', expected end of statement");
  });
});

describe('structured expressions', () => {
  it('parses searched and simple CASE', () => {
    expect(parse("CASE WHEN a > 1 THEN 'x' ELSE 'y' END")).toEqual({
      kind: 'Case', whens: [{ when: { kind: 'Comparison', op: '>', left: col('A'), right: num('1') }, then: str('x') }], else: str('y'),
    });
    expect(parse('CASE a WHEN 1 THEN 2 WHEN 3 THEN 4 END')).toEqual({
      kind: 'Case', operand: col('A'), whens: [{ when: num('1'), then: num('2') }, { when: num('3'), then: num('4') }],
    });
  });

  it('parses CAST with every type', () => {
    const type = (sql: string) => (parse(`CAST(x AS ${sql})`) as { type: unknown }).type;
    expect(type('INT')).toEqual({ kind: 'INTEGER' });
    expect(type('integer')).toEqual({ kind: 'INTEGER' });
    expect(type('BIGINT')).toEqual({ kind: 'BIGINT' });
    expect(type('double')).toEqual({ kind: 'DOUBLE' });
    expect(type('BOOLEAN')).toEqual({ kind: 'BOOLEAN' });
    expect(type('VARCHAR')).toEqual({ kind: 'STRING' });
    expect(type('STRING')).toEqual({ kind: 'STRING' });
    expect(type('BYTES')).toEqual({ kind: 'BYTES' });
    expect(type('DATE')).toEqual({ kind: 'DATE' });
    expect(type('TIME')).toEqual({ kind: 'TIME' });
    expect(type('TIMESTAMP')).toEqual({ kind: 'TIMESTAMP' });
    expect(type('DECIMAL(10, 2)')).toEqual({ kind: 'DECIMAL', precision: 10, scale: 2 });
    expect(type('ARRAY<MAP<STRING, ARRAY<INT>>>')).toEqual({
      kind: 'ARRAY', item: { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'ARRAY', item: { kind: 'INTEGER' } } },
    });
    expect(type('STRUCT<a INT, `b c` STRUCT<d DOUBLE>>')).toEqual({
      kind: 'STRUCT', fields: [
        { name: 'A', type: { kind: 'INTEGER' } },
        { name: 'b c', type: { kind: 'STRUCT', fields: [{ name: 'D', type: { kind: 'DOUBLE' } }] } },
      ],
    });
    expect(type('STRUCT<>')).toEqual({ kind: 'STRUCT', fields: [] });
    expect(() => parseExpression('CAST(x AS FLOAT)')).toThrow("unknown type 'FLOAT'");
    expect(() => parseExpression('CAST(x AS NULL)')).toThrow();
    expect(() => parseExpression('CAST(x AS DECIMAL(2, 3))')).toThrow('DECIMAL scale must be <= precision');
  });

  it('parses subscripts and struct fields, chained', () => {
    expect(parse("a[1]['k']->b->c")).toEqual({
      kind: 'Dereference', field: 'C', base: {
        kind: 'Dereference', field: 'B', base: {
          kind: 'Subscript', index: str('k'), base: { kind: 'Subscript', base: col('A'), index: num('1') },
        },
      },
    });
    expect(parse('t.s->f')).toEqual({ kind: 'Dereference', base: col('S', 'T'), field: 'F' });
    expect(parse('f(x)[1]')).toMatchObject({ kind: 'Subscript', base: { kind: 'FunctionCall' } });
  });

  it('parses function calls, COUNT(*) and DISTINCT', () => {
    expect(parse('substring(a, 1, 2)')).toEqual({ kind: 'FunctionCall', name: 'SUBSTRING', args: [col('A'), num('1'), num('2')] });
    expect(parse('count(*)')).toEqual({ kind: 'FunctionCall', name: 'COUNT', args: [], star: true });
    expect(parse('now()')).toEqual({ kind: 'FunctionCall', name: 'NOW', args: [] });
    expect(parse('f(DISTINCT a)')).toEqual({ kind: 'FunctionCall', name: 'F', args: [col('A')], distinct: true });
  });

  it('parses lambdas as arguments', () => {
    expect(parse('TRANSFORM(arr, x => x + 1)')).toEqual({
      kind: 'FunctionCall', name: 'TRANSFORM', args: [
        col('ARR'),
        { kind: 'Lambda', params: ['X'], body: { kind: 'Arithmetic', op: '+', left: col('X'), right: num('1') } },
      ],
    });
    expect(parse('REDUCE(m, 0, (s, k, v) => s + v)')).toMatchObject({ args: [{}, {}, { kind: 'Lambda', params: ['S', 'K', 'V'] }] });
    expect(parse('f((a), b)')).toEqual({ kind: 'FunctionCall', name: 'F', args: [col('A'), col('B')] });
  });

  it('parses time units as arguments', () => {
    expect(parse('TIMESTAMPADD(MILLISECONDS, 5, ts)')).toEqual({
      kind: 'FunctionCall', name: 'TIMESTAMPADD', args: [col('MILLISECONDS'), num('5'), col('TS')],
    });
    expect(parse('DATEADD(DAYS, 1, d)')).toMatchObject({ args: [col('DAYS'), num('1'), col('D')] });
  });

  it('parses constructors', () => {
    expect(parse('ARRAY[1, a]')).toEqual({ kind: 'ArrayCtor', items: [num('1'), col('A')] });
    expect(parse('ARRAY[]')).toEqual({ kind: 'ArrayCtor', items: [] });
    expect(parse("MAP('a' := 1, 'b' := 2)")).toEqual({ kind: 'MapCtor', entries: [{ key: str('a'), value: num('1') }, { key: str('b'), value: num('2') }] });
    expect(parse('STRUCT(a := 1, `b` := x)')).toEqual({ kind: 'StructCtor', fields: [{ name: 'A', value: num('1') }, { name: 'b', value: col('X') }] });
    expect(parse('array[1][1]')).toMatchObject({ kind: 'Subscript', base: { kind: 'ArrayCtor' } });
  });
});

describe('spans', () => {
  it('covers each node from its first to its last character', () => {
    const e = parseExpression('a + f(b, 12)');
    expect(e.span).toEqual({ line: 1, column: 1, offset: 0, endOffset: 12 });
    if (e.kind !== 'Arithmetic') throw new Error('expected arithmetic');
    expect(e.right.span).toEqual({ line: 1, column: 5, offset: 4, endOffset: 12 });
    if (e.right.kind !== 'FunctionCall') throw new Error('expected call');
    expect(e.right.args[1].span).toEqual({ line: 1, column: 10, offset: 9, endOffset: 11 });
  });

  it('counts lines and columns across line breaks', () => {
    const e = parseExpression('a\n  AND\r\n   b');
    if (e.kind !== 'Logical') throw new Error('expected logical');
    expect(e.right.span).toEqual({ line: 3, column: 4, offset: 12, endOffset: 13 });
  });
});
