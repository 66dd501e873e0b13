import { describe, expect, it } from 'vitest';
import { and, bool, col, evaluate, isNull, not, nul, num, or, typeOf } from './helpers.js';

describe('three-valued logic', () => {
  it('AND', () => {
    const t = (a: boolean | null, b: boolean | null) => evaluate(and(a === null ? nul() : bool(a), b === null ? nul() : bool(b)));
    expect(t(true, true)).toBe(true);
    expect(t(true, false)).toBe(false);
    expect(t(true, null)).toBeNull();
    expect(t(false, null)).toBe(false);
    expect(t(null, false)).toBe(false);
    expect(t(null, null)).toBeNull();
  });

  it('OR', () => {
    const t = (a: boolean | null, b: boolean | null) => evaluate(or(a === null ? nul() : bool(a), b === null ? nul() : bool(b)));
    expect(t(false, false)).toBe(false);
    expect(t(false, true)).toBe(true);
    expect(t(null, true)).toBe(true);
    expect(t(false, null)).toBeNull();
    expect(t(null, null)).toBeNull();
  });

  it('NOT', () => {
    expect(evaluate(not(bool(false)))).toBe(true);
    expect(evaluate(not(col('BO')))).toBeNull();
    expect(evaluate(and(not(bool(false)), not(bool(false))))).toBe(true);
  });

  it('short-circuits', () => {
    // BOOM would throw if evaluated.
    expect(evaluate(and(bool(false), { kind: 'Comparison', op: '=', left: { kind: 'FunctionCall', name: 'BOOM', args: [], span: nul().span }, right: num(1), span: nul().span }))).toBe(false);
  });

  it('requires BOOLEAN operands', () => {
    expect(() => typeOf(and(col('I'), bool(true)))).toThrow('AND requires BOOLEAN operands, but I is INTEGER.');
    expect(() => typeOf(not(col('S')))).toThrow('NOT requires a BOOLEAN operand');
  });

  it('IS [NOT] NULL', () => {
    expect(evaluate(isNull(col('S')))).toBe(true);
    expect(evaluate(isNull(col('S')), { S: 'x' })).toBe(false);
    expect(evaluate(isNull(col('S'), true), { S: 'x' })).toBe(true);
    expect(evaluate(isNull(nul()))).toBe(true);
  });
});
