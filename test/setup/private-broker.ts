// A Kafka broker of a test file's own (not the run's shared one from kafka-broker.ts), for tests
// that stop and start it: scripts/local-kafka.sh on a free port, with its data in a directory of
// its own (KAFKA_DATA_DIR), so topics, records and committed offsets survive a stop and start.
// The broker is tied to this worker process (KAFKA_STOP_WITH_PID), so a crashed run does not
// leave it behind; destroy() stops it and deletes its data.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './kafka-global-setup.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/local-kafka.sh', import.meta.url));

export class PrivateBroker {
  private constructor(readonly port: number, readonly dataDir: string) {}

  /** Picks a free port and a fresh data directory, and starts the broker there. */
  static async start(): Promise<PrivateBroker> {
    // Not "eddy-kafka-*": local-kafka.sh prunes stale state dirs by that name.
    const b = new PrivateBroker(await freePort(), mkdtempSync(join(tmpdir(), 'eddy-private-broker-')));
    await b.start();
    return b;
  }

  get brokers(): string[] { return [`127.0.0.1:${this.port}`]; }

  /** Starts the broker (again) on the same port and data directory; resolves once it answers. */
  async start(): Promise<void> {
    await this.script('start', { KAFKA_STOP_WITH_PID: String(process.pid) });
  }

  /** Stops the broker (a clean shutdown); its data stays for the next start(). */
  async stop(): Promise<void> {
    await this.script('stop');
  }

  /** Stops the broker if it runs and deletes its data. Never throws (for afterAll). */
  async destroy(): Promise<void> {
    try {
      await this.script('stop');
    } catch (e) {
      console.error(`stopping the private Kafka broker on port ${this.port} failed: ${(e as Error).message}`);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async script(command: 'start' | 'stop', env: Record<string, string> = {}): Promise<void> {
    try {
      await run(SCRIPT, [command], {
        env: { ...process.env, ...env, KAFKA_PORT: String(this.port), KAFKA_DATA_DIR: this.dataDir },
        timeout: 15 * 60_000, // a first start downloads the jars
      });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`scripts/local-kafka.sh ${command} (port ${this.port}) failed:\n${err.stderr || err.message}`);
    }
  }
}
