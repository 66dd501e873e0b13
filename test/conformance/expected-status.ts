// The per-case expected status of ksqlDB's QTT cases (expected-status.json beside this file):
// every expanded case id → 'pass' | 'fail', as the last accepted run left them. A total hides a
// case that starts failing while another starts passing; comparing case by case names it.
// The runner writes the file (`npm run conformance -- --write-expected`); the conformance test
// compares each run with it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export type CaseStatus = 'pass' | 'fail';

export interface StatusFile {
  /** How to regenerate it, for whoever reads the file. */
  comment: string;
  cases: Record<string, CaseStatus>;
}

export interface StatusDiff {
  /** Expected to pass, failed now. */
  regressed: string[];
  /** Expected to fail (or not listed), passed now: the file needs updating. */
  newlyPassing: string[];
  /** Not in the file at all. */
  unlisted: string[];
}

export const UPDATE_COMMAND = 'npx tsc -p tsconfig.json && npm run conformance -- --write-expected';

export function readExpectedStatus(path: string): Map<string, CaseStatus> {
  if (!existsSync(path)) return new Map();
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as StatusFile;
  const out = new Map<string, CaseStatus>();
  for (const [id, s] of Object.entries(parsed.cases ?? {})) {
    if (s !== 'pass' && s !== 'fail') throw new Error(`${path}: case "${id}" has status ${JSON.stringify(s)}, expected "pass" or "fail"`);
    out.set(id, s);
  }
  return out;
}

/** Writes `actual` over the file's entries (cases not run keep theirs), sorted by id. */
export function writeExpectedStatus(path: string, actual: ReadonlyMap<string, CaseStatus>): void {
  const merged = readExpectedStatus(path);
  for (const [id, s] of actual) merged.set(id, s);
  const cases: Record<string, CaseStatus> = {};
  for (const id of [...merged.keys()].sort()) cases[id] = merged.get(id)!;
  const file: StatusFile = { comment: `Per-case status of ksqlDB's QTT cases. Regenerate: ${UPDATE_COMMAND}`, cases };
  writeFileSync(path, JSON.stringify(file, null, 1) + '\n');
}

export function diffStatus(expected: ReadonlyMap<string, CaseStatus>, actual: ReadonlyMap<string, CaseStatus>): StatusDiff {
  const diff: StatusDiff = { regressed: [], newlyPassing: [], unlisted: [] };
  for (const [id, s] of actual) {
    const e = expected.get(id);
    if (e === undefined) diff.unlisted.push(id);
    if (s === 'fail' && e === 'pass') diff.regressed.push(id);
    if (s === 'pass' && e !== 'pass') diff.newlyPassing.push(id);
  }
  return diff;
}

/** A readable account of a diff, or undefined when the run matches the file. */
export function describeStatusDiff(diff: StatusDiff, what: string): string | undefined {
  const parts: string[] = [];
  if (diff.regressed.length > 0) {
    parts.push(`${diff.regressed.length} case(s) passed before and fail now (${what}):\n${diff.regressed.map((id) => `  ${id}`).join('\n')}`);
  }
  if (diff.newlyPassing.length > 0) {
    parts.push(`${diff.newlyPassing.length} case(s) pass now that expected-status.json lists as failing (${what}): ` +
      `update the file with \`${UPDATE_COMMAND}\`:\n${diff.newlyPassing.map((id) => `  ${id}`).join('\n')}`);
  }
  const unlistedOnly = diff.unlisted.filter((id) => !diff.newlyPassing.includes(id));
  if (unlistedOnly.length > 0) {
    parts.push(`${unlistedOnly.length} case(s) are not in expected-status.json: update it with \`${UPDATE_COMMAND}\`:\n${unlistedOnly.map((id) => `  ${id}`).join('\n')}`);
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}
