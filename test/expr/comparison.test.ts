import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { BOOLEAN } from '../../src/types/sql-type.js';
import { arr, at, between, bool, cmp, col, distinct, evaluate, mapc, nul, num, str, structc, typeOf } from './helpers.js';

const dec = (s: string) => Decimal.fromString(s);

describe('comparisons', () => {
  it('compares numbers across types', () => {
    expect(typeOf(cmp('=', col('I'), num(1)))).toEqual(BOOLEAN);
    expect(evaluate(cmp('=', col('I'), col('B')), { I: 5, B: 5 })).toBe(true);
    expect(evaluate(cmp('<', col('I'), col('D')), { I: 1, D: 1.1 })).toBe(true);
    expect(evaluate(cmp('=', col('DEC'), num('1.20')), { DEC: dec('1.20') })).toBe(true);
    expect(evaluate(cmp('=', col('DEC2'), num('1.20')), { DEC2: dec('1.200') })).toBe(true); // compareTo, not equals
    expect(evaluate(cmp('<', col('DEC'), col('DEC2')), { DEC: dec('10.01'), DEC2: dec('10.012') })).toBe(true);
    expect(evaluate(cmp('<', col('DEC'), col('I')), { DEC: dec('10.01'), I: 12 })).toBe(true);
    expect(evaluate(cmp('=', col('DEC'), col('D')), { DEC: dec('1.10'), D: 1.1 })).toBe(true); // BigDecimal.valueOf(1.1)
    expect(evaluate(cmp('<', col('DEC'), num('0.08')), { DEC: dec('0.05') })).toBe(true);
  });

  it('makes comparisons with NULL false, never NULL', () => {
    expect(evaluate(cmp('=', col('I'), col('B')), { B: 1 })).toBe(false);
    expect(evaluate(cmp('<>', col('I'), col('B')), { B: 1 })).toBe(false);
    expect(evaluate(cmp('<', col('DEC'), col('DEC2')))).toBe(false);
  });

  it('treats NaN as Java does', () => {
    expect(evaluate(cmp('=', col('D'), col('D')), { D: NaN })).toBe(false);
    expect(evaluate(cmp('<>', col('D'), col('D')), { D: NaN })).toBe(false);
  });

  it('implements IS [NOT] DISTINCT FROM', () => {
    const d = distinct(col('I'), col('I2'));
    expect(evaluate(d, { I: 1, I2: 1 })).toBe(false);
    expect(evaluate(d, { I: 1 })).toBe(true);
    expect(evaluate(d, {})).toBe(false);
    const nd = distinct(col('I'), col('I2'), true);
    expect(evaluate(nd, {})).toBe(true);
    expect(evaluate(nd, { I2: 1 })).toBe(false);
    expect(evaluate(distinct(col('DEC'), num('10.01')), { DEC: dec('10.01') })).toBe(false);
  });

  it('compares strings by code units', () => {
    expect(evaluate(cmp('<', col('S'), str('foo')), { S: 'Foo' })).toBe(true);
    expect(evaluate(cmp('=', col('S'), str('foo')), { S: 'foo' })).toBe(true);
    expect(evaluate(cmp('>', col('S'), str('foo')), { S: 'goo' })).toBe(true);
  });

  it('compares collections by value, for equality only', () => {
    expect(evaluate(cmp('=', col('AR'), arr(num(1), num(2))), { AR: [1, 2] })).toBe(true);
    expect(evaluate(cmp('<>', col('AR'), arr(num(1), num(2))), { AR: [1] })).toBe(true);
    expect(evaluate(cmp('=', col('M'), mapc([str('a'), num(1)])), { M: new Map([['a', 1]]) })).toBe(true);
    expect(evaluate(cmp('=', col('M'), mapc([str('a'), num(1)])), { M: new Map([['b', 1]]) })).toBe(false);
    const st = structc({ A: num(2), b: str('x') });
    expect(evaluate(cmp('=', col('ST'), st), { ST: { A: 2, b: 'x' } })).toBe(true);
    expect(evaluate(distinct(col('ST'), st), { ST: { A: 3, b: 'x' } })).toBe(true);
    expect(evaluate(cmp('=', col('AR'), col('AR')), { AR: [null, 1] })).toBe(true);
    expect(() => typeOf(cmp('<', col('AR'), col('AR'))))
      .toThrow('Cannot compare AR (ARRAY<INTEGER>) to AR (ARRAY<INTEGER>) with LESS_THAN.');
    expect(() => typeOf(cmp('<', col('ST'), col('ST'))))
      .toThrow('Cannot compare ST (STRUCT<`A` INTEGER, `b` STRING>) to ST (STRUCT<`A` INTEGER, `b` STRING>) with LESS_THAN.');
    expect(() => typeOf(cmp('>', col('BO'), bool(true)))).toThrow('with GREATER_THAN.');
  });

  it('compares temporal values with strings', () => {
    expect(evaluate(cmp('=', col('DT'), str('2022-06-14')), { DT: 19157 })).toBe(true);
    expect(evaluate(cmp('<', col('DT'), str('2022-06')), { DT: 19000 })).toBe(true);
    expect(evaluate(cmp('=', col('T'), str('09:16:00')), { T: 33360000 })).toBe(true);
    expect(evaluate(cmp('=', col('TS'), str('2022-04-28T21:44:47.943Z')), { TS: 1651182287943 })).toBe(true);
    expect(evaluate(cmp('=', col('TS'), col('DT')), { TS: 19157 * 86400000, DT: 19157 })).toBe(true);
    expect(evaluate(cmp('>', col('S'), col('TS')), { S: '2022-04-28T21:44:48', TS: 1651182287943 })).toBe(true);
    expect(() => evaluate(cmp('=', col('DT'), col('S')), { DT: 1, S: 'nope' })).toThrow("Failed to parse date 'nope'");
    expect(() => typeOf(cmp('=', col('T'), col('DT')))).toThrow('Cannot compare T (TIME) to DT (DATE) with EQUAL.');
  });

  it('rejects mismatched types with ksqlDB messages and positions', () => {
    try {
      typeOf(cmp('>=', col('I'), str('not an int'), at(2, 7)));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe("Cannot compare I (INTEGER) to 'not an int' (STRING) with GREATER_THAN_OR_EQUAL.");
      expect((e as { code: string }).code).toBe('TYPE_ERROR');
      expect((e as { position: { line: number; column: number } }).position).toMatchObject({ line: 2, column: 7 });
    }
    expect(() => typeOf(cmp('<>', nul(), nul()))).toThrow('Comparison with NULL not supported: NULL <> NULL');
    expect(() => typeOf(cmp('=', col('I'), nul()))).toThrow('Comparison with NULL not supported: INTEGER = NULL');
  });
});

