import { describe, expect, it } from 'vitest';
import { array, BIGINT, decimal, INTEGER, map, STRING, struct } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { arr, cast, col, deref, evaluate, mapc, neg, nul, num, str, structc, sub, typeOf } from './helpers.js';

describe('struct access and subscripts', () => {
  it('dereferences struct fields, NULL-safely', () => {
    expect(typeOf(deref(col('ST'), 'A'))).toEqual(INTEGER);
    expect(evaluate(deref(col('ST'), 'b'), { ST: { A: 1, b: 'x' } })).toBe('x');
    expect(evaluate(deref(col('ST'), 'A'))).toBeNull();
    expect(evaluate(deref(col('ST'), 'A'), { ST: { A: null, b: 'x' } })).toBeNull();
    expect(() => typeOf(deref(col('ST'), 'B'))).toThrow("Could not find field 'B' in 'ST'.");
    expect(() => typeOf(deref(col('I'), 'B'))).toThrow('not a STRUCT');
  });

  it('indexes arrays from 1, negative from the end', () => {
    const at = (i: number) => evaluate(sub(col('AR'), i < 0 ? neg(num(-i)) : num(i)), { AR: [10, 20, 30] });
    expect([1, 2, 3, 4, 0, -1, -3, -4].map(at)).toEqual([10, 20, 30, null, null, 30, 10, null]);
    expect(evaluate(sub(col('AR'), num(1)))).toBeNull();
    expect(evaluate(sub(col('AR'), col('I')), { AR: [1] })).toBeNull();
    expect(typeOf(sub(col('AR'), col('B')))).toEqual(INTEGER);
    expect(() => typeOf(sub(col('AR'), str('1')))).toThrow('must be INTEGER or BIGINT');
  });

  it('looks up map keys', () => {
    const m = new Map([['expected', 10]]);
    expect(evaluate(sub(col('M'), str('expected')), { M: m })).toBe(10);
    expect(evaluate(sub(col('M'), str('missing')), { M: m })).toBeNull();
    expect(evaluate(sub(col('M'), str('expected')))).toBeNull();
    expect(() => typeOf(sub(col('M'), col('I')))).toThrow("Map key I is INTEGER, but the map's keys are STRING.");
    expect(() => typeOf(sub(col('ST'), str('A')))).toThrow('Use the dereference operator for STRUCTS');
    // Decimal keys compare by value.
    const dm = mapc([num('1.5'), str('a')]);
    expect(evaluate(sub(dm, num('1.5')))).toBe('a');
  });
});

describe('constructors', () => {
  it('builds arrays with a common element type', () => {
    expect(typeOf(arr(num(1), num(2)))).toEqual(array(INTEGER));
    expect(typeOf(arr(num(1), num('2147483648')))).toEqual(array(BIGINT));
    expect(typeOf(arr(num(10), num('11.2'), num('13.00'), str('14.1230')))).toEqual(array(decimal(14, 4)));
    expect((evaluate(arr(num(10), num('11.2'))) as Decimal[]).map(String)).toEqual(['10.0', '11.2']);
    expect(evaluate(arr(col('I'), nul(), num(3)), { I: 1 })).toEqual([1, null, 3]);
    expect(typeOf(arr(nul(), str('a')))).toEqual(array(STRING));
    expect(() => typeOf(arr())).toThrow('Array constructor cannot be empty.');
    expect(() => typeOf(arr(nul(), nul()))).toThrow('Cannot construct an array with all NULL elements');
    expect(() => typeOf(arr(num(1), col('S')))).toThrow('operator does not exist: INTEGER = STRING (S)');
    expect(typeOf(arr(cast(nul(), INTEGER)))).toEqual(array(INTEGER));
  });

  it('builds maps', () => {
    expect(typeOf(mapc([str('a'), num(1)], [str('b'), col('B')]))).toEqual(map(STRING, BIGINT));
    expect(evaluate(mapc([str('a'), num(1)], [str('b'), col('B')]), { B: 2 })).toEqual(new Map([['a', 1], ['b', 2]]));
    expect(() => typeOf(mapc())).toThrow('Map constructor cannot be empty.');
    expect(() => typeOf(mapc([nul(), num(1)]))).toThrow('Cannot construct a map with all NULL keys');
    expect(() => typeOf(mapc([str('a'), nul()]))).toThrow('Cannot construct a map with all NULL values');
  });

  it('builds structs', () => {
    const e = structc({ A: col('I'), b: str('x') });
    expect(typeOf(e)).toEqual(struct([{ name: 'A', type: INTEGER }, { name: 'b', type: STRING }]));
    expect(evaluate(e, { I: 1 })).toEqual({ A: 1, b: 'x' });
    expect(evaluate(deref(e, 'A'), { I: 7 })).toBe(7);
    expect(() => typeOf(structc({ A: nul() }))).toThrow("Can't infer a type of null");
  });
});
