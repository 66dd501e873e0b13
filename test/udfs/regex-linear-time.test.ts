// No regular expression can stall the process: patterns run on RE2 (linear time) where it can
// run them exactly, the rest (back references, lookaround, ...) on JS RegExp under
// eddy.regex.backtracking.timeout.ms. Each catastrophic case below takes the old backtracking
// code tens of seconds (a 30-character row: 2^30 steps), so they fail by the test timeout there.
import { describe, expect, it } from 'vitest';
import { stringFunctions } from '../../udfs/string/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import { findAll, javaPattern } from '../../udfs/string/java-regex.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';
import { engine, jsonValue, run, topicRecords } from '../engine/engine-helpers.js';
import { INT, STRING, call } from './scalar-harness.js';

const fn = (name: string): ScalarFunction => stringFunctions.find((f) => f.name === name)!;
const S = (n: number) => Array(n).fill(STRING);
const A30 = `${'a'.repeat(29)}!`;
const TIMEOUT = 10_000;
/**
 * Called first and last in a test whose old code blocked the event loop: vitest starts its timeout
 * timer after the test's first await, and can report it only at the next await.
 */
const yieldToTimers = (): Promise<void> => new Promise((resolve) => { setTimeout(resolve, 0); });

describe('catastrophic patterns run in linear time', () => {
  it('a catastrophic regex pattern on a 30-character row returns promptly with the same result as Java', async () => {
    await yieldToTimers();
    expect(call(fn('REGEXP_REPLACE'), S(3), A30, '(a+)+$', 'x')).toBe(A30);
    expect(call(fn('REGEXP_REPLACE'), S(3), 'a'.repeat(30), '(a+)+$', 'x')).toBe('x');
    await yieldToTimers();
  }, TIMEOUT);

  it('REGEXP_EXTRACT with a nested quantifier on a non-matching 30-character row is NULL at once', async () => {
    await yieldToTimers();
    expect(call(fn('REGEXP_EXTRACT'), S(2), '(\\w+)+$', A30)).toBeNull();
    expect(call(fn('REGEXP_EXTRACT'), [STRING, STRING, INT], '^(a|aa)+(!)', A30, 2)).toBe('!');
    await yieldToTimers();
  }, TIMEOUT);

  it('REGEXP_EXTRACT_ALL and REGEXP_SPLIT_TO_ARRAY with a nested quantifier finish on a 30-character row', async () => {
    await yieldToTimers();
    expect(call(fn('REGEXP_EXTRACT_ALL'), S(2), '(a+)+b', A30)).toEqual([]);
    expect(call(fn('REGEXP_SPLIT_TO_ARRAY'), S(2), A30, '(a+)+b')).toEqual([A30]);
    await yieldToTimers();
  }, TIMEOUT);

  it('a case-insensitive catastrophic pattern keeps Java semantics on RE2', async () => {
    await yieldToTimers();
    expect(call(fn('REGEXP_EXTRACT'), S(2), '(?i)(A+)+$', A30)).toBeNull();
    expect(call(fn('REGEXP_EXTRACT'), S(2), '(?i)(A+)+!', A30)).toBe(A30);
    await yieldToTimers();
  }, TIMEOUT);
});

describe('patterns RE2 cannot run are bounded in time', () => {
  it('a pattern with a back reference on a catastrophic row fails for that row, naming the construct and the property', async () => {
    await yieldToTimers();
    expect(() => call(fn('REGEXP_REPLACE'), S(3), A30, '(a+)+\\1$', 'x'))
      .toThrow(/'\(a\+\)\+\\1\$' uses a back reference, which needs a backtracking engine; it ran longer than eddy\.regex\.backtracking\.timeout\.ms \(200 ms\)/);
    await yieldToTimers();
  }, TIMEOUT);

  it('lookaround, atomic groups and possessive quantifiers still match as Java does', () => {
    expect(call(fn('REGEXP_EXTRACT'), S(2), 'a(?=b)', 'acab')).toBe('a');
    expect(call(fn('REGEXP_EXTRACT'), S(2), '(?<=x)a', 'axa')).toBe('a');
    expect(call(fn('REGEXP_EXTRACT'), S(2), '(?>a|ab)c', 'abc')).toBeNull();
    expect(call(fn('REGEXP_EXTRACT'), S(2), 'a*+a', 'aaaa')).toBeNull();
    expect(call(fn('REGEXP_REPLACE'), S(3), 'abab-cdcd', '(\\w\\w)\\1', '<$1>')).toBe('<ab>-<cd>');
  });

  it('a $-anchored catastrophic pattern on a row ending in a newline is bounded, a short one keeps Java\'s meaning', async () => {
    await yieldToTimers();
    expect(call(fn('REGEXP_REPLACE'), S(3), 'abc\n', 'c$', 'x')).toBe('abx\n');
    expect(() => call(fn('REGEXP_REPLACE'), S(3), `${A30}\n`, '(a+)+$', 'x')).toThrow(/an anchor .* next to line terminators/);
    await yieldToTimers();
  }, TIMEOUT);

  it('a back-reference pattern from data gives NULL and a processing-log entry for its row; the other rows go on', async () => {
    await yieldToTimers();
    const log: ProcessingLogEntry[] = [];
    await engine({ onProcessingLog: (e) => log.push(e) });
    await run(`CREATE STREAM s (id INT KEY, txt STRING, pat STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      SET 'eddy.regex.backtracking.timeout.ms'='50';
      CREATE STREAM out_s AS SELECT id, REGEXP_REPLACE(txt, pat, 'x') AS r FROM s;
      INSERT INTO s (id, txt, pat) VALUES (1, 'abcabc', '(abc)\\1');
      INSERT INTO s (id, txt, pat) VALUES (2, '${A30}', '(a+)+\\1$');
      INSERT INTO s (id, txt, pat) VALUES (3, '${A30}', '(a+)+$');
      INSERT INTO s (id, txt, pat) VALUES (4, 'abab', 'b');`);
    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([{ R: 'x' }, { R: null }, { R: A30 }, { R: 'axax' }]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'EVALUATION', topic: 's', partition: 0, offset: 1 });
    expect(log[0].message).toMatch(/uses a back reference.*eddy\.regex\.backtracking\.timeout\.ms \(50 ms\)/);
    await yieldToTimers();
  }, TIMEOUT);
});

