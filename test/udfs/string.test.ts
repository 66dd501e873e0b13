import { describe, expect, it } from 'vitest';
import { stringFunctions } from '../../udfs/string/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import { b64, bytes, BYTES, call, INT, STRING } from './scalar-harness.js';

const fn = (name: string): ScalarFunction => stringFunctions.find((f) => f.name === name)!;
const S = (n: number) => Array(n).fill(STRING);

describe('CHR (QTT chr)', () => {
  const chr = fn('CHR');
  it('from a decimal code point', () => {
    expect(call(chr, [INT], 75)).toBe('K');
    expect(call(chr, [INT], 22909)).toBe('\u597d');
    expect(call(chr, [INT], 99000)).toBe('\ud820\udeb8');
    expect(call(chr, [INT], -1)).toBeNull();
    expect(call(chr, [INT], 0x110000)).toBeNull();
    expect(call(chr, [INT], null)).toBeNull();
  });
  it('from \\u text', () => {
    expect(call(chr, [STRING], '\\u004b')).toBe('K');
    expect(call(chr, [STRING], '\\u597d')).toBe('\u597d');
    expect(call(chr, [STRING], '\\ud820\\udeb8')).toBe('\ud820\udeb8');
    for (const v of ['75', '004b', 'bogus', '', null]) expect(call(chr, [STRING], v)).toBeNull();
    expect(() => call(chr, [STRING], '\\uzzzz')).toThrow();
  });
});

describe('CONCAT and CONCAT_WS (QTT concat)', () => {
  it('CONCAT skips NULLs', () => {
    expect(call(fn('CONCAT'), S(3), 'prefix-', 's1', '-postfix')).toBe('prefix-s1-postfix');
    expect(call(fn('CONCAT'), S(3), '"', 'foo', '\\')).toBe('"foo\\');
    expect(call(fn('CONCAT'), S(2), null, null)).toBe('');
    expect(b64(call(fn('CONCAT'), [BYTES, BYTES, BYTES], bytes('eWVz'), null, bytes('bm8=')))).toBe('eWVzbm8=');
    expect(b64(call(fn('CONCAT'), [BYTES, BYTES], bytes(''), bytes('bm8=')))).toBe('bm8=');
  });
  it('CONCAT_WS skips NULL values; a NULL separator gives NULL', () => {
    const ws = fn('CONCAT_WS');
    expect(call(ws, S(6), 'SEP', 'foo', 'bar', 'baz', null, 'literal')).toBe('fooSEPbarSEPbazSEPliteral');
    expect(call(ws, S(6), 'SEP', null, null, null, null, 'literal')).toBe('literal');
    expect(call(ws, S(3), null, 'foo', 'bar')).toBeNull();
    const B = [BYTES, BYTES, BYTES, BYTES, BYTES];
    expect(b64(call(ws, B, bytes('YQ=='), bytes('Yg=='), bytes('eWVz'), null, bytes('bm8=')))).toBe('YmF5ZXNhbm8=');
    expect(b64(call(ws, B, bytes('YQ=='), bytes('Yg=='), bytes(''), null, bytes('bm8=')))).toBe('YmFhbm8=');
    expect(b64(call(ws, B, bytes('YQ=='), null, null, null, null))).toBe('');
    expect(call(ws, B, null, bytes('Yg=='), null, null, null)).toBeNull();
    expect(() => call(ws, S(1), ',')).toThrow();
  });
});

