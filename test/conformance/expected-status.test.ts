import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseStatus, describeStatusDiff, diffStatus, readExpectedStatus, writeExpectedStatus } from './expected-status.js';

const m = (o: Record<string, CaseStatus>): Map<string, CaseStatus> => new Map(Object.entries(o));

describe('the per-case expected status of the QTT cases', () => {
  it('names a case that passed before and fails now, even when another newly passes', () => {
    const diff = diffStatus(m({ a: 'pass', b: 'fail', c: 'pass' }), m({ a: 'fail', b: 'pass', c: 'pass' }));
    expect(diff.regressed).toEqual(['a']);
    expect(diff.newlyPassing).toEqual(['b']);
    const text = describeStatusDiff(diff, 'embedded')!;
    expect(text).toMatch(/1 case\(s\) passed before and fail now \(embedded\):\n {2}a/);
    expect(text).toMatch(/pass now .* update the file with `.*--write-expected`:\n {2}b/);
  });

  it('says nothing when every case ends as expected', () => {
    expect(describeStatusDiff(diffStatus(m({ a: 'pass', b: 'fail' }), m({ a: 'pass', b: 'fail' })), 'x')).toBeUndefined();
  });

  it('asks for an update when a case is not listed', () => {
    expect(describeStatusDiff(diffStatus(m({}), m({ z: 'fail' })), 'x')).toMatch(/1 case\(s\) are not in expected-status.json[^]*\n {2}z/);
  });

  it('writes statuses over the file, keeping the cases this run did not cover', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'qtt-status-')), 'expected-status.json');
    writeExpectedStatus(path, m({ b: 'fail', a: 'pass' }));
    writeExpectedStatus(path, m({ b: 'pass' }));
    expect([...readExpectedStatus(path)]).toEqual([['a', 'pass'], ['b', 'pass']]);
  });

  it('refuses a file with a status it does not know', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'qtt-status-')), 'expected-status.json');
    writeFileSync(path, JSON.stringify({ cases: { a: 'passed' } }));
    expect(() => readExpectedStatus(path)).toThrow(/case "a" has status "passed"/);
  });
});
