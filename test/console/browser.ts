// Debian's Chromium for the console tests, driven by puppeteer-core: installed by
// scripts/browser/chromium.sh (apt, the first time), started headless with the flags this
// machine's closed network needs (no background connections), in a fresh profile.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/browser/chromium.sh', import.meta.url));

export interface TestBrowser { browser: Browser; close(): Promise<void> }

export async function startBrowser(): Promise<TestBrowser> {
  const { stdout } = await run(SCRIPT, [], { timeout: 600_000 });
  const profile = mkdtempSync(join(tmpdir(), 'eddy-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: stdout.trim(),
    headless: true,
    protocolTimeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where tests put screenshots for people to look at (git-ignored). */
export function artifactPath(name: string): string {
  return fileURLToPath(new URL(`../../.cache/artifacts/console/${name}`, import.meta.url));
}
