import { describe, expect, it } from 'vitest';
import { mathFunctions } from '../../udfs/math/index.js';
import { BIGINT, BOOLEAN, BYTES, call, d, dec, DOUBLE, INT, returnTypeOf, overloadFor, STRING, text, bytes } from './scalar-harness.js';
import type { ScalarFunction } from '../../udfs/types.js';
import type { SqlType } from '../../src/types/sql-type.js';

const fn = (name: string): ScalarFunction => mathFunctions.find((f) => f.name === name)!;
const round13 = (x: unknown): number => Math.round((x as number) * 1e13) / 1e13;

describe('ABS', () => {
  const abs = fn('ABS');
  it('keeps the type of each overload', () => {
    expect(call(abs, [INT], -1)).toBe(1);
    expect(call(abs, [BIGINT], -2)).toBe(2);
    expect(call(abs, [DOUBLE], -3.1)).toBe(3.1);
    expect(text(call(abs, [dec(2, 1)], d('-3.2')))).toBe('3.2');
    expect(text(call(abs, [dec(2, 1)], d('0.0')))).toBe('0.0');
    expect(call(abs, [INT], null)).toBeNull();
  });
  it('overflows Integer.MIN_VALUE as Java does', () => {
    expect(call(abs, [INT], -2147483648)).toBe(-2147483648);
  });
  it('returns the argument DECIMAL type', () => {
    expect(returnTypeOf(overloadFor(abs, [dec(5, 2)]), [dec(5, 2)])).toEqual(dec(5, 2));
  });
});

describe('CEIL and FLOOR', () => {
  const inputs = ['0.0', '1.0', '1.1', '1.5', '1.7', '2.0', '-1.0', '-1.1', '-1.5', '-1.7', '-2.0'];
  it('FLOOR over DOUBLE and DECIMAL keeps the DECIMAL scale', () => {
    const floors = ['0.0', '1.0', '1.0', '1.0', '1.0', '2.0', '-1.0', '-2.0', '-2.0', '-2.0', '-2.0'];
    inputs.forEach((v, i) => {
      expect(text(call(fn('FLOOR'), [dec(2, 1)], d(v)))).toBe(floors[i]);
      expect(call(fn('FLOOR'), [DOUBLE], Number(v))).toBe(Number(floors[i]));
    });
    expect(call(fn('FLOOR'), [INT], -1)).toBe(-1);
  });
  it('CEIL over DOUBLE and DECIMAL keeps the DECIMAL scale', () => {
    const ceils = ['0.0', '1.0', '2.0', '2.0', '2.0', '2.0', '-1.0', '-1.0', '-1.0', '-1.0', '-2.0'];
    inputs.forEach((v, i) => {
      expect(text(call(fn('CEIL'), [dec(2, 1)], d(v)))).toBe(ceils[i]);
      expect(call(fn('CEIL'), [DOUBLE], Number(v)) === Number(ceils[i])).toBe(true);
    });
    expect(call(fn('CEIL'), [BIGINT], 7)).toBe(7);
  });
});

