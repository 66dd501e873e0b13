// LIKE never backtracks: a pattern with several % on a long value is matched in
// O(value × pattern). The old regex translation took tens of seconds on the first cases below
// (it tries every split of the value between the %s), so they fail by the test timeout there.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileLikePattern } from '../../src/runtime/expr/like.js';
import { col, evaluate, like, str } from './helpers.js';

const LONG = 'a'.repeat(100_000);
const TIMEOUT = 10_000;
/**
 * Called first and last in a test whose old code blocked the event loop: vitest starts its timeout
 * timer after the test's first await, and can report it only at the next await.
 */
const yieldToTimers = (): Promise<void> => new Promise((resolve) => { setTimeout(resolve, 0); });

/** LIKE's meaning as the regex it used to be translated to (exact, but backtracking). */
function likeAsRegex(pattern: string, escape?: string): RegExp {
  const anyChar = '[^\\n\\r\\u0085\\u2028\\u2029]';
  const quote = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  let out = '';
  let escaped = false;
  for (const c of pattern) {
    if (escaped) { out += quote(c); escaped = false; }
    else if (escape !== undefined && c === escape) escaped = true;
    else if (c === '%') out += `${anyChar}*`;
    else if (c === '_') out += anyChar;
    else out += quote(c);
  }
  if (escaped) throw new Error('LIKE pattern must not end with escape character');
  return new RegExp(`^(?:${out})$`, 'u');
}

describe('LIKE in linear time', () => {
  it('LIKE with % on a 100k-char string matches', async () => {
    await yieldToTimers();
    expect(evaluate(like(col('S'), str('%a%b')), { S: LONG })).toBe(false);
    expect(evaluate(like(col('S'), str('%a%b')), { S: `${LONG}b` })).toBe(true);
    await yieldToTimers();
  }, TIMEOUT);

  it('LIKE with a pattern from data with many % and _ answers at once on a long value', async () => {
    await yieldToTimers();
    // (3000 characters take the old regex tens of seconds; 100k would take it years.)
    const e = like(col('S'), col('S2'));
    const value = 'a'.repeat(3000);
    expect(evaluate(e, { S: value, S2: '%a_%a%b' })).toBe(false);
    expect(evaluate(e, { S: `${value}xb`, S2: '%a_%a%b' })).toBe(true);
    await yieldToTimers();
  }, TIMEOUT);

  it('LIKE with many % on a 100k-char string answers', () => {
    expect(evaluate(like(col('S'), str('%a%a%a%a%a%a%b')), { S: LONG })).toBe(false);
    expect(evaluate(like(col('S'), str('%a%a%a%a%a%a%b')), { S: `${LONG}b` })).toBe(true);
  });

  it('a line terminator in a long value stops % as it stops the Java regex', async () => {
    await yieldToTimers();
    expect(evaluate(like(col('S'), str('%a%a')), { S: `${LONG}\n${LONG}` })).toBe(false);
    expect(evaluate(like(col('S'), str('%a\n%a')), { S: `${LONG}\n${LONG}` })).toBe(true);
    await yieldToTimers();
  }, TIMEOUT);

  it('gives what the regex translation gives on any short value and pattern (escape, _, %, case)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '%', '_', '!', '\n', '😀', '.');
    const text = fc.array(alphabet, { maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, text, fc.boolean(), (value, pattern, withEscape) => {
      const escape = withEscape ? '!' : undefined;
      let expected: boolean | string;
      try { expected = likeAsRegex(pattern, escape).test(value); } catch { expected = 'invalid'; }
      let actual: boolean | string;
      try { actual = compileLikePattern(pattern, escape)(value); } catch { actual = 'invalid'; }
      expect(actual).toBe(expected);
    }), { numRuns: 3000 });
  });
});
