// The QTT conformance runner:
//   node dist/test/conformance/run-qtt.js DIR [--files LIST] [--filter REGEX] [--verbose]
//        [--json PATH] [--timeout MS] [--write-expected]
// DIR holds the case files (default: $QTT_CASES, else the shared corpus if present); LIST is a file with one case-file name per line (e.g.
// core_phase1_files.txt; '#' starts a comment) or a comma list. Prints one line per file,
// `PASS|FAIL file.json  passed/total`, and last `N passed, M failed` over all expanded cases
// (errors and timeouts count as failed), then how the run differs case by case from
// test/conformance/expected-status.json (--write-expected records this run's statuses there).
// EDDY_QTT_DURABLE=1|restart runs the durable modes. Exits 0 after a complete run, 2 on bad
// usage; exits explicitly, so that work a timed-out case left behind cannot keep the process alive.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCaseFile } from './qtt-load.js';
import { runCase } from './qtt-execute.js';
import type { CaseOutcome, QttCase } from './qtt-types.js';
import { type CaseStatus, describeStatusDiff, diffStatus, readExpectedStatus, writeExpectedStatus } from './expected-status.js';

interface Args { dir: string; files?: string; filter?: RegExp; verbose: boolean; json?: string; timeoutMs: number; writeExpected: boolean }

interface CaseReport { id: string; status: CaseOutcome['status']; message?: string; ms: number }
interface FileReport { file: string; passed: number; total: number; loadError?: string; cases: CaseReport[] }

// The shared corpus beside the checkout: <repo>/../shared (this file runs from <repo>/dist/test/conformance).
const DEFAULT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'conformance', 'ksqldb-qtt', 'cases');

// The checked-in expected statuses, in the source tree (this file runs from <repo>/dist/test/conformance).
const EXPECTED_STATUS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'conformance', 'expected-status.json');

const USAGE = 'usage: run-qtt [DIR] [--files LIST] [--filter REGEX] [--verbose] [--json PATH] [--timeout MS] [--write-expected]';

function parseArgs(argv: string[]): Args {
  const a: Partial<Args> & { verbose: boolean; timeoutMs: number; writeExpected: boolean } = { verbose: false, timeoutMs: 30_000, writeExpected: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--files') a.files = value();
    else if (arg === '--filter') a.filter = new RegExp(value());
    else if (arg === '--verbose' || arg === '-v') a.verbose = true;
    else if (arg === '--json') a.json = value();
    else if (arg === '--timeout') a.timeoutMs = Number(value());
    else if (arg === '--write-expected') a.writeExpected = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (a.dir === undefined) a.dir = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  a.dir ??= process.env.QTT_CASES ?? (existsSync(DEFAULT_DIR) ? DEFAULT_DIR : undefined);
  if (a.dir === undefined) throw new Error('DIR is required');
  if (!Number.isFinite(a.timeoutMs) || a.timeoutMs <= 0) throw new Error('--timeout needs a positive number of ms');
  return a as Args;
}

/** LIST as a file (as given, or next to DIR), else as a comma list. */
function selectFiles(dir: string, list: string | undefined): string[] {
  if (list === undefined) return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const path = [resolve(list), join(dir, list), join(dirname(dir), list)].find((p) => existsSync(p) && !p.endsWith('.json'));
  const names = path
    ? readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim())
    : list.split(',').map((s) => s.trim());
  return names.filter((n) => n.length > 0);
}

async function runWithTimeout(c: QttCase, ms: number): Promise<CaseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CaseOutcome>((res) => {
    timer = setTimeout(() => res({ status: 'error', message: `timed out after ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([
      runCase(c).catch((e: unknown): CaseOutcome => ({ status: 'error', message: `runCase threw: ${describe(e)}` })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.stack ?? e.message : String(e));

const indent = (s: string): string => s.split('\n').map((l) => `      ${l}`).join('\n');

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const dir = resolve(args.dir);
  if (!existsSync(dir)) {
    console.error(`no such directory: ${dir}`);
    return 2;
  }

  const reports: FileReport[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of selectFiles(dir, args.files)) {
    const report: FileReport = { file, passed: 0, total: 0, cases: [] };
    let cases: QttCase[];
    try {
      cases = loadCaseFile(join(dir, file));
    } catch (e) {
      report.loadError = (e as Error).message;
      reports.push(report);
      console.log(`FAIL ${file}  0/0  (cannot load: ${report.loadError})`);
      continue;
    }
    if (args.filter) cases = cases.filter((c) => args.filter!.test(c.id));
    if (cases.length === 0) continue;

    for (const c of cases) {
      const started = Date.now();
      const outcome = await runWithTimeout(c, args.timeoutMs);
      report.cases.push({ id: c.id, status: outcome.status, ...(outcome.message ? { message: outcome.message } : {}), ms: Date.now() - started });
      if (outcome.status === 'pass') report.passed++;
    }
    report.total = cases.length;
    passed += report.passed;
    failed += report.total - report.passed;
    reports.push(report);

    console.log(`${report.passed === report.total ? 'PASS' : 'FAIL'} ${file}  ${report.passed}/${report.total}`);
    if (args.verbose) {
      for (const c of report.cases) {
        if (c.status !== 'pass') console.log(`  ${c.status.toUpperCase()} ${c.id}${c.message ? '\n' + indent(c.message) : ''}`);
      }
    }
  }

  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ dir, passed, failed, total: passed + failed, files: reports }, null, 2) + '\n');
  }
  console.log(`${passed} passed, ${failed} failed`);

  const statuses = new Map<string, CaseStatus>();
  for (const r of reports) for (const c of r.cases) statuses.set(c.id, c.status === 'pass' ? 'pass' : 'fail');
  if (args.writeExpected) {
    writeExpectedStatus(EXPECTED_STATUS, statuses);
    console.log(`wrote ${statuses.size} case statuses to ${EXPECTED_STATUS}`);
  } else if (existsSync(EXPECTED_STATUS)) {
    const diff = describeStatusDiff(diffStatus(readExpectedStatus(EXPECTED_STATUS), statuses), 'against expected-status.json');
    console.log(diff ?? 'every case as expected-status.json expects');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => { console.error(describe(e)); process.exit(1); },
);