describe('ROUND', () => {
  const round = fn('ROUND');
  const cases: [number, number, number, number, number, number, number, number][] = [
    // v, R0, R00, R1, R2, R10, -1, -2
    [1.2, 1, 1.0, 1.2, 1.2, 1.2, 0, 0],
    [1.7, 2, 2.0, 1.7, 1.7, 1.7, 0, 0],
    [1.5, 2, 2.0, 1.5, 1.5, 1.5, 0, 0],
    [1.234567, 1, 1.0, 1.2, 1.23, 1.234567, 0, 0],
    [111, 111, 111, 111, 111, 111, 110, 100],
    [-1.1, -1, -1, -1.1, -1.1, -1.1, 0, 0],
    [-1.5, -1, -1, -1.5, -1.5, -1.5, 0, 0],
    [-1.7, -2, -2, -1.7, -1.7, -1.7, 0, 0],
    [12345.678, 12346, 12346, 12345.7, 12345.68, 12345.678, 12350, 12300],
    [-12345.678, -12346, -12346, -12345.7, -12345.68, -12345.678, -12350, -12300],
  ];
  it('rounds doubles half toward positive infinity (QTT round)', () => {
    for (const [v, r0, r00, r1, r2, r10, m1, m2] of cases) {
      expect(call(round, [DOUBLE], v)).toBe(r0);
      expect(call(round, [DOUBLE, INT], v, 0)).toBe(r00);
      expect(call(round, [DOUBLE, INT], v, 1)).toBe(r1);
      expect(call(round, [DOUBLE, INT], v, 2)).toBe(r2);
      expect(call(round, [DOUBLE, INT], v, 10)).toBe(r10);
      expect(call(round, [DOUBLE, INT], v, -1) === m1).toBe(true);
      expect(call(round, [DOUBLE, INT], v, -2) === m2).toBe(true);
    }
    expect(call(round, [DOUBLE, INT], null, 1)).toBeNull();
    expect(call(round, [DOUBLE, INT], 1.5, null)).toBeNull();
  });
  it('rounds Java-style at the edges', () => {
    expect(Object.is(call(round, [DOUBLE], -0.4), 0)).toBe(true);
    expect(call(round, [DOUBLE], Number.NaN)).toBe(0);
    expect(call(round, [INT], 5)).toBe(5);
    expect(() => call(round, [DOUBLE, INT], Number.NaN, 2)).toThrow();
  });
  it('rounds large DECIMALs, keeping the scale when places are given (QTT)', () => {
    const v = d('12345678987654321.2345678987654321');
    const t = dec(33, 16);
    expect(text(call(round, [t], v))).toBe('12345678987654321');
    expect(returnTypeOf(overloadFor(round, [t]), [t])).toEqual(dec(17, 0));
    expect(text(call(round, [t, INT], v, 0))).toBe('12345678987654321.0000000000000000');
    expect(text(call(round, [t, INT], v, 1))).toBe('12345678987654321.2000000000000000');
    expect(text(call(round, [t, INT], v, 2))).toBe('12345678987654321.2300000000000000');
    expect(text(call(round, [t, INT], v, 10))).toBe('12345678987654321.2345678988000000');
    expect(text(call(round, [t, INT], v, -1))).toBe('12345678987654320.0000000000000000');
    expect(text(call(round, [t, INT], v, -2))).toBe('12345678987654300.0000000000000000');
    expect(returnTypeOf(overloadFor(round, [t, INT]), [t, INT])).toEqual(t);
  });
  it('rounds negative DECIMAL ties toward positive infinity', () => {
    expect(text(call(round, [dec(2, 1)], d('-1.5')))).toBe('-1');
    expect(text(call(round, [dec(2, 1)], d('1.5')))).toBe('2');
    expect(text(call(round, [dec(3, 2)], d('1.25')))).toBe('1');
    expect(text(call(round, [dec(3, 2), INT], d('1.25'), 1))).toBe('1.30');
    expect(text(call(round, [dec(3, 2), INT], d('-1.25'), 1))).toBe('-1.20');
  });
});

describe('TRUNC', () => {
  const trunc = fn('TRUNC');
  it('truncates doubles toward zero (QTT trunc - double)', () => {
    expect(call(trunc, [DOUBLE], 1.7)).toBe(1);
    expect(call(trunc, [DOUBLE], -1.7)).toBe(-1);
    expect(call(trunc, [DOUBLE, INT], 12345.678, 1)).toBe(12345.6);
    expect(call(trunc, [DOUBLE, INT], 12345.678, 2)).toBe(12345.67);
    expect(call(trunc, [DOUBLE, INT], -12345.678, -1)).toBe(-12340);
    expect(call(trunc, [DOUBLE, INT], 111, -2)).toBe(100);
    expect(call(trunc, [DOUBLE, INT], 1.234567, 10)).toBe(1.234567);
  });
  it('truncates DECIMALs keeping the scale with places (QTT trunc - decimal)', () => {
    const t = dec(12, 7);
    expect(text(call(trunc, [t], d('-12345.6780000')))).toBe('-12345');
    expect(text(call(trunc, [t, INT], d('12345.6780000'), 2))).toBe('12345.6700000');
    expect(text(call(trunc, [t, INT], d('-12345.6780000'), -2))).toBe('-12300.0000000');
    expect(returnTypeOf(overloadFor(trunc, [t]), [t])).toEqual(dec(5, 0));
  });
  it('passes integers through as BIGINT', () => {
    expect(call(trunc, [BIGINT], 2147483648)).toBe(2147483648);
    expect(call(trunc, [INT], -12345)).toBe(-12345);
  });
});

