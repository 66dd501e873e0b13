import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import type { SqlType } from '../../src/types/sql-type.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP,
} from '../../src/types/sql-type.js';
import { makeCaster, valueToString } from '../../src/values/cast.js';
import { cast, col, evaluate, nul, num, typeOf } from './helpers.js';

const dec = (s: string) => Decimal.fromString(s);
const c = (from: SqlType, to: SqlType, v: unknown) => makeCaster(from, to)(v);
const decStr = (v: unknown) => (v as Decimal).toString();

describe('CAST legality', () => {
  it('rejects what ksqlDB rejects', () => {
    expect(() => typeOf(cast(col('S'), array(INTEGER)))).toThrow('Cast of STRING to ARRAY<INTEGER> is not supported');
    expect(() => typeOf(cast(col('S'), map(STRING, INTEGER)))).toThrow('Cast of STRING to MAP<STRING, INTEGER> is not supported');
    expect(() => typeOf(cast(col('S'), struct([{ name: 'F0', type: STRING }, { name: 'F1', type: INTEGER }]))))
      .toThrow('Cast of STRING to STRUCT<`F0` STRING, `F1` INTEGER> is not supported');
    expect(() => makeCaster(BOOLEAN, INTEGER)).toThrow('Cast of BOOLEAN to INTEGER is not supported');
    expect(() => makeCaster(TIME, TIMESTAMP)).toThrow('not supported');
    expect(() => makeCaster(array(BOOLEAN), array(INTEGER))).toThrow('Cast of ARRAY<BOOLEAN> to ARRAY<INTEGER> is not supported');
    expect(typeOf(cast(nul(), array(INTEGER)))).toEqual(array(INTEGER));
    expect(evaluate(cast(nul(), map(STRING, INTEGER)))).toBeNull();
  });
});

describe('numeric casts', () => {
  it('narrows integers as Java', () => {
    expect(c(BIGINT, INTEGER, 2147483648)).toBe(-2147483648);
    expect(c(DOUBLE, INTEGER, 1.2)).toBe(1);
    expect(c(DOUBLE, INTEGER, -1.9)).toBe(-1);
    expect(c(DOUBLE, INTEGER, 1e20)).toBe(2147483647);
    expect(c(DOUBLE, INTEGER, NaN)).toBe(0);
    expect(c(DOUBLE, BIGINT, -1e30)).toBe(-(2n ** 63n)); // Long.MIN_VALUE, exact
    expect(c(DOUBLE, BIGINT, 1e30)).toBe(2n ** 63n - 1n);
    expect(c(DOUBLE, BIGINT, 2 ** 60)).toBe(2n ** 60n);
    expect(c(BIGINT, INTEGER, 2n ** 62n + 5n)).toBe(5);
    expect(c(BIGINT, STRING, 1234567890123456789n)).toBe('1234567890123456789');
    expect(c(STRING, BIGINT, '1234567890123456789')).toBe(1234567890123456789n);
    expect(c(DECIMAL_4_2, INTEGER, dec('10.99'))).toBe(10);
    expect(c(DECIMAL_4_2, BIGINT, dec('-10.99'))).toBe(-10);
    expect(c(DECIMAL_4_2, DOUBLE, dec('10.01'))).toBe(10.01);
    expect(evaluate(cast(op2(), INTEGER), { D: 3.3 })).toBe(1);
  });

  it('converts to DECIMAL with HALF_UP rounding and overflow errors', () => {
    expect(decStr(c(DECIMAL_4_2, decimal(5, 3), dec('10.12')))).toBe('10.120');
    expect(decStr(c(INTEGER, decimal(2, 1), 1))).toBe('1.0');
    expect(decStr(c(INTEGER, decimal(2, 1), -1))).toBe('-1.0');
    expect(() => c(INTEGER, decimal(2, 1), 10)).toThrow('Numeric field overflow: A field with precision 2 and scale 1 must round to an absolute value less than 10^1. Got 10');
    expect(['0.1', '1.1', '0.0', '0.99', '0.01'].map((s) => decStr(c(DOUBLE, decimal(2, 1), Number(s))))).toEqual(['0.1', '1.1', '0.0', '1.0', '0.0']);
    expect(decStr(c(DOUBLE, decimal(3, 2), 1.005))).toBe('1.00'); // 1.005 is 1.00499999... in binary
    expect(decStr(c(DOUBLE, decimal(4, 2), 0.125))).toBe('0.13');
    expect(['0.1', '1.1', '0.0', '0.99', '0.10', '0.01'].map((s) => decStr(c(STRING, decimal(2, 1), s)))).toEqual(['0.1', '1.1', '0.0', '1.0', '0.1', '0.0']);
    expect(() => c(STRING, decimal(2, 1), 'abc')).toThrow();
    expect(() => c(DOUBLE, decimal(2, 1), NaN)).toThrow();
    expect(decStr(c(DECIMAL_4_2, decimal(3, 1), dec('-1.25')))).toBe('-1.3');
  });

  it('renders numbers as strings the Java way', () => {
    expect(c(INTEGER, STRING, -1)).toBe('-1');
    expect(c(BIGINT, STRING, 2147483648)).toBe('2147483648');
    expect(c(DOUBLE, STRING, 10.3)).toBe('10.3');
    expect(c(DOUBLE, STRING, 1)).toBe('1.0');
    expect(c(DOUBLE, STRING, 1e10)).toBe('1.0E10');
    expect(c(DECIMAL_4_2, STRING, dec('0.00'))).toBe('0.00');
    expect(c(BOOLEAN, STRING, true)).toBe('true');
  });
});

