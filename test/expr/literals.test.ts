import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { BIGINT, BOOLEAN, decimal, DOUBLE, INTEGER, NULL_TYPE, STRING } from '../../src/types/sql-type.js';
import { bool, evaluate, neg, nul, num, str, typeOf } from './helpers.js';

describe('literal typing', () => {
  it('types integers by size', () => {
    expect(typeOf(num('12'))).toEqual(INTEGER);
    expect(typeOf(num('2147483647'))).toEqual(INTEGER);
    expect(typeOf(num('2147483648'))).toEqual(BIGINT);
    expect(typeOf(neg(num('2147483648')))).toEqual(INTEGER); // the sign is part of the literal
    expect(typeOf(num('-00002147483647'))).toEqual(INTEGER);
    expect(typeOf(num('9223372036854775807'))).toEqual(BIGINT);
    expect(evaluate(neg(num('2147483648')))).toBe(-2147483648);
  });

  it('types decimals by their digits', () => {
    expect(typeOf(num('1.50'))).toEqual(decimal(3, 2));
    expect(typeOf(num('2.345'))).toEqual(decimal(4, 3));
    expect(typeOf(num('0.005'))).toEqual(decimal(4, 3));
    expect(typeOf(num('04.90'))).toEqual(decimal(3, 2));
    const v = evaluate(num('1.50')) as Decimal;
    expect(v).toBeInstanceOf(Decimal);
    expect(v.toString()).toBe('1.50');
  });

  it('types exponents as DOUBLE', () => {
    expect(typeOf(num('1.5E0'))).toEqual(DOUBLE);
    expect(evaluate(num('04.90E-324'))).toBe(4.9e-324);
  });

  it('rejects out-of-range literals', () => {
    expect(() => typeOf(num('9223372036854775808'))).toThrow('Invalid numeric literal: 9223372036854775808');
    expect(() => typeOf(num('1.7976931348623159E308'))).toThrow('Number overflows DOUBLE: 1.7976931348623159E308');
  });

  it('types the rest', () => {
    expect(typeOf(str('x'))).toEqual(STRING);
    expect(typeOf(bool(true))).toEqual(BOOLEAN);
    expect(typeOf(nul())).toEqual(NULL_TYPE);
    expect(evaluate(nul())).toBeNull();
  });
});