describe('ELT and FIELD (QTT elt-field)', () => {
  it('ELT is 1-based and NULL out of range', () => {
    expect(call(fn('ELT'), [INT, STRING, STRING], 2, 'ignored', 'something')).toBe('something');
    expect(call(fn('ELT'), [INT, STRING, STRING], 2, 'ignored', null)).toBeNull();
    expect(call(fn('ELT'), [INT, STRING], 0, 'a')).toBeNull();
    expect(call(fn('ELT'), [INT, STRING], 2, 'a')).toBeNull();
  });
  it('FIELD finds the first equal string, 0 otherwise', () => {
    expect(call(fn('FIELD'), S(3), 'hello', 'hello', 'world')).toBe(1);
    expect(call(fn('FIELD'), S(3), 'hello', null, 'world')).toBe(0);
    expect(call(fn('FIELD'), S(3), 'hello', 'world', 'hello')).toBe(2);
    expect(call(fn('FIELD'), S(3), null, null, null)).toBe(0);
  });
});

describe('ENCODE (QTT encode)', () => {
  const enc = (s: string | null, from: string, to: string) => call(fn('ENCODE'), S(3), s, from, to);
  it('from hex, stripping 0x and X\'\'', () => {
    for (const v of ['4578616d706C6521', '0x4578616d706C6521', "X'4578616d706C6521'", "x'4578616d706C6521'"]) {
      expect(enc(v, 'hex', 'ascii')).toBe('Example!');
      expect(enc(v, 'hex', 'utf8')).toBe('Example!');
      expect(enc(v, 'hex', 'base64')).toBe('RXhhbXBsZSE=');
    }
    expect(enc('ce95cebbcebbceacceb4ceb1', 'hex', 'ascii')).toBe('\ufffd'.repeat(12));
    expect(enc('ce95cebbcebbceacceb4ceb1', 'hex', 'utf8')).toBe('\u0395\u03bb\u03bb\u03ac\u03b4\u03b1');
    expect(enc('c39c6265726d656e736368', 'hex', 'ascii')).toBe('\ufffd\ufffdbermensch');
    expect(enc('c39c6265726d656e736368', 'hex', 'base64')).toBe('w5xiZXJtZW5zY2g=');
    for (const v of ['0x', "X''", "x''"]) expect(enc(v, 'hex', 'utf8')).toBe('');
    expect(enc('0x578616d706C6521', 'hex', 'ascii')).toBe('\u0005xample!');
    for (const v of ['0x0x', "X'", "x'4578616d706C6521", "x'578616d706C6521'", '578616d706C6521']) {
      expect(() => enc(v, 'hex', 'utf8'), v).toThrow();
    }
  });
  it('from ascii, utf8 and base64', () => {
    expect(enc('Example!', 'ascii', 'hex')).toBe('4578616d706c6521');
    expect(enc('\u0395\u03bb\u03bb\u03ac\u03b4\u03b1', 'ascii', 'hex')).toBe('3f3f3f3f3f3f');
    expect(enc('\u0395\u03bb\u03bb\u03ac\u03b4\u03b1', 'ascii', 'base64')).toBe('Pz8/Pz8/');
    expect(enc('zpXOu867zqzOtM6x', 'base64', 'hex')).toBe('ce95cebbcebbceacceb4ceb1');
    expect(enc('zpXOu867zqzOtM6x', 'BASE64', 'UTF8')).toBe('\u0395\u03bb\u03bb\u03ac\u03b4\u03b1');
    expect(enc('Example!', 'utf8', 'base64')).toBe('RXhhbXBsZSE=');
  });
  it('rejects unknown or identical encodings, and propagates NULL', () => {
    expect(() => enc('RXhhbXBsZSE=', 'base64', 'null')).toThrow(/Supported input and output encodings/);
    expect(() => enc('abc', 'utf8', 'utf8')).toThrow();
    expect(enc(null, 'hex', 'utf8')).toBeNull();
  });
});

