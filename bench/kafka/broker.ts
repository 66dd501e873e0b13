// The benchmark's broker: KAFKA_BROKERS if set, else a private single-node broker started with
// scripts/local-kafka.sh on a free port and stopped by stop() — and, as a safety net, by the
// script's watcher once this process is gone (KAFKA_STOP_WITH_PID), even after a crash or kill.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../ml/datasets.js';

const run = promisify(execFile);

export interface Broker {
  brokers: string[];
  /** The broker's version when we started it ('external' otherwise). */
  kafkaVersion: string;
  stop(): Promise<void>;
}

export async function startBroker(): Promise<Broker> {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS.split(','), kafkaVersion: 'external', stop: async () => {} };
  }
  const script = join(repoRoot(), 'scripts', 'local-kafka.sh');
  const port = process.env.KAFKA_PORT ? Number(process.env.KAFKA_PORT) : await freePort(19392);
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_STOP_WITH_PID: String(process.pid) };
  // The first start on a machine downloads the jars with Maven: allow it minutes.
  await run(script, ['start'], { env, timeout: 15 * 60_000 }).catch((e: { stderr?: string; message: string }) => {
    throw new Error(`scripts/local-kafka.sh start failed:\n${e.stderr || e.message}`);
  });
  let stopped = false;
  return {
    brokers: [`127.0.0.1:${port}`],
    kafkaVersion: process.env.KAFKA_VERSION ?? pomVersion(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await run(script, ['stop'], { env, timeout: 60_000 });
    },
  };
}

/** The Kafka version local-kafka.sh runs by default (scripts/kafka/pom.xml). */
function pomVersion(): string {
  const pom = readFileSync(join(repoRoot(), 'scripts', 'kafka', 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown';
}

/** The first port from `from` up that is free with the one after it (the KRaft controller's). */
async function freePort(from: number): Promise<number> {
  for (let p = from; p < from + 500; p++) if ((await bindable(p)) && (await bindable(p + 1))) return p;
  throw new Error(`no free port pair in ${from}..${from + 500}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}