describe('exponentials, logarithms and roots (QTT)', () => {
  it('EXP', () => {
    expect(call(fn('EXP'), [INT], -1)).toBe(0.36787944117144233);
    expect(call(fn('EXP'), [BIGINT], 2)).toBe(7.38905609893065);
    expect(call(fn('EXP'), [DOUBLE], 3.0)).toBe(20.085536923187668);
    expect(call(fn('EXP'), [DOUBLE], -3.0)).toBe(0.049787068367863944);
  });
  it('LN', () => {
    expect(call(fn('LN'), [INT], -1)).toBeNaN();
    expect(call(fn('LN'), [INT], 0)).toBe(-Infinity);
    expect(call(fn('LN'), [BIGINT], 2)).toBe(0.6931471805599453);
    expect(call(fn('LN'), [DOUBLE], 3)).toBeCloseTo(1.0986122886681098, 14);
  });
  it('LOG is the natural log with one argument, as ksqlDB computes it', () => {
    expect(call(fn('LOG'), [INT], 13)).toBe(2.5649493574615367);
    expect(call(fn('LOG'), [DOUBLE], 0)).toBe(-Infinity);
    expect(call(fn('LOG'), [DOUBLE], -13)).toBeNaN();
  });
  it('LOG with a base', () => {
    const log = fn('LOG');
    expect(call(log, [INT, INT], 15, 13)).toBe(0.9471572411831843);
    expect(call(log, [INT, INT], 15, 1)).toBe(0);
    expect(call(log, [INT, INT], 15, 0)).toBe(-Infinity);
    expect(call(log, [INT, INT], 15, -13)).toBeNaN();
    expect(call(log, [INT, INT], -15, 13)).toBeNaN();
    expect(call(log, [INT, INT], 0, 13)).toBeNaN();
    expect(call(log, [INT, INT], 1, 13)).toBeNaN();
    expect(call(log, [INT, INT], null, 13)).toBeNull();
    expect(call(log, [DOUBLE, DOUBLE], 2, 8)).toBe(3);
  });
  it('SQRT and CBRT', () => {
    expect(call(fn('SQRT'), [INT], -1)).toBeNaN();
    expect(call(fn('SQRT'), [BIGINT], 2)).toBe(1.4142135623730951);
    expect(call(fn('SQRT'), [DOUBLE], 3)).toBe(1.7320508075688772);
    expect(call(fn('CBRT'), [INT], -8)).toBe(-2);
    expect(call(fn('CBRT'), [BIGINT], 3)).toBe(1.4422495703074083);
  });
  it('POWER', () => {
    const power = fn('POWER');
    expect(call(power, [INT, INT], 15, -1)).toBe(0.06666666666666667);
    expect(call(power, [INT, INT], 0, 0)).toBe(1);
    expect(call(power, [BIGINT, BIGINT], 15, 13)).toBe(1946195068359375);
    expect(call(power, [DOUBLE, DOUBLE], -15, 2)).toBe(225);
    expect(call(power, [DOUBLE, DOUBLE], null, 2)).toBeNull();
  });
  it('SIGN', () => {
    const sign = fn('SIGN');
    expect(call(sign, [INT], -1)).toBe(-1);
    expect(call(sign, [BIGINT], 0)).toBe(0);
    expect(call(sign, [DOUBLE], 3.0)).toBe(1);
    expect(call(sign, [DOUBLE], Number.NaN)).toBe(0);
    expect(Object.is(call(sign, [DOUBLE], -0), 0)).toBe(true);
  });
});

