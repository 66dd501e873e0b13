import { describe, expect, it } from 'vitest';
import { BIGINT, decimal, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { call, caseWhen, cmp, col, evaluate, nul, num, op, str, typeOf } from './helpers.js';

describe('CASE', () => {
  const sized = caseWhen([[cmp('<', col('D'), num('2.0')), str('small')], [cmp('<', col('D'), num('4.0')), str('medium')]], str('large'));

  it('picks the first true branch', () => {
    expect(typeOf(sized)).toEqual(STRING);
    expect([6, 3, 1].map((D) => evaluate(sized, { D }))).toEqual(['large', 'medium', 'small']);
    expect(evaluate(sized, {})).toBe('large'); // NULL comparison is false
  });

  it('gives NULL without a matching branch or ELSE', () => {
    const e = caseWhen([[cmp('<', col('D'), num('2.0')), op('+', col('B'), num(2))]]);
    expect(typeOf(e)).toEqual(BIGINT);
    expect(evaluate(e, { D: 1.9, B: 4 })).toBe(6);
    expect(evaluate(e, { D: 2.0, B: 4 })).toBeNull();
  });

  it('skips NULL branches when typing', () => {
    const e = caseWhen([[cmp('<', col('D'), num('2.0')), nul()], [cmp('<', col('D'), num('4.0')), str('medium')]], str('large'));
    expect(typeOf(e)).toEqual(STRING);
    expect(evaluate(e, { D: 1.1 })).toBeNull();
    expect(typeOf(caseWhen([[col('BO'), str('a')]], nul()))).toEqual(STRING);
    expect(() => typeOf(caseWhen([[col('BO'), nul()]], nul()))).toThrow('Invalid Case expression. All case branches have NULL type');
  });

  it('widens numeric branches', () => {
    const e = caseWhen([[col('BO'), col('I')]], num('2.5E0'));
    expect(typeOf(e)).toEqual(DOUBLE);
    expect(evaluate(e, { BO: true, I: 3 })).toBe(3);
    expect(typeOf(caseWhen([[col('BO'), col('I')]], num('2.50')))).toEqual(decimal(12, 2));
    expect(typeOf(caseWhen([[col('BO'), col('I')], [col('BO'), col('B')]]))).toEqual(BIGINT);
  });

  it('rejects mixed result types', () => {
    expect(() => typeOf(caseWhen([[col('BO'), col('I')], [col('BO'), str('x')]])))
      .toThrow("Invalid Case expression. Type for all 'THEN' clauses should be the same.");
    expect(() => typeOf(caseWhen([[col('BO'), col('I')]], str('x'))))
      .toThrow("Invalid Case expression. Type for the default clause should be the same as for 'THEN' clauses.\nTHEN type: INTEGER.\nDEFAULT type: STRING.");
    expect(() => typeOf(caseWhen([[col('I'), num(1)]]))).toThrow("WHEN operand type should be boolean.\nType for 'I' is INTEGER");
  });

  it('supports the simple form', () => {
    const e = caseWhen([[num(1), str('one')], [num(2), str('two')]], str('many'), col('I'));
    expect(typeOf(e)).toEqual(STRING);
    expect([1, 2, 3].map((I) => evaluate(e, { I }))).toEqual(['one', 'two', 'many']);
    expect(evaluate(e, {})).toBe('many');
    expect(() => typeOf(caseWhen([[str('a'), num(1)]], undefined, col('I')))).toThrow('Cannot compare I (INTEGER)');
  });

  it('evaluates branches lazily', () => {
    const e = caseWhen([[col('BO'), num(1)]], call('BOOM'));
    expect(typeOf(e)).toEqual(INTEGER);
    const reported: Error[] = [];
    const report = (err: Error): void => { reported.push(err); };
    expect(evaluate(e, { BO: true }, report)).toBe(1);
    expect(reported).toEqual([]);
    expect(evaluate(e, { BO: false }, report)).toBeNull();
    expect(reported.map((x) => x.message)).toEqual(['Error evaluating BOOM(): kaboom']);
  });
});
