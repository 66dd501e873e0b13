import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { array, BIGINT, decimal, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import type { TCall, TCast } from '../../src/plan/expr/typed-expr.js';
import { EvaluationError } from '../../src/values/evaluation-error.js';
import { analyze, arr, at, call, cast, cmp, col, evaluate, lambda, nul, num, op, str, typeOf } from './helpers.js';

describe('function calls', () => {
  it('prefers an exact overload', () => {
    expect(typeOf(call('ABS', col('I')))).toEqual(INTEGER);
    expect(typeOf(call('ABS', col('B')))).toEqual(BIGINT);
    expect(typeOf(call('ABS', col('DEC')))).toEqual(decimal(4, 2));
    expect(evaluate(call('ABS', col('I')), { I: -3 })).toBe(3);
    expect(evaluate(call('TEST_UDF', col('I'), str('foo')), { I: 1 })).toBe('doStuffIntString');
  });

  it('widens arguments implicitly when nothing matches exactly', () => {
    const t = analyze(call('GEO', col('I'), col('DEC'))) as TCall;
    expect(t.type).toEqual(DOUBLE);
    expect(t.args.map((a) => a.type)).toEqual([DOUBLE, DOUBLE]);
    expect((t.args[0] as TCast).kind).toBe('Cast');
    expect(evaluate(call('GEO', col('I'), col('DEC')), { I: 51, DEC: Decimal.fromString('1.50') })).toBe(52.5);
    expect(evaluate(call('GEO', num(51), num(0)))).toBe(51); // literals converted at plan time
    expect(evaluate(call('GEO', col('B'), num('51.0')), { B: 1 })).toBe(52);
  });

  it('converts string literals to temporal parameters', () => {
    expect(evaluate(call('DAYS_OF', str('2022-06-14')))).toBe(19157);
  });

  it('converts collection arguments element-wise', () => {
    expect(evaluate(call('SUM_ARR', col('AR')), { AR: [1, 2, 3] })).toBe(6);
  });

  it('reports ambiguous calls and missing overloads as ksqlDB', () => {
    expect(() => typeOf(call('greatest', col('I'), col('B'))))
      .toThrow("Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).");
    expect(() => typeOf(call('greatest', nul(), nul())))
      .toThrow("Function 'greatest' cannot be resolved due to ambiguous method parameters (null, null).");
    expect(typeOf(call('greatest', col('I'), col('B'), col('DEC'), col('D'), nul()))).toEqual(DOUBLE);
    expect(typeOf(call('greatest', col('I'), col('I2'), nul(), num(5)))).toEqual(INTEGER);
    try {
      typeOf({ ...call('GEO', col('S'), num(0)), span: at(3, 9) });
      expect.unreachable();
    } catch (e) {
      const err = e as { message: string; code: string; position: { line: number; column: number } };
      expect(err.code).toBe('FUNCTION_ARGS');
      expect(err.message).toContain("Function 'GEO' does not accept parameters (STRING, INTEGER).");
      expect(err.message).toContain('Valid alternatives are:\nGEO(DOUBLE a, DOUBLE b)');
      expect(err.position).toMatchObject({ line: 3, column: 9 });
    }
    expect(() => typeOf(call('greatest'))).toThrow("Function 'greatest' does not accept parameters ().");
    expect(() => typeOf(call('greatest', col('S'), col('I')))).toThrow("does not accept parameters (STRING, INTEGER)");
  });

  it('fails on unknown and aggregate functions', () => {
    try {
      typeOf({ ...call('WONT_FIND_ME'), span: at(1, 20) });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe("Can't find any functions with the name 'WONT_FIND_ME'");
      expect((e as { code: string }).code).toBe('UNKNOWN_FUNCTION');
      expect((e as { position: { column: number } }).position.column).toBe(20);
    }
    expect(() => typeOf(call('SUM', col('I')))).toThrow('Aggregate function SUM(I) is not allowed here');
  });

  it('handles variadic parameters', () => {
    expect(evaluate(call('JOIN_ALL', str('-'), str('a'), col('S'), str('b')))).toBe('a-b');
    expect(evaluate(call('JOIN_ALL', str('-')))).toBe('');
    expect(evaluate(call('JOIN_ALL', nul(), str('a')))).toBeNull();
  });

  it('binds generics', () => {
    expect(typeOf(call('IFNULL', col('S'), str('x')))).toEqual(STRING);
    expect(evaluate(call('IFNULL', col('S'), str('x')))).toBe('x');
    expect(typeOf(call('IFNULL', col('AR'), arr(num(10), num(20))))).toEqual(array(INTEGER));
    expect(typeOf(call('IFNULL', nul(), col('I')))).toEqual(INTEGER);
    expect(() => typeOf(call('IFNULL', col('I'), col('S')))).toThrow("does not accept parameters (INTEGER, STRING)");
    expect(() => typeOf(call('IFNULL', nul(), nul()))).toThrow('Cannot infer the return type');
  });

  it('propagates NULL arguments unless the function handles them', () => {
    expect(evaluate(call('ABS', col('I')))).toBeNull();
    expect(evaluate(call('IFNULL', col('I'), num(10)))).toBe(10);
  });

  it('builds implementations from factories with the resolved types', () => {
    expect(evaluate(call('TYPE_NAME', col('AR')))).toBe('ARRAY<INTEGER>');
    expect(evaluate(call('TYPE_NAME', op('+', col('DEC'), col('DEC'))))).toBe('DECIMAL(5, 2)');
  });

  it('turns implementation failures into NULL and reports an EvaluationError (as ksqlDB)', () => {
    const reported: Error[] = [];
    expect(evaluate(call('BOOM'), {}, (e) => { reported.push(e); })).toBeNull();
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(EvaluationError);
    expect(reported[0].message).toBe('Error evaluating BOOM(): kaboom');
    expect(evaluate(call('NOTHING'))).toBeNull();
  });
});

describe('lambdas', () => {
  it('types parameters from the LAMBDA pattern and the return from the body', () => {
    const e = call('TRANSFORM', col('AR'), lambda(['X'], op('*', col('X'), num(2))));
    expect(typeOf(e)).toEqual(array(INTEGER));
    expect(evaluate(e, { AR: [1, 2, 3] })).toEqual([2, 4, 6]);
    const s = call('TRANSFORM', col('AR'), lambda(['X'], cast(col('X'), STRING)));
    expect(typeOf(s)).toEqual(array(STRING));
  });

  it('sees outer columns and shadows them', () => {
    const e = call('TRANSFORM', col('AR'), lambda(['I2'], op('+', col('I2'), col('I'))));
    expect(evaluate(e, { AR: [1, 2], I: 10, I2: 1000 })).toEqual([11, 12]);
  });

  it('supports several parameters and nesting', () => {
    const sum = call('REDUCE', col('AR'), num(0), lambda(['S', 'X'], op('+', col('S'), col('X'))));
    expect(typeOf(sum)).toEqual(INTEGER);
    expect(evaluate(sum, { AR: [1, 2, 3] })).toBe(6);
    const nested = call('TRANSFORM', col('AR'), lambda(['X'],
      call('REDUCE', col('AR'), col('X'), lambda(['S', 'Y'], op('+', col('S'), col('Y'))))));
    expect(evaluate(nested, { AR: [1, 2] })).toEqual([4, 5]);
  });

  it('checks the body type against a concrete LAMBDA return', () => {
    const e = call('FILTER_POS', col('AR'), lambda(['X'], cmp('>', col('X'), num(1))));
    expect(evaluate(e, { AR: [1, 2, 3] })).toEqual([2, 3]);
    expect(() => typeOf(call('FILTER_POS', col('AR'), lambda(['X'], col('X'))))).toThrow('to return BOOLEAN, but it returns INTEGER');
  });

  it('rejects lambdas of the wrong arity or outside calls', () => {
    expect(() => typeOf(call('TRANSFORM', col('AR'), lambda(['X', 'Y'], col('X'))))).toThrow('does not accept parameters (ARRAY<INTEGER>, LAMBDA)');
    expect(() => typeOf(lambda(['X'], col('X')))).toThrow('A lambda can only be a function argument');
  });
});
