import { describe, expect, it } from 'vitest';
import { findAll, findFrom, group, javaPattern } from '../../udfs/string/java-regex.js';
import { replaceAll } from '../../udfs/string/java-replace.js';
import { guavaSplit, patternSplit } from '../../udfs/string/java-split.js';

const first = (pattern: string, input: string, g = 0): string | null => {
  const p = javaPattern(pattern);
  const m = findFrom(p, input, 0);
  return m === null ? null : group(p, m, g);
};
const all = (pattern: string, input: string): string[] => Array.from(findAll(javaPattern(pattern), input), (m) => m[0]);

describe('Java regex translation', () => {
  it('counts groups as Java does', () => {
    expect(javaPattern('(a)(?:b)(?<name>c)(?=d)').groupCount).toBe(2);
    expect(javaPattern('x').groupCount).toBe(0);
    expect(first('(a)(?<n>b)', 'ab', 2)).toBe('b');
    expect(first('(a)|(b)', 'b', 1)).toBeNull();
  });
  it('keeps $ and . Java-shaped', () => {
    expect(first('c$', 'abc\n')).toBe('c');
    expect(first('c$', 'abc\r\n')).toBe('c');
    expect(first('c$', 'abc\nd')).toBeNull();
    expect(first('a.c', 'a\u0085c')).toBeNull();
    expect(first('(?s)a.c', 'a\nc')).toBe('a\nc');
    expect(first('(?m)^b', 'a\nb')).toBe('b');
    expect(first('^b', 'a\nb')).toBeNull();
  });
  it('uses Java whitespace for \\s', () => {
    expect(first('\\s+', 'a\u00a0 \tb')).toBe(' \t');
    expect(first('[\\s]+', 'a \t\nb')).toBe(' \t\n');
    expect(first('\\S+', ' ab ')).toBe('ab');
  });
  it('supports possessive quantifiers and atomic groups', () => {
    expect(first('a*+a', 'aaaa')).toBeNull();
    expect(first('a*a', 'aaaa')).toBe('aaaa');
    expect(first('(?>a|ab)c', 'abc')).toBeNull();
    expect(first('(?:a|ab)c', 'abc')).toBe('abc');
    expect(first('(x)(a++)', 'xaa', 2)).toBe('aa');
  });
  it('supports inline flags, quoting and escapes', () => {
    expect(first('(?i)hello', 'HeLLo')).toBe('HeLLo');
    expect(first('\\Qa.b\\E+', 'a.bbb')).toBe('a.bbb');
    expect(first('\\Qa.b', 'axb')).toBeNull();
    expect(first('\\x41\\u0042\\0103', 'ABC')).toBe('ABC');
    expect(first('\\x{1F600}', 'x\u{1F600}')).toBe('\u{1F600}');
    expect(first('\\-\\#\\@', 'a-#@')).toBe('-#@');
    expect(first('[\\-x]+', '-x-')).toBe('-x-');
    expect(first('a}]', 'a}]')).toBe('a}]');
    expect(first('(?x) a b # comment', 'ab')).toBe('ab');
    expect(first('\\Aab\\z', 'ab')).toBe('ab');
  });
  it('translates Java character properties and classes', () => {
    expect(first('\\p{Alpha}+', '12abC3')).toBe('abC');
    expect(first('\\p{Punct}', 'ab!')).toBe('!');
    expect(first('\\p{Lu}+', 'abCDe')).toBe('CD');
    expect(first('\\pL+', '12ab')).toBe('ab');
    expect(first('\\p{IsLatin}+', 'Ωabc')).toBe('abc');
    expect(first('\\P{Digit}+', '12ab3')).toBe('ab');
    expect(first('[\\p{Digit}x]+', 'ab1x2')).toBe('1x2');
    expect(first('[a-c[x-z]]+', 'mmaxbz')).toBe('axbz');
    expect(first('[]a]+', 'b]a]')).toBe(']a]');
  });
  it('resolves back references like Java', () => {
    expect(first('(a)\\1', 'aa')).toBe('aa');
    expect(first('(a)\\10', 'aa0')).toBe('aa0');
    expect(first('(?<x>b)\\k<x>', 'abb')).toBe('bb');
  });
  it('rejects what Java rejects', () => {
    for (const bad of ['(', '[a', '*a', 'a{', '\\y', 'a{2,1}', '(?<1a>x)']) {
      expect(() => javaPattern(bad), bad).toThrow(/Invalid regular expression pattern/);
    }
  });
  it('finds successive matches as Matcher.find does', () => {
    expect(all('a*', 'baa')).toEqual(['', 'aa', '']);
    expect(all('test.', 'some_test_string_testabab')).toEqual(['test_', 'testa']);
  });
});

describe('Java replacement strings', () => {
  it('inserts groups and quotes with a backslash', () => {
    expect(replaceAll(javaPattern('(\\w+) (\\w+)'), 'john smith', '$2, $1')).toBe('smith, john');
    expect(replaceAll(javaPattern('(?<first>\\w+) (\\w+)'), 'john smith', '${first}!')).toBe('john!');
    expect(replaceAll(javaPattern('a'), 'aba', '\\$')).toBe('$b$');
    expect(replaceAll(javaPattern('(a)'), 'a', '$10')).toBe('a0');
    expect(replaceAll(javaPattern('x*'), 'abc', '-')).toBe('-a-b-c-');
  });
  it('fails on a bad replacement only when something matches', () => {
    expect(replaceAll(javaPattern('z'), 'abc', '$')).toBe('abc');
    expect(() => replaceAll(javaPattern('a'), 'abc', '$')).toThrow();
    expect(() => replaceAll(javaPattern('a'), 'abc', '$2')).toThrow(/No group 2/);
    expect(() => replaceAll(javaPattern('a'), 'abc', '${nope}')).toThrow(/No group with name/);
  });
});

describe('regex splitting', () => {
  it('Guava keeps every empty piece', () => {
    expect(guavaSplit(javaPattern('(ab|cd)'), 'aabcda')).toEqual(['a', '', 'a']);
    expect(guavaSplit(javaPattern('(ab|cd)'), 'aabdcda')).toEqual(['a', 'd', 'a']);
    expect(guavaSplit(javaPattern('(ab|cd)'), 'zxy')).toEqual(['zxy']);
    expect(guavaSplit(javaPattern(','), ',a,')).toEqual(['', 'a', '']);
    expect(guavaSplit(javaPattern(','), '')).toEqual(['']);
  });
  it('Pattern.split drops trailing empties and a leading zero-width match', () => {
    expect(patternSplit(javaPattern(''), 'abc')).toEqual(['a', 'b', 'c']);
    expect(patternSplit(javaPattern(''), '')).toEqual(['']);
    expect(patternSplit(javaPattern('x*'), 'axbxx')).toEqual(['a', '', 'b']);
  });
});
