// Shared by the CLI tests: `eddy` run in-process with captured output, scripts written to a
// temporary directory, and the real binary spawned as a child process.
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll } from 'vitest';
import { main } from '../../server/cli/main.js';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'eddy.js');

export interface CliResult { code: number; stdout: string[]; stderr: string[] }

/** Runs `eddy ARGS...` in-process; each printed line (or block) is one entry. */
export async function eddy(...argv: string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'eddy-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test's temporary directory and returns its path. */
export function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Whether the compiled CLI exists (`npm install` or `npx tsc -p .` builds it). */
export function isBuilt(): boolean {
  return existsSync(join(ROOT, 'dist', 'server', 'cli', 'main.js'));
}

export interface SpawnResult { code: number | null; stdout: string; stderr: string }

/** Spawns `node bin/eddy.js ARGS...`, writes `input` to its stdin, and waits for it to exit. */
export function spawnEddy(argv: string[], input = '', timeoutMs = 20000): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`eddy ${argv.join(' ')} did not exit within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(input);
  });
}
