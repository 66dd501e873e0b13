// Every ksqlDB QTT case (all 168 files, read from the shared folder beside the checkout) must
// end as test/conformance/expected-status.json says, in each of the three ways Eddy runs
// queries: a case that passed before and fails now is named here, not hidden behind a total.
// A case that newly passes fails this test too, until the file is updated (the message says how).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCaseFile } from './qtt-load.js';
import { runCase } from './qtt-execute.js';
import { type CaseStatus, describeStatusDiff, diffStatus, readExpectedStatus } from './expected-status.js';

const qtt = join(__dirname, '..', '..', '..', 'shared', 'conformance', 'ksqldb-qtt', 'cases');
const present = existsSync(qtt);
const expectedPath = join(__dirname, 'expected-status.json');

describe('ksqlDB conformance, case by case', () => {
  it.skipIf(!present && !process.env.CI).each([
    ['an embedded engine', { durable: false }],
    ['a durable service', { durable: true }],
    ['a durable service restarted halfway', { durable: true, restart: true }],
  ])('every case ends as expected-status.json says, run by %s', async (name, opts) => {
    expect(present, `the QTT corpus is missing at ${qtt}`).toBe(true);
    const expected = readExpectedStatus(expectedPath);
    expect(expected.size, `${expectedPath} is missing or empty`).toBeGreaterThan(2000);
    const actual = new Map<string, CaseStatus>();
    for (const f of readdirSync(qtt).filter((n) => n.endsWith('.json')).sort()) {
      for (const c of loadCaseFile(join(qtt, f))) {
        const outcome = await runCase(c, opts).catch(() => ({ status: 'error' as const }));
        actual.set(c.id, outcome.status === 'pass' ? 'pass' : 'fail');
      }
    }
    const problems = describeStatusDiff(diffStatus(expected, actual), name);
    expect(problems ?? 'as expected').toBe('as expected');
  }, 900_000);
});
