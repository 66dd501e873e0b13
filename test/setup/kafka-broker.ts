// The Kafka broker of a test run, for test files that need one: `await kafkaBrokers()` in a
// beforeAll (with a long hookTimeout: a first start downloads the broker's jars). It starts the
// broker that kafka-global-setup.ts planned, once per run (the script serialises parallel
// starts), and fails loudly if it cannot. `kafkaEnabled` is false with EDDY_KAFKA_TESTS=0.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';

export interface KafkaSetup {
  /** Bootstrap servers; empty when Kafka tests are off. */
  brokers: string[];
  /** Set when the run's own broker is to be started on first use. */
  start?: { script: string; port: number; stopWithPid: number };
}

const run = promisify(execFile);

export const kafkaEnabled: boolean = inject('kafka').brokers.length > 0;

let started: Promise<string[]> | undefined;

export function kafkaBrokers(): Promise<string[]> {
  started ??= startBroker();
  return started;
}

async function startBroker(): Promise<string[]> {
  const { brokers, start } = inject('kafka');
  if (brokers.length === 0) throw new Error('Kafka tests are off (EDDY_KAFKA_TESTS=0)');
  if (!start) return brokers;
  const t0 = Date.now();
  try {
    await run(start.script, ['start'], {
      env: { ...process.env, KAFKA_PORT: String(start.port), KAFKA_STOP_WITH_PID: String(start.stopWithPid) },
      timeout: 15 * 60_000,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`could not start the test Kafka broker (scripts/local-kafka.sh start):\n${err.stderr || err.message}`);
  }
  if (process.env.EDDY_KAFKA_VERBOSE) console.log(`kafka broker on 127.0.0.1:${start.port} ready after ${Date.now() - t0} ms`);
  return brokers;
}