describe('BETWEEN', () => {
  it('is inclusive and false on NULL', () => {
    const b = between(col('I'), num(2), num(4));
    expect([1, 2, 3, 4, 5].map((I) => evaluate(b, { I }))).toEqual([false, true, true, true, false]);
    expect(evaluate(b, {})).toBe(false);
    expect(evaluate(between(col('I'), col('I2'), num(4)), { I: 3 })).toBe(false);
  });

  it('works for doubles, decimals and strings', () => {
    expect(evaluate(between(col('D'), num(2), num('3.9')), { D: 3.9 })).toBe(true);
    expect(evaluate(between(col('DEC'), num('1.19'), num('1.21')), { DEC: dec('1.20') })).toBe(true);
    expect(evaluate(between(col('S'), str('b'), str('c')), { S: 'ba' })).toBe(true);
    expect(evaluate(between(col('S'), str('b'), str('c')), { S: 'ca' })).toBe(false);
  });

  it('negates with NOT (so NOT BETWEEN is true on NULL, as ksqlDB)', () => {
    const b = between(col('I'), num(2), num(4), true);
    expect([1, 3, 5].map((I) => evaluate(b, { I }))).toEqual([true, false, true]);
    expect(evaluate(b, {})).toBe(true);
  });

  it('checks operand types', () => {
    expect(() => typeOf(between(col('I'), str('a'), num(4)))).toThrow("Cannot compare I (INTEGER) to 'a' (STRING)");
  });
});
