// Parses every statement of ksqlDB's own query-validation tests (QTT): statements of passing
// cases must parse and survive a print/parse round trip; cases ksqlDB rejects with a
// ParseFailedException should mostly be rejected here too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStatement, parseStatement } from '../../grammar/index.js';
import { withoutSpans } from './helpers.js';

const DIR = '/work/shared/conformance/ksqldb-qtt/cases';

/** Statement kinds ksqlDB has and Eddy deliberately does not (no AST for them). */
const UNSUPPORTED = /^\s*(CREATE\s+TYPE|DROP\s+TYPE|ALTER\s|ASSERT\s|CREATE\s+(SINK|SOURCE)\s+CONNECTOR|DROP\s+CONNECTOR|RUN\s+SCRIPT)/i;

interface QttCase { name: string; statements: string[]; format?: string[]; config?: string[]; expectedException?: { type?: string } }

/** QTT files are Jackson JSON: `//` comments allowed outside strings. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true; out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

function loadCases(): { file: string; test: QttCase }[] {
  const cases: { file: string; test: QttCase }[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(stripComments(readFileSync(join(DIR, file), 'utf8'))) as { tests: QttCase[] };
    for (const test of json.tests) cases.push({ file, test });
  }
  return cases;
}

function instantiate(sql: string, test: QttCase): string {
  return sql.replace(/\{FORMAT\}/g, test.format?.[0] ?? 'JSON').replace(/\{CONFIG\}/g, test.config?.[0] ?? 'true');
}

function tryParse(sql: string): string | undefined {
  try { parseStatement(sql); return undefined; } catch (e) { return (e as Error).message; }
}

describe.skipIf(!existsSync(DIR))('QTT corpus', () => {
  const cases = existsSync(DIR) ? loadCases() : [];

  it('parses and round-trips the statements of passing cases', () => {
    const seen = new Set<string>();
    const failures: string[] = [];
    let total = 0;
    const skipped = cases.filter(({ test }) => !test.expectedException && test.statements.some((sql) => UNSUPPORTED.test(sql))).length;
    for (const { file, test } of cases) {
      // Cases that define their own types (CREATE TYPE) are out of scope as a whole.
      if (test.expectedException || test.statements.some((sql) => UNSUPPORTED.test(sql))) continue;
      for (const raw of test.statements) {
        const sql = instantiate(raw, test);
        if (seen.has(sql)) continue;
        seen.add(sql);
        total++;
        try {
          const first = parseStatement(sql);
          const printed = formatStatement(first);
          let second;
          try { second = parseStatement(printed); } catch (e) {
            failures.push(`${file}: reprint does not parse: ${(e as Error).message}\n    ${sql}\n    ${printed}`);
            continue;
          }
          if (JSON.stringify(withoutSpans(first)) !== JSON.stringify(withoutSpans(second))) {
            failures.push(`${file}: round trip changed the AST\n    ${sql}\n    ${printed}`);
          }
        } catch (e) {
          failures.push(`${file}: ${(e as Error).message}\n    ${sql}`);
        }
      }
    }
    const rate = (total - failures.length) / total;
    console.log(`QTT positive statements: ${total - failures.length}/${total} parse and round-trip `
      + `(${(rate * 100).toFixed(2)}%); ${skipped} cases with unsupported statement kinds skipped`);
    if (failures.length > 0) console.log(failures.join('\n'));
    expect(total).toBeGreaterThan(1500);
    expect(rate).toBeGreaterThanOrEqual(0.999);
  });

  it('rejects most cases ksqlDB fails with a ParseFailedException', () => {
    const parseFailures = cases.filter(({ test }) => /ParseFailedException/.test(test.expectedException?.type ?? ''));
    const accepted: string[] = [];
    for (const { file, test } of parseFailures) {
      const statements = test.statements.map((s) => instantiate(s, test));
      if (!statements.some((sql) => tryParse(sql) !== undefined)) accepted.push(`${file}: ${test.name}\n    ${statements.at(-1)}`);
    }
    const rate = (parseFailures.length - accepted.length) / parseFailures.length;
    console.log(`QTT parse-failure cases rejected: ${parseFailures.length - accepted.length}/${parseFailures.length}`);
    if (accepted.length > 0) console.log('accepted (ksqlDB rejects these later than its grammar, or by property checks):\n' + accepted.join('\n'));
    expect(parseFailures.length).toBeGreaterThan(20);
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });

  it('parses the setup statements of other failing cases', () => {
    // In a case ksqlDB rejects at execution, the statements before the last one must be valid.
    const failures: string[] = [];
    let total = 0;
    for (const { file, test } of cases) {
      if (!test.expectedException || /ParseFailedException/.test(test.expectedException.type ?? '')) continue;
      for (const raw of test.statements.slice(0, -1)) {
        const sql = instantiate(raw, test);
        if (UNSUPPORTED.test(sql)) continue;
        total++;
        const problem = tryParse(sql);
        if (problem) failures.push(`${file}: ${problem}\n    ${sql}`);
      }
    }
    console.log(`QTT setup statements of failing cases: ${total - failures.length}/${total} parse`);
    if (failures.length > 0) console.log(failures.join('\n'));
    expect((total - failures.length) / total).toBeGreaterThanOrEqual(0.99);
  });
});
