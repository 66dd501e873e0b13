import { describe, expect, it } from 'vitest';
import { urlFunctions } from '../../udfs/url/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import { call, STRING } from './scalar-harness.js';

const fn = (name: string): ScalarFunction => urlFunctions.find((f) => f.name === name)!;
const one = (name: string, url: string | null) => call(fn(name), [STRING], url);

describe('URL_ENCODE_PARAM and URL_DECODE_PARAM (QTT url)', () => {
  it('form-encodes', () => {
    expect(one('URL_ENCODE_PARAM', '?foo $bar')).toBe('%3Ffoo+%24bar');
    expect(one('URL_ENCODE_PARAM', 'hello&world')).toBe('hello%26world');
    expect(one('URL_ENCODE_PARAM', 'nothing')).toBe('nothing');
    expect(one('URL_ENCODE_PARAM', '-_.*~é')).toBe('-_.*%7E%C3%A9');
    expect(one('URL_ENCODE_PARAM', null)).toBeNull();
  });
  it('form-decodes', () => {
    expect(one('URL_DECODE_PARAM', '%3Ffoo+%24bar')).toBe('?foo $bar');
    expect(one('URL_DECODE_PARAM', 'hello%26world')).toBe('hello&world');
    expect(one('URL_DECODE_PARAM', 'url%20encoded')).toBe('url encoded');
    expect(one('URL_DECODE_PARAM', '%C3%A9')).toBe('é');
    expect(() => one('URL_DECODE_PARAM', '%zz')).toThrow(/Illegal hex/);
    expect(() => one('URL_DECODE_PARAM', 'a%2')).toThrow(/Incomplete trailing escape/);
  });
});

describe('URL_EXTRACT_* (QTT url and docs)', () => {
  it('fragment', () => {
    expect(one('URL_EXTRACT_FRAGMENT', 'http://www.test.com/?query#fragment')).toBe('fragment');
    expect(one('URL_EXTRACT_FRAGMENT', 'http://www.nofragment.com')).toBeNull();
    expect(one('URL_EXTRACT_FRAGMENT', 'http://test.com#frag%20space')).toBe('frag space');
  });
  it('host', () => {
    expect(one('URL_EXTRACT_HOST', 'http://www.test.com/?query#fragment')).toBe('www.test.com');
    expect(one('URL_EXTRACT_HOST', 'http://test@confluent.io:8080')).toBe('confluent.io');
    expect(one('URL_EXTRACT_HOST', 'http://192.168.0.1:80/x')).toBe('192.168.0.1');
    expect(one('URL_EXTRACT_HOST', 'http://[::1]:8080/x')).toBe('[::1]');
    // Java's URI does not take '_' in host names: the authority becomes registry-based.
    expect(one('URL_EXTRACT_HOST', 'http://my_host.com/x')).toBeNull();
    expect(one('URL_EXTRACT_HOST', 'www.confluent.io')).toBeNull();
  });
  it('parameter', () => {
    const param = (url: string, name: string) => call(fn('URL_EXTRACT_PARAMETER'), [STRING, STRING], url, name);
    expect(param('http://www.test.com/?one=a&two=b&three', 'one')).toBe('a');
    expect(param('http://www.test.com/?one=a&two=b&three', 'two')).toBe('b');
    expect(param('http://www.test.com/?one=a&two=b&three', 'three')).toBe('');
    expect(param('http://www.test.com/?one=a&two=b&three', 'four')).toBeNull();
    expect(param('http://www.test.com/?one=a&two=url%20encoded', 'two')).toBe('url encoded');
    expect(param('http://test.com?a%20b=c%20d', 'a b')).toBe('c d');
    expect(param('http://test.com?a=b=c', 'a')).toBe('b=c');
    expect(param('http://test.com/path', 'a')).toBeNull();
  });
  it('path', () => {
    expect(one('URL_EXTRACT_PATH', 'http://www.test.com?query#fragment')).toBe('');
    expect(one('URL_EXTRACT_PATH', 'http://www.test.com/path?query')).toBe('/path');
    expect(one('URL_EXTRACT_PATH', 'http://test@confluent.io:8080/nested/path?query&jobs')).toBe('/nested/path');
    expect(one('URL_EXTRACT_PATH', 'http://test.com/a%20b')).toBe('/a b');
    expect(one('URL_EXTRACT_PATH', 'mailto:someone@example.com')).toBeNull();
  });
  it('port', () => {
    expect(one('URL_EXTRACT_PORT', 'http://test@confluent.io')).toBeNull();
    expect(one('URL_EXTRACT_PORT', 'http://test@confluent.io:8080/nested/path?query&jobs')).toBe(8080);
  });
  it('protocol', () => {
    expect(one('URL_EXTRACT_PROTOCOL', 'http://test@confluent.io')).toBe('http');
    expect(one('URL_EXTRACT_PROTOCOL', 'https://test@confluent.io:8080/nested/path?query&jobs')).toBe('https');
    expect(one('URL_EXTRACT_PROTOCOL', 'www.confluent.io')).toBeNull();
  });
  it('query', () => {
    expect(one('URL_EXTRACT_QUERY', 'http://www.test.com?query#fragment')).toBe('query');
    expect(one('URL_EXTRACT_QUERY', 'http://www.test.com/path?q1&q2')).toBe('q1&q2');
    expect(one('URL_EXTRACT_QUERY', 'http://test@confluent.io:8080/nested/path?q=2')).toBe('q=2');
    expect(one('URL_EXTRACT_QUERY', 'http://test@confluent.io:8080/path')).toBeNull();
    expect(one('URL_EXTRACT_QUERY', 'http://test.com?a=foo%20bar&b=baz')).toBe('a=foo bar&b=baz');
  });
  it('fails on invalid URIs', () => {
    for (const bad of ['http://test.com/a b', 'http://x.com/%zz', '://x', 'http://x.com/{}']) {
      expect(() => one('URL_EXTRACT_HOST', bad), bad).toThrow(/invalid syntax/);
    }
    expect(one('URL_EXTRACT_HOST', null)).toBeNull();
  });
});