describe('compiling patterns', () => {
  it('a pattern from data is compiled once and reused while it stays among the recent ones', () => {
    const p = javaPattern('(x)y+');
    for (let i = 0; i < 100; i++) javaPattern(`data-${i}`);
    expect(javaPattern('(x)y+')).toBe(p);
    for (let i = 0; i < 1000; i++) javaPattern(`more-data-${i}`);
    expect(javaPattern('(x)y+')).not.toBe(p);
  });
});

// The RE2 translation must give what the (exact) backtracking translation gives.
const PATTERNS = [
  'a+', '(a|ab)(c|bcd)(d*)', '\\w+@\\w+\\.com', '(?i)hello', '[^abc]+', '\\s+', '[\\s]+', '\\S+',
  '\\h+', '\\v', '\\R', '\\p{Alpha}+', '\\p{Lu}+', '\\pL+', '\\p{IsLatin}+', '\\P{Digit}+', '[\\p{Digit}x]+',
  '[a-c[x-z]]+', '[]a]+', '\\Qa.b\\E+', '\\x41\\u0042', '\\x{1F600}', '(?x) a b # c', '\\Aab', 'b\\z', '.', '(?s).+',
  '(?<n>b)(c)?', 'a*', 'x*', '', '\\b\\w', '\\B.', '(a)|b', 'a{2,3}', 'a{2,}?', '(?:ab)+?c', '[\\-x]+', 'a}]',
  '^\\d+$', '(?m)^\\w', '(?m)\\w$', '\\d{3}-\\d{4}',
];
const INPUTS = ['', 'a', 'abcd', 'hello HeLLo', 'x@y.com ab@cd.com', 'a \t\u00a0\u000bb\r\nc\u2028d', 'ABc12 Ωxy', 'a.bbb axb',
  'AB x', 'aab abab aaa', 'mmaxbz b]a]', '-x-}]a}]', '555-1234 12345', 'line1\nline2\r\n'];

describe('RE2 and the backtracking translation agree', () => {
  it('on every pattern and input of a corpus (matches and groups)', () => {
    for (const source of PATTERNS) {
      const p = javaPattern(source);
      expect(p.re2, source).not.toBeNull();
      const { regex, groupNames } = p.js();
      for (const input of INPUTS) {
        const viaJs: (string | null)[][] = [];
        let first = -1;
        let last = 0;
        for (;;) {
          const from = last === first ? last + 1 : last;
          if (from > input.length) break;
          regex.lastIndex = from;
          let m = regex.exec(input);
          // (JsMatcher's step past a surrogate pair the 'u' flag would search from its start.)
          if (m !== null && m.index < from) { regex.lastIndex = from + 1; m = regex.exec(input); }
          if (m === null) break;
          first = m.index;
          last = m.index + m[0].length;
          viaJs.push([String(m.index), m[0], ...groupNames.slice(1).map((n) => m.groups?.[n] ?? null)]);
        }
        const viaRe2 = findAll(p, input).map((m) => [String(m.index), ...Array.from(m, (g) => g ?? null)]);
        expect(viaRe2, `${source} on ${JSON.stringify(input)}`).toEqual(viaJs);
      }
    }
  });

  it('a character outside the BMP is one character to RE2, as to Java', () => {
    expect(call(fn('REGEXP_EXTRACT_ALL'), S(2), '.', 'x\u{1F600}y')).toEqual(['x', '\u{1F600}', 'y']);
    expect(call(fn('REGEXP_EXTRACT'), S(2), '\\x{1F600}+', 'x\u{1F600}\u{1F600}y')).toBe('\u{1F600}\u{1F600}');
  });

  it('where the JS translation approximates Java, RE2 is exact: \\S inside a class is Java\'s non-space', () => {
    expect(call(fn('REGEXP_EXTRACT'), S(2), '[\\S]+', ' a\u00a0b ')).toBe('a\u00a0b');
  });
});