describe('trigonometry (QTT, rounded to 13 places)', () => {
  it('inverse functions', () => {
    expect(round13(call(fn('ACOS'), [INT], -1))).toBe(3.1415926535898);
    expect(round13(call(fn('ACOS'), [DOUBLE], 0.43))).toBe(1.1263035498591);
    expect(call(fn('ACOS'), [DOUBLE], 1.1)).toBeNaN();
    expect(round13(call(fn('ASIN'), [DOUBLE], -0.43))).toBe(-0.4444927769358);
    expect(call(fn('ASIN'), [INT], 2)).toBeNaN();
    expect(round13(call(fn('ATAN'), [BIGINT], -6))).toBe(-1.4056476493803);
    expect(round13(call(fn('ATAN'), [DOUBLE], 1.1))).toBe(0.8329812666744);
  });
  it('ATAN2', () => {
    const atan2 = fn('ATAN2');
    expect(round13(call(atan2, [INT, INT], -2, -3))).toBe(-2.5535900500422);
    expect(round13(call(atan2, [DOUBLE, DOUBLE], -1.1, 0.24))).toBe(-1.3559809263932);
    expect(round13(call(atan2, [INT, INT], 2, 0))).toBe(1.5707963267949);
    expect(round13(call(atan2, [INT, INT], 0, -3))).toBe(3.1415926535898);
    expect(call(atan2, [INT, INT], null, 1)).toBeNull();
  });
  it('COS, SIN, TAN, COT', () => {
    expect(round13(call(fn('COS'), [INT], -7))).toBe(0.7539022543433);
    expect(round13(call(fn('COS'), [DOUBLE], 9.1))).toBe(-0.9477216021311);
    expect(round13(call(fn('SIN'), [INT], 6))).toBe(-0.2794154981989);
    expect(round13(call(fn('SIN'), [DOUBLE], -9.1))).toBe(-0.3190983623494);
    expect(round13(call(fn('TAN'), [INT], 7))).toBe(0.8714479827243);
    expect(round13(call(fn('TAN'), [DOUBLE], 0.43))).toBe(0.4586210234856);
    expect(round13(call(fn('COT'), [INT], -7))).toBe(-1.1475154224051);
    expect(round13(call(fn('COT'), [DOUBLE], -0.43))).toBe(-2.1804495406685);
    expect(call(fn('COT'), [INT], 0)).toBe(Infinity);
  });
  it('hyperbolic functions', () => {
    expect(round13(call(fn('COSH'), [INT], 7))).toBe(548.317035155212);
    expect(round13(call(fn('COSH'), [DOUBLE], 9.1))).toBe(4477.646407574158);
    expect(round13(call(fn('SINH'), [INT], -6))).toBe(-201.7131573702792);
    expect(round13(call(fn('SINH'), [DOUBLE], 0.43))).toBe(0.4433742144125);
    expect(round13(call(fn('TANH'), [INT], -7))).toBe(-0.9999983369439);
    expect(round13(call(fn('TANH'), [DOUBLE], 0.43))).toBe(0.4053213086895);
  });
  it('DEGREES, RADIANS and PI', () => {
    expect(Math.round((call(fn('DEGREES'), [INT], 2) as number) * 1e12) / 1e12).toBe(114.591559026165);
    expect(Math.round((call(fn('DEGREES'), [DOUBLE], -1.2345) as number) * 1e12) / 1e12).toBe(-70.7316398089);
    expect(round13(call(fn('RADIANS'), [INT], -114))).toBe(-1.9896753472735);
    expect(round13(call(fn('RADIANS'), [DOUBLE], 70.73163980890013))).toBe(1.2345);
    expect(call(fn('PI'), [])).toBe(3.141592653589793);
  });
  it('RANDOM stays within [0, 1) and is volatile', () => {
    const r = call(fn('RANDOM'), []) as number;
    expect(r >= 0 && r < 1).toBe(true);
    expect(fn('RANDOM').volatile).toBe(true);
  });
});

