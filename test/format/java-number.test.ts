// Expected texts below were produced by OpenJDK 17 (Double.toString, BigDecimal.toString,
// Integer.parseInt, Double.parseDouble, HashMap iteration), the runtime ksqlDB ships on.
import { describe, it, expect } from 'vitest';
import {
  bigDecimalToString, jacksonNumberText, javaDoubleToString, javaParseDouble, javaParseInt, javaParseLong,
  parseBigDecimal, truncatedBits,
} from '../../src/values/java-number.js';
import { javaHashMapOrder, javaStringHash } from '../../src/values/java-hash-order.js';
import { decodeBase64Jackson, decodeBase64Java } from '../../src/format/base64.js';

describe('Double.toString', () => {
  it('matches Java', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [0.5, '0.5'], [100000, '100000.0'], [1e7, '1.0E7'], [1.5e-7, '1.5E-7'], [0.001, '0.001'],
      [0.00099, '9.9E-4'], [-123.456, '-123.456'], [532.8738323, '532.8738323'], [Number.MAX_VALUE, '1.7976931348623157E308'],
      [Number.MIN_VALUE, '4.9E-324'], [2 ** 53, '9.007199254740992E15'],
      // FloatingDecimal prints integers in [2^54, 2^63) with more digits than needed:
      [1286733999415236100, '1.2867339994152361E18'], [8530562991025713200, '8.5305629910257132E18'],
    ];
    for (const [d, want] of cases) expect(javaDoubleToString(d)).toBe(want);
  });
});

describe('BigDecimal', () => {
  it('prints as toString', () => {
    const cases: [string, string][] = [
      ['1.50', '1.50'], ['0.0000001', '1E-7'], ['0.000001', '0.000001'], ['0E-8', '0E-8'], ['1e3', '1E+3'],
      ['1.0e2', '1.0E+2'], ['-0.0', '0.0'], ['-1.2E-7', '-1.2E-7'], ['12345678901234567890.5', '12345678901234567890.5'],
      ['5e-6', '0.000005'], ['-5e-7', '-5E-7'],
    ];
    for (const [src, want] of cases) {
      const d = parseBigDecimal(src)!;
      expect(bigDecimalToString(d.neg, d.coeff, d.scale)).toBe(want);
    }
    expect(parseBigDecimal('.')).toBeNull();
    expect(parseBigDecimal('1e')).toBeNull();
    expect(parseBigDecimal(' 1')).toBeNull();
  });

  it('gives Jackson number text and Java truncation', () => {
    expect(jacksonNumberText('-0')).toBe('0');
    expect(jacksonNumberText('2.50')).toBe('2.50');
    expect(truncatedBits('-2.9', 32)).toBe(-2);
    expect(truncatedBits('4294967301', 32)).toBe(5);
    expect(truncatedBits('1e999999999', 64)).toBe(0);
    expect(truncatedBits('1e-999999999', 64)).toBe(0);
  });
});

describe('Java parsing', () => {
  it('parses ints as Integer.parseInt', () => {
    const cases: [string, number | null][] = [
      ['1', 1], ['+1', 1], ['-0', 0], ['0001', 1], ['2147483647', 2147483647], ['2147483648', null],
      ['-2147483648', -2147483648], [' 1', null], ['1.0', null], ['', null], ['+', null],
    ];
    for (const [s, want] of cases) expect(javaParseInt(s)).toBe(want);
    expect(javaParseLong('9223372036854775807')).toBe(9223372036854775807n); // exact: a bigint past 2^53
    expect(javaParseLong('9223372036854775808')).toBeNull();
  });

  it('parses doubles as Double.parseDouble', () => {
    const cases: [string, number | null][] = [
      ['1', 1], ['1.', 1], ['.', null], ['.5', 0.5], [' 1.5 ', 1.5], ['1e5', 1e5], ['1e', null], ['NaN', NaN],
      ['-NaN', NaN], ['+Infinity', Infinity], ['-Infinity', -Infinity], ['1.5f', 1.5], ['1.5D', 1.5],
      ['0x1.8p1', 3], ['0x10p0', 16], ['1_0', null], ['1e400', Infinity], ['infinity', null], ['\t2\n', 2],
    ];
    for (const [s, want] of cases) expect(javaParseDouble(s)).toBe(want);
    expect(Object.is(javaParseDouble('-0.0'), -0)).toBe(true);
  });
});

describe('HashMap order', () => {
  it('matches Java', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    const cases: [string, string][] = [
      ['3h4,2x4f,3en8', '2x4f,3en8,3h4'],
      ['23,2rwh,34,2leni,3fp,2j389,25,2u,3weo,3pwlc,2c', '23,34,2c,3pwlc,25,2u,2leni,3weo,2rwh,3fp,2j389'],
      ['2i3fs,2zfg1', '2i3fs,2zfg1'],
    ];
    for (const [src, want] of cases) {
      const keys = src.split(',');
      const order = javaHashMapOrder(keys);
      expect((order === null ? keys : order.map((i) => keys[i])).join(',')).toBe(want);
    }
  });
});

describe('base64', () => {
  it('decodes as java.util.Base64', () => {
    const ok: [string, number[]][] = [['QQ==', [65]], ['QQ', [65]], ['QUI=', [65, 66]], ['QUI', [65, 66]], ['', []], ['QR==', [65]]];
    for (const [s, want] of ok) expect([...decodeBase64Java(s)!]).toEqual(want);
    for (const s of ['QQ=', 'Q', 'QQ==QQ==', 'Q Q==', 'QQ==\n', '-_', '=']) expect(decodeBase64Java(s)).toBeNull();
  });

  it('decodes as Jackson: padding required, whitespace between units', () => {
    expect([...decodeBase64Jackson(' QQ== QUI=')!]).toEqual([65, 65, 66]);
    for (const s of ['QQ', 'QQ=', 'Q Q==', 'QQ=x']) expect(decodeBase64Jackson(s)).toBeNull();
  });
});