describe('string casts', () => {
  it('parses numbers strictly (trimmed)', () => {
    expect(c(STRING, INTEGER, ' 42 ')).toBe(42);
    expect(() => c(STRING, INTEGER, '4.2')).toThrow('Cannot cast');
    expect(() => c(STRING, INTEGER, '2147483648')).toThrow();
    expect(c(STRING, BIGINT, '2147483648')).toBe(2147483648);
    expect(c(STRING, DOUBLE, '1.5e3')).toBe(1500);
  });

  it('parses booleans leniently', () => {
    expect(['true', 'TRUE', 't', 'Tr', 'yes', 'y', 'false', 'no', 'x', '', 'truee'].map((s) => c(STRING, BOOLEAN, s)))
      .toEqual([true, true, true, true, true, true, false, false, false, false, false]);
  });

  it('converts temporal types', () => {
    expect(c(STRING, TIMESTAMP, '2022-04-28T21:44:47.943Z')).toBe(1651182287943);
    expect(c(STRING, DATE, '2022-06-14')).toBe(19157);
    expect(c(STRING, TIME, '09:16')).toBe(33360000);
    expect(c(TIMESTAMP, STRING, 1651182287943)).toBe('2022-04-28T21:44:47.943');
    expect(c(TIMESTAMP, DATE, 1651182287943)).toBe(19110);
    expect(c(TIMESTAMP, TIME, 1651182287943)).toBe(78287943);
    expect(c(DATE, TIMESTAMP, 19110)).toBe(1651104000000);
    expect(c(DATE, STRING, 19157)).toBe('2022-06-14');
    expect(c(TIME, STRING, 33360000)).toBe('09:16');
    expect(() => c(STRING, DATE, 'abcd')).toThrow("Failed to parse date 'abcd'");
  });

  it('decodes base64 to BYTES', () => {
    expect(Buffer.from(c(STRING, BYTES, 'eWVz') as Uint8Array).toString()).toBe('yes');
    expect(() => c(STRING, BYTES, 'not base64!')).toThrow();
  });
});

describe('collection casts', () => {
  it('casts element-wise', () => {
    expect(c(array(BIGINT), array(INTEGER), [1, 3, 2147483648])).toEqual([1, 3, -2147483648]);
    expect(c(array(BIGINT), array(STRING), [1, 3, 2147483648])).toEqual(['1', '3', '2147483648']);
    expect(c(array(array(BIGINT)), array(array(STRING)), [[1], [-1, null]])).toEqual([['1'], ['-1', null]]);
    expect(c(map(STRING, BIGINT), map(STRING, INTEGER), new Map([['this', 2147483648]]))).toEqual(new Map([['this', -2147483648]]));
    expect(c(map(STRING, map(STRING, STRING)), map(STRING, map(STRING, INTEGER)), new Map([['k1', new Map([['k2', '10']])]])))
      .toEqual(new Map([['k1', new Map([['k2', 10]])]]));
    const from = struct([{ name: 'F0', type: BIGINT }, { name: 'F1', type: STRING }]);
    const to = struct([{ name: 'F0', type: STRING }, { name: 'F3', type: STRING }]);
    expect(c(from, to, { F0: 1, F1: '3' })).toEqual({ F0: '1', F3: null });
  });

  it('prints collections as ksqlDB does', () => {
    expect(c(array(INTEGER), STRING, [1, 3])).toBe('[1, 3]');
    expect(c(array(STRING), STRING, ['a', null])).toBe('[a, null]');
    expect(c(map(STRING, INTEGER), STRING, new Map([['this', 1]]))).toBe('{this=1}');
    const st = struct([{ name: 'F0', type: INTEGER }, { name: 'f1', type: INTEGER }]);
    expect(c(st, STRING, { F0: 1, f1: 3 })).toBe('Struct{F0=1,f1=3}');
    expect(c(st, STRING, { F0: null, f1: 3 })).toBe('Struct{f1=3}');
    expect(c(array(DOUBLE), STRING, [1, 0.5])).toBe('[1.0, 0.5]');
    expect(c(array(decimal(10, 8)), STRING, [dec('0.00000010')])).toBe('[1.0E-7]');
    expect(c(array(TIMESTAMP), STRING, [1651182287943])).toBe('[2022-04-28 21:44:47.943]');
    expect(c(array(DATE), STRING, [19157])).toBe('[2022-06-14]');
    expect(valueToString(null, STRING)).toBeNull();
    expect(valueToString(dec('1.50'), decimal(3, 2))).toBe('1.50');
  });

  it('keeps NULL as NULL', () => {
    expect(c(DOUBLE, STRING, null)).toBeNull();
    expect(evaluate(cast(col('D'), STRING))).toBeNull();
    expect(evaluate(cast(num(1), INTEGER))).toBe(1);
  });

  it('names the expression in run-time failures', () => {
    expect(() => evaluate(cast(col('S'), INTEGER), { S: 'abc' })).toThrow("Error evaluating CAST(S AS INTEGER): Cannot cast 'abc' to INTEGER");
  });
});

const DECIMAL_4_2 = decimal(4, 2);
function op2() {
  return { kind: 'Arithmetic', op: '-', left: col('D'), right: num('2.1E0'), span: col('D').span } as const;
}
