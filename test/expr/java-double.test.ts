import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaParseDouble } from '../../src/values/java-double.js';

describe('javaDoubleToString', () => {
  it('prints like Double.toString', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [0, '0.0'], [-0, '-0.0'], [10.3, '10.3'], [100, '100.0'], [0.001, '0.001'],
      [0.0001, '1.0E-4'], [1234567, '1234567.0'], [12345678, '1.2345678E7'], [1e10, '1.0E10'],
      [1.2345678901e-5, '1.2345678901E-5'], [-1.5, '-1.5'], [4.9e-324, '4.9E-324'],
      [1.7976931348623157e308, '1.7976931348623157E308'], [2.2250738585072014e-308, '2.2250738585072014E-308'],
      [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [0.1 + 0.2, '0.30000000000000004'],
      [9999999, '9999999.0'], [10000000, '1.0E7'], [123456789012, '1.23456789012E11'], [8682.459061368269, '8682.459061368269'],
    ];
    for (const [d, s] of cases) expect(javaDoubleToString(d), String(d)).toBe(s);
  });

  it('parses like Double.parseDouble', () => {
    expect(javaParseDouble(' 1.5 ')).toBe(1.5);
    expect(javaParseDouble('1e3')).toBe(1000);
    expect(javaParseDouble('.5')).toBe(0.5);
    expect(javaParseDouble('NaN')).toBeNaN();
    expect(javaParseDouble('-Infinity')).toBe(-Infinity);
    expect(javaParseDouble('2d')).toBe(2);
    expect(() => javaParseDouble('abc')).toThrow();
    expect(() => javaParseDouble('')).toThrow();
    expect(() => javaParseDouble('0x10')).toThrow();
  });
});
