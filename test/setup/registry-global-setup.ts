// vitest globalSetup for the tests that need a schema registry (see registry-fixture.ts, which
// they call). With SCHEMA_REGISTRY_URL set (a Confluent-compatible base URL, e.g.
// http://localhost:8081 or Apicurio's .../apis/ccompat/v7), they use that registry. Otherwise
// this picks a free port, and the first registry test to run starts Apicurio there with
// scripts/local-registry.sh (Java 17+ and curl needed; the first start downloads about 140 MB),
// so runs without registry tests start nothing. Teardown stops it. EDDY_REGISTRY_TESTS=0 turns
// the registry tests off (they show as skipped); a registry that cannot start fails them.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { GlobalSetupContext } from 'vitest/node';
import { freePort } from './kafka-global-setup.js';
import type { RegistrySetup } from '../registry/registry-fixture.js';

declare module 'vitest' {
  export interface ProvidedContext {
    registry: RegistrySetup;
  }
}

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/local-registry.sh', import.meta.url));

export default async function setup({ provide }: GlobalSetupContext): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SCHEMA_REGISTRY_URL) {
    provide('registry', { url: process.env.SCHEMA_REGISTRY_URL });
    return undefined;
  }
  if (process.env.EDDY_REGISTRY_TESTS === '0') {
    provide('registry', { url: '' });
    return undefined;
  }
  const port = await freePort();
  // The registry outlives the worker that starts it: tie it to this (the main vitest) process.
  provide('registry', {
    url: `http://127.0.0.1:${port}/apis/ccompat/v7`,
    start: { script: SCRIPT, port, stopWithPid: process.pid },
  });
  return async () => {
    // A no-op (a few ms) when no registry test ran.
    await run(SCRIPT, ['stop'], { env: { ...process.env, REGISTRY_PORT: String(port) }, timeout: 60_000 }).catch((e: { stderr?: string }) => {
      console.error(`stopping the test schema registry failed: ${e.stderr ?? String(e)}`);
    });
  };
}
