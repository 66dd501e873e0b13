import { describe, expect, it } from 'vitest';
import { foldConstants } from '../../src/runtime/expr/fold.js';
import { isConstant } from '../../src/plan/expr/constant.js';
import { compileExpression } from '../../src/runtime/expr/compile.js';
import { analyze, arr, call, cast, col, num, op, str } from './helpers.js';
import { INTEGER } from '../../src/types/sql-type.js';

describe('constants', () => {
  it('knows constant subtrees', () => {
    expect(isConstant(analyze(op('+', num(1), num(2))))).toBe(true);
    expect(isConstant(analyze(op('+', col('I'), num(2))))).toBe(false);
    expect(isConstant(analyze(call('ABS', num(-1))))).toBe(true);
    expect(isConstant(analyze(call('RANDOM')))).toBe(false);
  });

  it('folds them into literals', () => {
    const t = foldConstants(analyze(op('+', col('I'), op('*', num(2), num(3)))));
    expect(t.kind).toBe('Arithmetic');
    expect((t as { right: { kind: string; value: unknown } }).right).toMatchObject({ kind: 'Literal', value: 6 });
    expect(compileExpression(t)([1])).toBe(7);
  });

  it('keeps failing, volatile and mutable subtrees', () => {
    expect(foldConstants(analyze(op('/', num(1), num(0)))).kind).toBe('Arithmetic');
    expect(foldConstants(analyze(cast(str('x'), INTEGER))).kind).toBe('Cast');
    expect(foldConstants(analyze(call('RANDOM'))).kind).toBe('Call');
    expect(foldConstants(analyze(arr(num(1)))).kind).toBe('ArrayCtor');
  });
});
