// vitest globalSetup for the tests that need a Kafka broker (see kafka-broker.ts, which they
// call). With KAFKA_BROKERS set, they use that cluster. Otherwise this picks a free port, and the
// first Kafka test to run starts a single-node broker there with scripts/local-kafka.sh (Java 17+
// and Maven needed; the first start downloads the jars), so runs without Kafka tests start
// nothing. Teardown stops the broker. EDDY_KAFKA_TESTS=0 turns the Kafka tests off (they show
// as skipped); a broker that cannot start fails them: CI has Java, so that is an error.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/**
 * A free port (with a free one after it, for the controller) below the range the OS hands out
 * to client sockets, so no outgoing connection takes it before the broker binds it. (Also used
 * by private-broker.ts.)
 */
export async function freePort(): Promise<number> {
  let low = 32768;
  try {
    low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: assume the usual range
  }
  const from = 10_000;
  const to = Math.max(from + 1000, low - 10);
  for (let i = 0; i < 200; i++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if ((await bindable(port)) && (await bindable(port + 1))) return port;
  }
  throw new Error('no free port for the test Kafka broker');
}

function bindable(port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}
