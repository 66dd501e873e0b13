import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { BIGINT, BYTES, decimal, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { EvaluationError } from '../../src/values/evaluation-error.js';
import { bool, col, concat, evaluate, neg, nul, num, op, str, typeOf } from './helpers.js';

const dec = (s: string) => Decimal.fromString(s);

describe('arithmetic types', () => {
  it('widens numerics', () => {
    expect(typeOf(op('+', col('I'), col('I2')))).toEqual(INTEGER);
    expect(typeOf(op('+', col('I'), col('B')))).toEqual(BIGINT);
    expect(typeOf(op('*', col('B'), num(25)))).toEqual(BIGINT);
    expect(typeOf(op('+', col('D'), num(10)))).toEqual(DOUBLE);
    expect(typeOf(op('+', col('DEC'), col('D')))).toEqual(DOUBLE);
  });

  it('follows SqlDecimal for DECIMAL results', () => {
    // DEC is DECIMAL(4,2), DEC2 DECIMAL(5,3)
    expect(typeOf(op('+', col('DEC'), col('DEC')))).toEqual(decimal(5, 2));
    expect(typeOf(op('-', col('DEC'), col('DEC2')))).toEqual(decimal(6, 3));
    expect(typeOf(op('*', col('DEC'), col('DEC')))).toEqual(decimal(9, 4));
    expect(typeOf(op('/', col('DEC'), col('DEC')))).toEqual(decimal(11, 7));
    expect(typeOf(op('%', col('DEC'), col('DEC2')))).toEqual(decimal(5, 3));
    // INTEGER counts as DECIMAL(10, 0), BIGINT as DECIMAL(19, 0)
    expect(typeOf(op('+', col('DEC'), col('I')))).toEqual(decimal(13, 2));
    expect(typeOf(op('+', col('B'), col('DEC')))).toEqual(decimal(22, 2));
  });

  it('concatenates strings with + and ||', () => {
    expect(typeOf(op('+', col('S'), str('x')))).toEqual(STRING);
    expect(evaluate(op('+', op('+', str('prefix-'), col('S')), str('-postfix')), { S: 's1' })).toBe('prefix-s1-postfix');
    // Java string concatenation: a NULL side reads "null", as in ksqlDB.
    expect(evaluate(op('+', str('a'), col('S')))).toBe('anull');
    expect(typeOf(concat(col('S'), str('x')))).toEqual(STRING);
    expect(evaluate(concat(col('S'), str('x')))).toBe('x'); // CONCAT skips NULLs
    expect(evaluate(concat(str('a'), str('b')))).toBe('ab');
    expect(typeOf(concat(col('BY'), col('BY')))).toEqual(BYTES);
  });

  it('rejects bad operand types with ksqlDB messages', () => {
    expect(() => typeOf(op('+', bool(true), num('1.5'))))
      .toThrow('Error processing expression: (true + 1.5). Unsupported arithmetic types. BOOLEAN DECIMAL');
    expect(() => typeOf(op('+', nul(), num(1))))
      .toThrow('Error processing expression: (null + 1). Arithmetic on types null and INTEGER are not supported.');
    expect(() => typeOf(op('-', col('S'), str('x')))).toThrow('Unsupported arithmetic types. STRING STRING');
    expect(() => typeOf(concat(col('S'), num(1)))).toThrow("Function 'concat' does not accept parameters (STRING, INTEGER).");
  });
});

describe('arithmetic values', () => {
  it('computes with precedence-free trees', () => {
    expect(evaluate(op('+', op('*', num(2), num(3)), num(4)))).toBe(10);
    expect(evaluate(op('*', op('/', op('%', num(6), num(4)), num(2)), num(6)))).toBe(6);
    expect(evaluate(op('-', op('%', num(16), num(6)), num(4)))).toBe(0);
  });

  it('wraps INTEGER as Java int', () => {
    expect(evaluate(op('+', col('I'), num(1)), { I: 2147483647 })).toBe(-2147483648);
    expect(evaluate(op('*', col('I'), num(2)), { I: 2147483647 })).toBe(-2);
    expect(evaluate(op('-', col('I'), num(1)), { I: -2147483648 })).toBe(2147483647);
    expect(evaluate(op('/', col('I'), neg(num(1))), { I: -2147483648 })).toBe(-2147483648);
    expect(evaluate(neg(col('I')), { I: -2147483648 })).toBe(-2147483648);
  });

  it('truncates integer division and keeps the dividend sign for %', () => {
    expect(evaluate(op('/', num(7), num(2)))).toBe(3);
    expect(evaluate(op('/', neg(num(7)), num(2)))).toBe(-3);
    expect(evaluate(op('%', neg(num(7)), num(2)))).toBe(-1);
    expect(Object.is(evaluate(op('%', neg(num(4)), num(2))), 0)).toBe(true);
    expect(evaluate(op('/', col('B'), num(2)), { B: -7 })).toBe(-3);
    expect(evaluate(op('%', col('B'), num(3)), { B: -7 })).toBe(-1);
  });

  it('keeps BIGINT exact past 2^53 (a bigint there) and wraps it beyond 2^63', () => {
    expect(evaluate(op('+', col('B'), num(1)), { B: 9007199254740991 })).toBe(9007199254740992n);
    expect(evaluate(op('-', col('B'), num(1)), { B: 9007199254740992n })).toBe(9007199254740991); // back to a number
    expect(evaluate(op('*', col('B'), col('B')), { B: 2 ** 32 })).toBe(0); // 2^64 wraps to 0
    expect(evaluate(op('+', col('B'), num(1)), { B: 2n ** 63n - 1n })).toBe(-(2n ** 63n)); // Long.MAX_VALUE + 1
    expect(evaluate(op('/', col('B'), num(10)), { B: 1234567890123456789n })).toBe(123456789012345678n);
    expect(evaluate(op('%', col('B'), num(10)), { B: -1234567890123456789n })).toBe(-9);
  });

  it('fails integer division by zero, gives IEEE results for doubles', () => {
    expect(() => evaluate(op('/', col('I'), num(0)), { I: 1 })).toThrow(EvaluationError);
    expect(() => evaluate(op('/', col('I'), num(0)), { I: 1 })).toThrow('Error evaluating (I / 0): / by zero');
    expect(() => evaluate(op('%', col('B'), num(0)), { B: 1 })).toThrow('/ by zero');
    expect(evaluate(op('/', col('D'), num(0)), { D: 1 })).toBe(Infinity);
    expect(evaluate(op('/', col('D'), num(0)), { D: 0 })).toBeNaN();
    expect(evaluate(op('%', col('D'), num(0)), { D: 1 })).toBeNaN();
  });

  it('mixes INTEGER and DOUBLE', () => {
    expect(evaluate(op('+', col('D'), num(10)), { D: 3.21 })).toBe(13.21);
    expect(evaluate(op('/', col('I'), num('2.0E0')), { I: 3 })).toBe(1.5);
  });

  it('propagates NULL', () => {
    expect(evaluate(op('+', col('I'), num(1)))).toBeNull();
    expect(evaluate(op('+', num(1), col('B')))).toBeNull();
    expect(evaluate(op('*', col('DEC'), col('DEC')))).toBeNull();
    expect(evaluate(neg(col('D')))).toBeNull();
  });

  it('computes DECIMAL exactly at the result scale', () => {
    const r = (e: Parameters<typeof evaluate>[0], v: Record<string, unknown>) => (evaluate(e, v) as Decimal).toString();
    expect(r(op('+', col('DEC'), col('DEC')), { DEC: dec('10.01') })).toBe('20.02');
    expect(r(op('+', col('DEC'), op('+', col('DEC'), col('DEC'))), { DEC: dec('10.01') })).toBe('30.03');
    expect(r(op('-', col('DEC'), col('DEC2')), { DEC: dec('10.10'), DEC2: dec('5.100') })).toBe('5.000');
    expect(r(op('*', col('DEC'), col('DEC')), { DEC: dec('10.10') })).toBe('102.0100');
    expect(r(op('/', col('DEC'), col('DEC2')), { DEC: dec('10.10'), DEC2: dec('2.000') })).toBe('5.05000000');
    expect(r(op('%', col('DEC'), col('DEC2')), { DEC: dec('10.10'), DEC2: dec('-2.000') })).toBe('0.100');
    expect(r(op('+', col('DEC'), col('I')), { DEC: dec('10.01'), I: 5 })).toBe('15.01');
    expect(r(neg(col('DEC')), { DEC: dec('10.12') })).toBe('-10.12');
    expect(evaluate(op('+', col('DEC'), col('D')), { DEC: dec('10.01'), D: 5.1 })).toBe(15.11);
  });

  it('fails DECIMAL division by zero and inexact division, as ksqlDB', () => {
    expect(() => evaluate(op('/', col('DEC'), col('DEC')), { DEC: dec('0.00') })).toThrow('Division undefined');
    expect(() => evaluate(op('/', num('1.00'), col('DEC')), { DEC: dec('0.00') })).toThrow('Division by zero');
    expect(() => evaluate(op('%', col('DEC'), col('DEC2')), { DEC: dec('1.00'), DEC2: dec('0.000') })).toThrow('Division by zero');
    // 1/3 has no exact decimal: ksqlDB's MathContext(precision, UNNECESSARY) throws.
    expect(() => evaluate(op('/', col('DEC'), col('DEC2')), { DEC: dec('1.00'), DEC2: dec('3.000') })).toThrow('Rounding necessary');
  });
});
