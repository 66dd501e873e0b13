// End to end from SQL text: parser, analyzer and compiler together.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../grammar/index.js';
import { analyzeExpression } from '../../src/plan/expr/analyze.js';
import { compileExpression } from '../../src/runtime/expr/compile.js';
import { formatType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { compileOpts, registry, scope } from './helpers.js';

function run(sql: string, values: Record<string, unknown> = {}): unknown {
  const t = analyzeExpression(parseExpression(sql), scope, registry);
  const row = scope.columns.map((c) => (c.name in values ? values[c.name] : null));
  return compileExpression(t, compileOpts())(row);
}
const typeOf = (sql: string) => formatType(analyzeExpression(parseExpression(sql), scope, registry).type);

describe('expressions from SQL', () => {
  it('follows operator precedence', () => {
    expect(run('2 * 3 + 4')).toBe(10);
    expect(run('6 % 4 / 2 * 6')).toBe(6);
    expect(run('6 / 2 % 2 * 2')).toBe(2);
    expect(run('10 + 4 > 11 - 2')).toBe(true);
    expect(run('NOT 4 > 11')).toBe(true);
    expect(run("1 BETWEEN 0 AND 2 AND 'b' BETWEEN 'a' AND 'c'")).toBe(true);
    expect(run("'this' LIKE '%hi%' AND true")).toBe(true);
    expect(run('true OR false AND true')).toBe(true);
  });

  it('types literals', () => {
    expect(typeOf('-2147483648')).toBe('INTEGER');
    expect(typeOf('2147483648')).toBe('BIGINT');
    expect(typeOf('1.50')).toBe('DECIMAL(3, 2)');
    expect(typeOf('1.5E3')).toBe('DOUBLE');
    expect(run('-00002147483647')).toBe(-2147483647);
  });

  it('evaluates a mix', () => {
    expect(run("CASE WHEN D < 2.0 THEN 'small' ELSE 'large' END", { D: 1 })).toBe('small');
    expect(run('I IN (1, 2, 3)', { I: 2 })).toBe(true);
    expect(run('I NOT IN (1, 2, 3)', { I: 2 })).toBe(false);
    expect(run('I != 3', { I: 2 })).toBe(true);
    expect(run('ST->A + AR[1]', { ST: { A: 1, b: 'x' }, AR: [41] })).toBe(42);
    expect(run("M['k']", { M: new Map([['k', 5]]) })).toBe(5);
    expect(run('CAST(DEC AS STRING)', { DEC: Decimal.fromString('1.50') })).toBe('1.50');
    expect(run("S || '!'", { S: 'hi' })).toBe('hi!');
    expect(run('TRANSFORM(AR, x => x * 10)', { AR: [1, 2] })).toEqual([10, 20]);
    expect(run('REDUCE(AR, 0, (s, x) => s + x)', { AR: [1, 2, 3] })).toBe(6);
    expect(run('I IS DISTINCT FROM I2', { I: 1 })).toBe(true);
    expect(run("S LIKE 'a!%' ESCAPE '!'", { S: 'a%' })).toBe(true);
    expect(typeOf("ARRAY[1, 2.5, '3']")).toBe('ARRAY<DECIMAL(11, 1)>');
    expect(typeOf("MAP('a' := 1, 'b' := 2)")).toBe('MAP<STRING, INTEGER>');
    expect(typeOf('STRUCT(A := 1, B := ST)')).toBe('STRUCT<`A` INTEGER, `B` STRUCT<`A` INTEGER, `b` STRING>>');
  });
});
