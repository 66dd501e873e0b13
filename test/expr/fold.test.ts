import { describe, expect, it } from 'vitest';
import { foldConstants } from '../../src/runtime/expr/fold.js';
import { isConstant } from '../../src/plan/expr/constant.js';
import { compileExpression } from '../../src/runtime/expr/compile.js';
import { analyze, arr, call, cast, col, compileOpts, registry, num, op, str } from './helpers.js';
import { INTEGER } from '../../src/types/sql-type.js';

describe('constants', () => {
  it('knows constant subtrees', () => {
    expect(isConstant(analyze(op('+', num(1), num(2))))).toBe(true);
    expect(isConstant(analyze(op('+', col('I'), num(2))))).toBe(false);
    expect(isConstant(analyze(call('ABS', num(-1))))).toBe(true);
    expect(isConstant(analyze(call('RANDOM')))).toBe(false);
  });

  it('folds them into literals', () => {
    const t = foldConstants(analyze(op('+', col('I'), op('*', num(2), num(3)))), registry);
    expect(t.kind).toBe('Arithmetic');
    expect((t as { right: { kind: string; value: unknown } }).right).toMatchObject({ kind: 'Literal', value: 6 });
    expect(compileExpression(t, compileOpts())([1])).toBe(7);
  });

  it('keeps failing, volatile and mutable subtrees', () => {
    expect(foldConstants(analyze(op('/', num(1), num(0))), registry).kind).toBe('Arithmetic');
    expect(foldConstants(analyze(cast(str('x'), INTEGER)), registry).kind).toBe('Cast');
    expect(foldConstants(analyze(call('RANDOM')), registry).kind).toBe('Call');
    expect(foldConstants(analyze(arr(num(1))), registry).kind).toBe('ArrayCtor');
  });

  it('keeps a failing function call, so each row reports it to its own query', () => {
    const folded = foldConstants(analyze(op('+', col('I'), call('ABS', call('BOOM')))), registry);
    const reported: string[] = [];
    expect(compileExpression(folded, compileOpts((e) => { reported.push(e.message); }))([1])).toBeNull();
    expect(reported).toEqual(['Error evaluating BOOM(): kaboom']);
  });
});
