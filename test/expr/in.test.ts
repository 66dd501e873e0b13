import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { BIGINT, decimal, DOUBLE, INTEGER, STRING, struct } from '../../src/types/sql-type.js';
import { analyze, arr, bool, cast, col, evaluate, inList, mapc, nul, num, op, str, structc } from './helpers.js';
import type { TIn } from '../../src/plan/expr/typed-expr.js';
import type { Expr } from '../../grammar/ast.js';

const dec = (s: string) => Decimal.fromString(s);
const commonType = (e: Parameters<typeof analyze>[0]) => (analyze(e) as TIn).value.type;

describe('IN', () => {
  it('matches expressions and skips NULLs', () => {
    const e = inList(col('I'), [col('I2'), op('*', col('I2'), num(2))]);
    expect(evaluate(e, { I: 10, I2: 10 })).toBe(true);
    expect(evaluate(e, { I: 20, I2: 10 })).toBe(true);
    expect(evaluate(e, { I: 19, I2: 10 })).toBe(false);
    const withNull = inList(col('I'), [num(11), nul(), col('I2')]);
    expect(evaluate(withNull, { I: 11 })).toBe(true);
    expect(evaluate(withNull, { I: 12 })).toBe(false);
    expect(evaluate(withNull, {})).toBe(false); // never NULL
  });

  it('negates with NOT (true for a NULL value, as ksqlDB)', () => {
    const e = inList(col('I'), [num(11), num(20), num(10)], true);
    expect(evaluate(e, { I: 10 })).toBe(false);
    expect(evaluate(e, { I: 12 })).toBe(true);
    expect(evaluate(e, {})).toBe(true);
  });

  it('coerces to the common type of the value and the items', () => {
    const e = inList(col('I'), [num(1), num('2.0'), num('3.00'), str('4.000'), num('5.10'), col('B'), col('D'), col('DEC')]);
    expect(commonType(e)).toEqual(DOUBLE);
    expect([1, 2, 3, 4, 5].map((I) => evaluate(e, { I }))).toEqual([true, true, true, true, false]);
    expect(commonType(inList(col('I'), [col('B')]))).toEqual(BIGINT);
    expect(evaluate(inList(col('I'), [col('B')]), { I: -2147483648, B: 2147483648 })).toBe(false);
    expect(commonType(inList(col('I'), [col('DEC')]))).toEqual(decimal(12, 2));
    expect(evaluate(inList(col('I'), [col('DEC')]), { I: 11, DEC: dec('11.01') })).toBe(false);
    expect(evaluate(inList(col('I'), [col('DEC')]), { I: 10, DEC: dec('10.00') })).toBe(true);
    expect(commonType(inList(col('I'), [num(1), str('2147483648')]))).toEqual(BIGINT);
  });

  it('converts literals to STRING for a STRING value', () => {
    const e = inList(col('S'), [bool(true), num(10), str('10.1'), num('10.30'), col('S2')]);
    expect(commonType(e)).toEqual(STRING);
    expect(['true', '10', '10.1', '10.3', '10.30'].map((S) => evaluate(e, { S }))).toEqual([true, true, true, false, true]);
    expect(evaluate(e, { S: 'hello', S2: 'hello' })).toBe(true);
  });

  it('parses string literals for BOOLEAN values', () => {
    const e = inList(col('BO'), [str('TrUe'), str('n')]);
    expect(evaluate(e, { BO: true })).toBe(true);
    expect(evaluate(e, { BO: false })).toBe(true);
    expect(() => analyze(inList(col('BO'), [bool(true), str('Not a boolean')])))
      .toThrow('invalid input syntax for type BOOLEAN: "Not a boolean".');
  });

  it('rejects incompatible items with ksqlDB messages', () => {
    expect(() => analyze(inList(col('BO'), [bool(true), num(10)])))
      .toThrow('operator does not exist: BOOLEAN = INTEGER (10)\nHint: You might need to add explicit type casts.');
    expect(() => analyze(inList(col('I'), [num(10), str('10 - not a number')])))
      .toThrow('invalid input syntax for type INTEGER: "10 - not a number".');
    expect(() => analyze(inList(col('I'), [num(10), col('S')]))).toThrow('operator does not exist: INTEGER = STRING (S)');
    expect(() => analyze(inList(col('DEC'), [num(10), bool(true)]))).toThrow('operator does not exist: DECIMAL(12, 2) = BOOLEAN (true)');
    expect(() => analyze(inList(col('S'), [num(10), col('D')]))).toThrow('operator does not exist: STRING = DOUBLE (D)');
    expect(() => analyze(inList(col('AB'), [col('AB'), arr(col('BO'))])))
      .toThrow('operator does not exist: ARRAY<BIGINT> = ARRAY<BOOLEAN> (ARRAY[BO])');
    expect(() => analyze(inList(col('AB'), [col('AB'), arr(str('10'), str('not 10'))])))
      .toThrow('invalid input syntax for type BIGINT: "not 10"');
    expect(() => analyze(inList(col('AB'), [arr(num(1)), call0()]))).toThrow('operator does not exist: ARRAY<BIGINT> = INTEGER');
  });

  it('matches arrays, maps and structs element-wise', () => {
    const e = inList(col('AB'), [arr(num(1), num(2)), arr(num(5), num('123456789000')), arr(str('3'), nul())]);
    expect(evaluate(e, { AB: [1, 2] })).toBe(true);
    expect(evaluate(e, { AB: [1] })).toBe(false);
    expect(evaluate(e, { AB: [5, 123456789000] })).toBe(true);
    expect(evaluate(e, { AB: [3, null] })).toBe(true);
    expect(evaluate(inList(col('AB'), [col('AR')]), { AB: [1, 2], AR: [1, 2] })).toBe(true);
    const m = inList(col('M'), [mapc([str('a'), num(1)]), mapc([str('c'), cast(nul(), INTEGER)])]);
    expect(evaluate(m, { M: new Map([['a', 1]]) })).toBe(true);
    expect(evaluate(m, { M: new Map([['a', 1], ['b', 2]]) })).toBe(false);
    expect(evaluate(m, { M: new Map([['c', null]]) })).toBe(true);
  });

  it('widens structs to the union of their fields', () => {
    const e = inList(col('ST'), [structc({ A: num(1), b: str('x') }), structc({ A: num(3), b: str('x'), C: num(4) }), structc({ A: num(5) })]);
    expect(commonType(e)).toEqual(struct([{ name: 'A', type: INTEGER }, { name: 'b', type: STRING }, { name: 'C', type: INTEGER }]));
    expect(evaluate(e, { ST: { A: 1, b: 'x' } })).toBe(true);
    expect(evaluate(e, { ST: { A: 3, b: 'x' } })).toBe(false);
    expect(evaluate(e, { ST: { A: 5, b: null } })).toBe(true);
  });
});

function call0(): Expr {
  return { kind: 'FunctionCall', name: 'ABS', args: [num(1)], span: num(1).span };
}
