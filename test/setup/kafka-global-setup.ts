// vitest globalSetup for the tests that need a Kafka broker (see kafka-broker.ts, which they
// call). With KAFKA_BROKERS set, they use that cluster. Otherwise this picks a free port, and the
// first Kafka test to run starts a single-node broker there with scripts/local-kafka.sh (Java 17+
// and Maven needed; the first start downloads the jars), so runs without Kafka tests start
// nothing. Teardown stops the broker. EDDY_KAFKA_TESTS=0 turns the Kafka tests off (they show
// as skipped); a broker that cannot start fails them: CI has Java, so that is an error.

import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { GlobalSetupContext } from 'vitest/node';
import type { KafkaSetup } from './kafka-broker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kafka: KafkaSetup;
  }
}

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/local-kafka.sh', import.meta.url));

export default async function setup({ provide }: GlobalSetupContext): Promise<(() => Promise<void>) | undefined> {
  if (process.env.KAFKA_BROKERS) {
    provide('kafka', { brokers: process.env.KAFKA_BROKERS.split(',') });
    return undefined;
  }
  if (process.env.EDDY_KAFKA_TESTS === '0') {
    provide('kafka', { brokers: [] });
    return undefined;
  }
  const port = await freePort();
  // The broker outlives the worker that starts it: tie it to this (the main vitest) process.
  provide('kafka', { brokers: [`127.0.0.1:${port}`], start: { script: SCRIPT, port, stopWithPid: process.pid } });
  return async () => {
    // A no-op (a few ms) when no Kafka test ran.
    await run(SCRIPT, ['stop'], { env: { ...process.env, KAFKA_PORT: String(port) }, timeout: 60_000 }).catch((e: { stderr?: string }) => {
      console.error(`stopping the test Kafka broker failed: ${e.stderr ?? String(e)}`);
    });
  };
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}