describe('INITCAP, LCASE, UCASE, TRIM, LEN', () => {
  it('INITCAP (QTT initcap)', () => {
    expect(call(fn('INITCAP'), [STRING], 'some_string')).toBe('Some_string');
    expect(call(fn('INITCAP'), [STRING], 'the   Quick br0wn fOx')).toBe('The   Quick Br0wn Fox');
    expect(call(fn('INITCAP'), [STRING], '  leading')).toBe('Leading');
    expect(call(fn('INITCAP'), [STRING], null)).toBeNull();
  });
  it('LCASE, UCASE, TRIM (QTT string)', () => {
    expect(call(fn('LCASE'), [STRING], 'MiXeD')).toBe('mixed');
    expect(call(fn('UCASE'), [STRING], ' \t with white space \t')).toBe(' \t WITH WHITE SPACE \t');
    expect(call(fn('TRIM'), [STRING], ' \t with white space \t')).toBe('with white space');
    expect(call(fn('TRIM'), [STRING], '\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
  });
  it('LEN of strings and bytes (QTT len)', () => {
    expect(call(fn('LEN'), [STRING], 'ABC')).toBe(3);
    expect(call(fn('LEN'), [STRING], '')).toBe(0);
    expect(call(fn('LEN'), [BYTES], bytes('YWJj'))).toBe(3);
    expect(call(fn('LEN'), [STRING], '\u{1F600}')).toBe(2);
    expect(call(fn('LEN'), [BYTES], null)).toBeNull();
  });
});

describe('INSTR (QTT instr and docs)', () => {
  const instr = fn('INSTR');
  it('finds from the start', () => {
    expect(call(instr, S(2), 'corporate floor', 'or')).toBe(2);
    expect(call(instr, S(2), 'should I stay or should I go', 'or')).toBe(15);
    expect(call(instr, S(2), 'short', 'or')).toBe(3);
    expect(call(instr, S(2), 'no substring', 'or')).toBe(0);
    expect(call(instr, [STRING, STRING, INT], 'corporate floor', 'or', 4)).toBe(5);
    expect(call(instr, [STRING, STRING, INT], 'short', 'or', 4)).toBe(0);
    expect(call(instr, [STRING, STRING, INT, INT], 'corporate floor', 'or', 4, 2)).toBe(14);
    expect(call(instr, [STRING, STRING, INT, INT], 'CORPORATE FLOOR', 'OR', 3, 2)).toBe(14);
  });
  it('searches backwards from a negative position', () => {
    expect(call(instr, [STRING, STRING, INT], 'corporate floor', 'or', -4)).toBe(5);
    expect(call(instr, [STRING, STRING, INT], 'CORPORATE FLOOR', 'OR', -3)).toBe(5);
    expect(call(instr, [STRING, STRING, INT, INT], 'corporate floor', 'or', -4, 2)).toBe(2);
    expect(call(instr, [STRING, STRING, INT], 'short', 'or', -4)).toBe(0);
  });
  it('gives 0 for NULL strings and NULL for NULL positions', () => {
    expect(call(instr, S(2), null, 'or')).toBe(0);
    expect(call(instr, S(2), 'or', null)).toBe(0);
    expect(call(instr, [STRING, STRING, INT], 'or', 'o', null)).toBeNull();
    expect(call(instr, S(2), 'abc', '')).toBe(1);
  });
});

describe('LPAD and RPAD (QTT)', () => {
  const args = [STRING, INT, STRING];
  it('pads and truncates strings', () => {
    const l = (s: string | null, n: number | null, p: string | null) => call(fn('LPAD'), args, s, n, p);
    const r = (s: string | null, n: number | null, p: string | null) => call(fn('RPAD'), args, s, n, p);
    expect([l('foo', 7, 'Bar'), l('foo', 5, 'Bar'), l('foo', 2, 'Bar'), l('', 7, 'Bar')]).toEqual(['BarBfoo', 'Bafoo', 'fo', 'BarBarB']);
    expect([r('foo', 7, 'Bar'), r('foo', 5, 'Bar'), r('foo', 2, 'Bar'), r('', 7, 'Bar')]).toEqual(['fooBarB', 'fooBa', 'fo', 'BarBarB']);
    for (const f of [l, r]) {
      expect(f('foo', -1, 'Bar')).toBeNull();
      expect(f('foo', 5, null)).toBeNull();
      expect(f('foo', null, 'Bar')).toBeNull();
      expect(f(null, -5, 'Bar')).toBeNull();
      expect(f('foo', 7, '')).toBeNull();
    }
  });
  it('pads and truncates bytes', () => {
    const B = [BYTES, INT, BYTES];
    const l = (n: number, p = 'bm8=') => call(fn('LPAD'), B, bytes('eWVz'), n, bytes(p));
    const r = (n: number, p = 'bm8=') => call(fn('RPAD'), B, bytes('eWVz'), n, bytes(p));
    expect([8, 5, 3, 2, 0].map((n) => b64(l(n)))).toEqual(['bm9ub255ZXM=', 'bm95ZXM=', 'eWVz', 'eWU=', '']);
    expect([8, 5, 3, 2, 0].map((n) => b64(r(n)))).toEqual(['eWVzbm9ub24=', 'eWVzbm8=', 'eWVz', 'eWU=', '']);
    expect(l(-1)).toBeNull();
    expect(r(3, '')).toBeNull();
  });
});

describe('MASK family (docs)', () => {
  it('MASK with default and custom masks', () => {
    expect(call(fn('MASK'), [STRING], 'My Test $123')).toBe('Xx-Xxxx--nnn');
    expect(call(fn('MASK'), S(5), 'My Test $123', '*', null, '1', null)).toBe('*y *est $111');
    expect(call(fn('MASK'), S(5), null, '*', null, '1', null)).toBeNull();
    expect(() => call(fn('MASK'), S(5), 'x', '**', null, null, null)).toThrow(/single character/);
    expect(call(fn('MASK'), [STRING], 'Éé٣')).toBe('Xxn');
  });
  it('masks a surrogate pair as Java does: twice', () => {
    expect(call(fn('MASK'), [STRING], 'a\u{1F600}')).toBe('x--');
  });
  it('MASK_LEFT, MASK_RIGHT, MASK_KEEP_LEFT, MASK_KEEP_RIGHT', () => {
    const si = [STRING, INT];
    expect(call(fn('MASK_KEEP_LEFT'), si, 'My Test $123', 4)).toBe('My Txxx--nnn');
    expect(call(fn('MASK_KEEP_RIGHT'), si, 'My Test $123', 4)).toBe('Xx-Xxxx-$123');
    expect(call(fn('MASK_LEFT'), si, 'My Test $123', 4)).toBe('Xx-Xest $123');
    expect(call(fn('MASK_RIGHT'), si, 'My Test $123', 4)).toBe('My Test -nnn');
    expect(call(fn('MASK_LEFT'), si, 'ab', 10)).toBe('xx');
    expect(call(fn('MASK_KEEP_LEFT'), si, 'ab', 10)).toBe('ab');
    expect(call(fn('MASK_LEFT'), [STRING, INT, ...S(4)], 'AbC1', 3, 'U', 'l', null, null)).toBe('UlU1');
    expect(call(fn('MASK_LEFT'), si, null, 2)).toBeNull();
    expect(() => call(fn('MASK_RIGHT'), si, null, -1)).toThrow(/non-negative/);
  });
});

describe('MD5 (QTT md5)', () => {
  it('hashes the UTF-8 bytes', () => {
    expect(call(fn('MD5'), [STRING], 'r1')).toBe('7c92cf1eee8d99cc85f8355a3d6e4b86');
    expect(call(fn('MD5'), [STRING], '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(call(fn('MD5'), [STRING], '  ')).toBe('23b58def11b45727d3351702515f86af');
    expect(call(fn('MD5'), [STRING], null)).toBeNull();
  });
});

describe('REPLACE and the regex functions (QTT replace, regex)', () => {
  it('REPLACE is literal', () => {
    expect(call(fn('REPLACE'), S(3), 'anaconda', 'a', 'o')).toBe('onocondo');
    expect(call(fn('REPLACE'), S(3), 'a.b', '.', '$&')).toBe('a$&b');
    expect(call(fn('REPLACE'), S(3), 'abc', '', '-')).toBe('-a-b-c-');
    expect(call(fn('REPLACE'), S(3), 'popcorn', null, 'o')).toBeNull();
  });
  it('REGEXP_EXTRACT', () => {
    const ex = fn('REGEXP_EXTRACT');
    expect(['some_test_string', 'anothertest', 'testa', 'nothing'].map((s) => call(ex, S(2), 'test.', s))).toEqual(['test_', null, 'testa', null]);
    expect(['steven zhang', 'agavra'].map((s) => call(ex, [STRING, STRING, INT], '(.*) (.*)', s, 2))).toEqual(['zhang', null]);
    expect(call(ex, [STRING, STRING, INT], '(.*)', 'x', 2)).toBeNull();
    expect(call(ex, S(2), 'x', null)).toBeNull();
    expect(() => call(ex, S(2), '(', 'x')).toThrow();
  });
  it('REGEXP_EXTRACT_ALL', () => {
    const ex = fn('REGEXP_EXTRACT_ALL');
    expect(call(ex, S(2), 'test.', 'some_test_string_testabab')).toEqual(['test_', 'testa']);
    expect(call(ex, S(2), 'test.', 'nothing')).toEqual([]);
    const g2 = (s: string) => call(ex, [STRING, STRING, INT], '(\\w+) (\\w*)', s, 2);
    expect(g2('steven zhang andy coates')).toEqual(['zhang', 'coates']);
    expect(g2('apurva mehta agavra ')).toEqual(['mehta', '']);
    expect(g2('agavra')).toEqual([]);
    expect(call(ex, [STRING, STRING, INT], '(a)|b', 'ab', 1)).toEqual(['a', null]);
  });
  it('REGEXP_REPLACE', () => {
    const rr = fn('REGEXP_REPLACE');
    expect(call(rr, S(3), 'baababaa', '(ab)+', 'cat')).toBe('bacataa');
    expect(call(rr, S(3), 'baabbabaa', '(ab)+', 'cat')).toBe('bacatbcataa');
    expect(call(rr, S(3), 'baababaa', null, 'cat')).toBeNull();
  });
  it('REGEXP_SPLIT_TO_ARRAY', () => {
    const rs = fn('REGEXP_SPLIT_TO_ARRAY');
    expect(call(rs, S(2), 'aabcda', '(ab|cd)')).toEqual(['a', '', 'a']);
    expect(call(rs, S(2), 'aabdcda', '(ab|cd)')).toEqual(['a', 'd', 'a']);
    expect(call(rs, S(2), 'zxy', '(ab|cd)')).toEqual(['zxy']);
    expect(call(rs, S(2), 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(call(rs, S(2), 'a,b,', ',')).toEqual(['a', 'b', '']);
    expect(call(rs, S(2), null, '(ab|cd)')).toBeNull();
  });
});

describe('SPLIT and SPLIT_TO_MAP (QTT split, split-to-map)', () => {
  it('SPLIT strings by a literal delimiter', () => {
    const sp = (s: string, d: string) => call(fn('SPLIT'), S(2), s, d);
    expect(sp('a.b.c', '.')).toEqual(['a', 'b', 'c']);
    expect(sp('.abc.', '.')).toEqual(['', 'abc', '']);
    expect(sp('..a..', '.')).toEqual(['', '', 'a', '', '']);
    expect(sp('', '.')).toEqual(['']);
    expect(sp('.$$a..', '$$')).toEqual(['.', 'a..']);
    expect(sp('.abc$$', '$$')).toEqual(['.abc', '']);
    expect(sp('..a..', '')).toEqual(['.', '.', 'a', '.', '.']);
    expect(sp('', '')).toEqual(['']);
  });
  it('SPLIT bytes', () => {
    const sp = (s: string, d: string) => (call(fn('SPLIT'), [BYTES, BYTES], bytes(s), bytes(d)) as Uint8Array[]).map(b64);
    expect(sp('YS5iLmM=', 'Lg==')).toEqual(['YQ==', 'Yg==', 'Yw==']);
    expect(sp('Li5hLi4=', 'Lg==')).toEqual(['', '', 'YQ==', '', '']);
    expect(sp('LiQkYS4u', 'JCQ=')).toEqual(['Lg==', 'YS4u']);
    expect(sp('LmFiYy4=', '')).toEqual(['Lg==', 'YQ==', 'Yg==', 'Yw==', 'Lg==']);
    expect(sp('', 'Lg==')).toEqual(['']);
  });
  it('SPLIT_TO_MAP', () => {
    const m = (s: string | null, e: string | null, k: string | null) => {
      const r = call(fn('SPLIT_TO_MAP'), S(3), s, e, k) as Map<string, string> | null;
      return r === null ? null : Object.fromEntries(r);
    };
    expect(m('apple:green/banana:yellow/cherry:red', '/', ':')).toEqual({ apple: 'green', banana: 'yellow', cherry: 'red' });
    expect(m('apple:green/banana:yellow/cherry:red', '&&', ':')).toEqual({ apple: 'green/banana' });
    expect(m('apple:green//banana:yellow//cherry:red/', '/', ':')).toEqual({ apple: 'green', banana: 'yellow', cherry: 'red' });
    expect(m('apple:green/banana:yellow', '/', '=')).toEqual({});
    expect(m('a:1/a:2', '/', ':')).toEqual({ a: '2' });
    expect(m('x', '', ':')).toBeNull();
    expect(m('x', '/', '')).toBeNull();
    expect(m('x', '/', '/')).toBeNull();
    expect(m('x', null, ':')).toBeNull();
    expect(m('', '/', ':')).toEqual({});
  });
});

describe('SUBSTRING (QTT substring)', () => {
  const sub = fn('SUBSTRING');
  it('takes 1-based positions, negative from the end', () => {
    expect(['some_string', 'another', 'short'].map((s) => call(sub, [STRING, INT], s, 6))).toEqual(['string', 'er', '']);
    expect(['some_string', 'another', 'short'].map((s) => call(sub, [STRING, INT, INT], s, 6, 3))).toEqual(['str', 'er', '']);
    expect(call(sub, [STRING, INT, INT], 'some string', 0, 2)).toBe('so');
    expect(call(sub, [STRING, INT, INT], 'long enough', 2, 5)).toBe('ong e');
    expect(call(sub, [STRING, INT], 'some_string', -6)).toBe('string');
    expect(call(sub, [STRING, INT], 'abc', -10)).toBe('abc');
    expect(call(sub, [STRING, INT, INT], 'abc', 2, -1)).toBe('');
    expect(call(sub, [STRING, INT], 'abc', null)).toBeNull();
  });
  it('works on bytes', () => {
    expect(b64(call(sub, [BYTES, INT], bytes('c29tZV9zdHJpbmc='), 6))).toBe('c3RyaW5n');
    expect(b64(call(sub, [BYTES, INT, INT], bytes('c29tZV9zdHJpbmc='), 6, 3))).toBe('c3Ry');
    expect(b64(call(sub, [BYTES, INT, INT], bytes('c2hvcnQ='), 6, 3))).toBe('');
    expect(call(sub, [BYTES, INT, INT], bytes('c2hvcnQ='), 6, null)).toBeNull();
  });
});

describe('UUID', () => {
  it('random v4 and from 16 bytes', () => {
    expect(call(fn('UUID'), [])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call(fn('UUID'), [BYTES], new Uint8Array(Buffer.from('00112233445566778899aabbccddeeff', 'hex')))).toBe('00112233-4455-6677-8899-aabbccddeeff');
    expect(call(fn('UUID'), [BYTES], new Uint8Array(15))).toBeNull();
    expect(fn('UUID').volatile).toBe(true);
  });
});
