import { describe, expect, it } from 'vitest';
import { compileLikePattern } from '../../src/runtime/expr/like.js';
import { col, evaluate, like, num, str, typeOf } from './helpers.js';

describe('LIKE', () => {
  it('matches % and _ over the whole value', () => {
    expect(evaluate(like(col('S'), str('%foo%')), { S: 'barfoobaz' })).toBe(true);
    expect(evaluate(like(col('S'), str('f_o')), { S: 'foo' })).toBe(true);
    expect(evaluate(like(col('S'), str('f_o')), { S: 'fooo' })).toBe(false);
    expect(evaluate(like(col('S'), str('foo')), { S: 'xfoo' })).toBe(false);
    expect(evaluate(like(col('S'), col('S2')), { S: 'foobar', S2: '%oba%' })).toBe(true);
    expect(evaluate(like(col('S'), col('S2')), { S: 'bar', S2: 'foo' })).toBe(false);
  });

  it('treats regex characters literally', () => {
    expect(evaluate(like(col('S'), str('a.c(')), { S: 'a.c(' })).toBe(true);
    expect(evaluate(like(col('S'), str('a.c')), { S: 'abc' })).toBe(false);
    expect(evaluate(like(col('S'), str('[x]-\\')), { S: '[x]-\\' })).toBe(true);
  });

  it('does not match line terminators with wildcards (Java regex)', () => {
    expect(evaluate(like(col('S'), str('a%b')), { S: 'a\nb' })).toBe(false);
    expect(evaluate(like(col('S'), str('a_b')), { S: 'a😀b' })).toBe(true);
  });

  it('honours ESCAPE', () => {
    const e = like(col('S'), col('S2'), str('!'));
    expect(evaluate(e, { S: '%', S2: '!%' })).toBe(true);
    expect(evaluate(e, { S: 'x', S2: '!%' })).toBe(false);
    expect(evaluate(like(col('S'), str('100!%'), str('!')), { S: '100%' })).toBe(true);
    expect(evaluate(like(col('S'), str('a!!b'), str('!')), { S: 'a!b' })).toBe(true);
    expect(() => evaluate(like(col('S'), str('abc!'), str('!')), { S: 'abc' })).toThrow('LIKE pattern must not end with escape character');
    expect(() => compileLikePattern('x!', '!')).toThrow();
    expect(() => typeOf(like(col('S'), str('x'), str('!!')))).toThrow('single character');
  });

  it('is NULL on NULL and negates with NOT', () => {
    expect(evaluate(like(col('S'), str('%')))).toBeNull();
    expect(evaluate(like(col('S'), col('S2')), { S: 'x' })).toBeNull();
    expect(evaluate(like(col('S'), str('a%'), undefined, true), { S: 'abc' })).toBe(false);
    expect(evaluate(like(col('S'), str('a%'), undefined, true), { S: 'xbc' })).toBe(true);
  });

  it('requires strings', () => {
    expect(() => typeOf(like(col('I'), str('1')))).toThrow('LIKE requires STRING operands, but I is INTEGER.');
    expect(() => typeOf(like(col('S'), num(1)))).toThrow('LIKE requires STRING operands');
  });
});