describe('GREATEST and LEAST', () => {
  const g = fn('GREATEST');
  const l = fn('LEAST');
  it('skip NULLs across all the arguments (QTT)', () => {
    expect(call(g, [INT, INT, INT, INT, INT], 2147483647, -2147483648, null, null, 5)).toBe(2147483647);
    expect(call(l, [INT, INT, INT, INT, INT], 2147483647, -2147483648, null, null, 5)).toBe(-2147483648);
    expect(call(g, [DOUBLE, DOUBLE, DOUBLE], 50000.555, -99999.555, null)).toBe(50000.555);
    expect(call(g, [STRING, STRING, STRING, STRING, STRING], 'apple', 'banana', 'aardvark', null, 'hello')).toBe('hello');
    expect(call(g, [STRING, STRING], '!', 'zebra')).toBe('zebra');
    expect(call(g, [STRING, STRING], null, null)).toBeNull();
    expect(call(g, [INT], 4)).toBe(4);
  });
  it('compare doubles as Double.compareTo', () => {
    expect(call(g, [DOUBLE, DOUBLE], 1, Number.NaN)).toBeNaN();
    expect(Object.is(call(l, [DOUBLE, DOUBLE], 0, -0), -0)).toBe(true);
  });
  it('compare bytes as signed bytes', () => {
    const hi = bytes('fw=='); // 0x7F
    const neg = bytes('gA=='); // 0x80, -128 as a Java byte
    expect(call(g, [BYTES, BYTES], neg, hi)).toBe(hi);
    expect(Buffer.from(call(g, [BYTES, BYTES, BYTES], bytes('YXBwbGU='), bytes('YmFuYW5h'), bytes('aGVsbG8=')) as Uint8Array).toString()).toBe('hello');
  });
  it('widen DECIMAL arguments to a common type', () => {
    const types: SqlType[] = [dec(9, 2), dec(7, 6)];
    expect(returnTypeOf(overloadFor(g, types), types)).toEqual(dec(13, 6));
    expect(text(call(g, types, d('1234567.89'), d('0.123456')))).toBe('1234567.890000');
    expect(text(call(l, [dec(2, 1), dec(2, 2)], d('1.5'), d('0.25')))).toBe('0.25');
    expect(text(call(g, [dec(9, 3), dec(9, 3), dec(9, 3)], d('123456.789'), d('-987654.321'), null))).toBe('123456.789');
  });
  it('compare dates, times and timestamps as numbers', () => {
    expect(call(g, [{ kind: 'DATE' }, { kind: 'DATE' }, { kind: 'DATE' }], 19158, 19187, -92)).toBe(19187);
    expect(call(l, [{ kind: 'TIMESTAMP' }, { kind: 'TIMESTAMP' }], 1655251200000, -7948800000)).toBe(-7948800000);
  });
});

describe('GEO_DISTANCE (QTT)', () => {
  const geo = fn('GEO_DISTANCE');
  const four = [DOUBLE, DOUBLE, DOUBLE, DOUBLE];
  it('defaults to kilometres', () => {
    expect(call(geo, four, 37.4439, -122.1663, 51.5257, -0.1122)).toBeCloseTo(8634.659796579544, 9);
    expect(call(geo, four, 51.5257, -0.1122, -33.9323, 18.4197)).toBeCloseTo(9673.40421197142, 9);
    expect(call(geo, four, -33.9323, 18.4197, -33.8666, 151.1)).toBeCloseTo(11005.23304055582, 9);
    expect(call(geo, four, 39.18660374, -76.73262144, 39.18660374, -76.73222145)).toBeCloseTo(0.03447366811448324, 12);
  });
  it('takes the unit, NULL meaning KM', () => {
    const five = [...four, STRING];
    expect(call(geo, five, 37.4439, -122.1663, 51.5257, -0.1122, 'MI')).toBeCloseTo(5365.659729188262, 9);
    expect(call(geo, five, 51.5257, -0.1122, -33.9323, 18.4197, 'MI')).toBeCloseTo(6011.1453892944355, 9);
    expect(call(geo, five, 37.4439, -122.1663, 51.5257, -0.1122, null)).toBeCloseTo(8634.659796579544, 9);
    expect(call(geo, five, 37.4439, -122.1663, 51.5257, -0.1122, ' kilometres ')).toBeCloseTo(8634.659796579544, 9);
    expect(() => call(geo, five, 0, 0, 0, 0, 'furlongs')).toThrow(/units parameter/);
  });
  it('rejects out-of-range coordinates', () => {
    expect(() => call(geo, four, 91, 0, 0, 0)).toThrow(/latitude/);
    expect(() => call(geo, four, 0, 181, 0, 0)).toThrow(/longitude/);
  });
});

describe('INT_FROM_BOOLEAN', () => {
  it('maps booleans to 1 and 0', () => {
    expect(call(fn('INT_FROM_BOOLEAN'), [BOOLEAN], true)).toBe(1);
    expect(call(fn('INT_FROM_BOOLEAN'), [BOOLEAN], false)).toBe(0);
    expect(call(fn('INT_FROM_BOOLEAN'), [BOOLEAN], null)).toBeNull();
  });
});
