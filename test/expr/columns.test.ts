import { describe, expect, it } from 'vitest';
import { INTEGER } from '../../src/types/sql-type.js';
import { analyzeExpression } from '../../src/plan/expr/analyze.js';
import { implicitColumnName } from '../../src/plan/expr/column-name.js';
import { at, call, col, deref, num, op, registry, scope, sub, typeOf } from './helpers.js';

describe('column resolution', () => {
  it('resolves qualified and unqualified names to row positions', () => {
    const t = analyzeExpression(col('I2'), scope, registry);
    expect(t).toMatchObject({ kind: 'Column', index: 13, type: INTEGER });
    expect(analyzeExpression(col('I2', 'T'), scope, registry)).toMatchObject({ kind: 'Column', index: 13 });
    expect(analyzeExpression(col('K', 'R'), scope, registry)).toMatchObject({ kind: 'Column', index: scope.columns.length - 1 });
  });

  it('reports unknown columns with their position and the available ones', () => {
    try {
      typeOf(col('BOB', undefined, at(2, 14)));
      expect.unreachable();
    } catch (e) {
      const err = e as { message: string; code: string; position: { line: number; column: number } };
      expect(err.code).toBe('UNKNOWN_COLUMN');
      expect(err.message).toMatch(/^Column 'BOB' cannot be resolved\. Available columns: T\.I, T\.B, .*L\.K, R\.K\.$/);
      expect(err.position).toMatchObject({ line: 2, column: 14 });
    }
    expect(() => analyzeExpression(call('ABS', col('BOB')), scope, registry, { clause: 'WHERE' }))
      .toThrow("WHERE column 'BOB' cannot be resolved.");
    expect(() => analyzeExpression(col('BOB', 'I'), scope, registry, { clause: 'SELECT' }))
      .toThrow("SELECT column 'I.BOB' cannot be resolved.");
    expect(() => typeOf(col('I', 'L'))).toThrow("Column 'L.I' cannot be resolved.");
  });

  it('reports ambiguous names', () => {
    try {
      typeOf(col('K', undefined, at(3, 38)));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe("Column 'K' is ambiguous. Could be L.K or R.K.");
      expect((e as { code: string }).code).toBe('UNKNOWN_COLUMN');
      expect((e as { position: { column: number } }).position.column).toBe(38);
    }
  });
});

describe('implicitColumnName', () => {
  it('names columns and struct fields; nothing else', () => {
    expect(implicitColumnName(col('ID'))).toBe('ID');
    expect(implicitColumnName(col('ID', 'T'))).toBe('ID');
    expect(implicitColumnName(deref(col('ITEMID'), 'NAME'))).toBe('NAME');
    expect(implicitColumnName(deref(deref(col('ITEMID'), 'CATEGORY'), 'ID'))).toBe('ID');
    expect(implicitColumnName(deref(sub(deref(col('A'), 'B'), num(1)), 'D'))).toBe('D');
    expect(implicitColumnName(sub(col('A'), num(1)))).toBeUndefined();
    expect(implicitColumnName(op('+', col('A'), num(1)))).toBeUndefined();
    expect(implicitColumnName(call('ABS', col('A')))).toBeUndefined();
  });
});
