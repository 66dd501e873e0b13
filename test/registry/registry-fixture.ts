// The schema registry of a test run, for test files that need one: `await registryUrl()` in a
// beforeAll with REGISTRY_START_MS as its timeout (a first start downloads Apicurio). It starts
// the registry that registry-global-setup.ts planned, once per run (the script serialises
// parallel starts), printing the script's progress, and fails loudly if it cannot.
// `registryEnabled` is false with EDDY_REGISTRY_TESTS=0.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';

export interface RegistrySetup {
  /** Base URL of the Confluent-compatible API; empty when registry tests are off. */
  url: string;
  /** Set when the run's own registry is to be started on first use. */
  start?: { script: string; port: number; stopWithPid: number };
}

/** How long a first start may take: download (about 140 MB) and unpack, then 3-30 s to start. */
export const REGISTRY_START_MS = 20 * 60_000;

/** What the global setup provided; without it (not in vitest.config.ts), the environment's. */
function setup(): RegistrySetup | undefined {
  const provided = inject('registry') as RegistrySetup | undefined;
  if (provided) return provided;
  if (process.env.SCHEMA_REGISTRY_URL) return { url: process.env.SCHEMA_REGISTRY_URL };
  if (process.env.EDDY_REGISTRY_TESTS === '0') return { url: '' };
  return undefined;
}

export const registryEnabled: boolean = setup()?.url !== '';

let started: Promise<string> | undefined;

/** The registry's base URL, once it answers. */
export function registryUrl(): Promise<string> {
  started ??= startRegistry();
  return started;
}

async function startRegistry(): Promise<string> {
  const s = setup();
  if (!s) {
    throw new Error('no schema registry for this run: add test/setup/registry-global-setup.ts to globalSetup in vitest.config.ts, or set SCHEMA_REGISTRY_URL');
  }
  if (s.url === '') throw new Error('schema registry tests are off (EDDY_REGISTRY_TESTS=0)');
  if (!s.start) return s.url;
  const t0 = Date.now();
  await runScript(s.start.script, {
    ...process.env, REGISTRY_PORT: String(s.start.port), REGISTRY_STOP_WITH_PID: String(s.start.stopWithPid),
  });
  if (process.env.EDDY_REGISTRY_VERBOSE) console.log(`schema registry at ${s.url} ready after ${Date.now() - t0} ms`);
  return s.url;
}

/** Runs `script start`, showing its progress lines (a download) as they come; fails with its output. */
function runScript(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(script, ['start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const lines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('local-registry: download') || line.startsWith('local-registry: unpacked')) console.log(line);
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`scripts/local-registry.sh start did not finish within ${REGISTRY_START_MS / 60_000} min:\n${lines.join('\n')}`));
    }, REGISTRY_START_MS - 10_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`could not start the test schema registry (scripts/local-registry.sh start, exit ${code}):\n${lines.join('\n')}`));
    });
  });
}
