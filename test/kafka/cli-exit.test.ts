// `eddy run` and `eddy server` on the broker exit as soon as they are done (a script's last
// statement, SIGINT/SIGTERM): they close their queries (leaving the consumer groups) and every
// connection. A connection left open kept the process alive until the broker dropped it as idle,
// ten minutes later — so these tests fail by their timeout when that comes back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { main } from '../../server/cli/main.js';
import { serverCommand } from '../../server/cli/server-command.js';
import { parseArgs } from '../../server/cli/args.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix } from './engine-on-kafka-helpers.js';
import { BIN, ROOT, file, isBuilt, spawnEddy } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** Connections of this process to the broker (sockets to its port). */
const brokerSockets = (port: number): number =>
  (process as unknown as { _getActiveHandles(): { remotePort?: number; destroyed?: boolean }[] })._getActiveHandles()
    .filter((h) => h.remotePort === port && !h.destroyed).length;

describe.skipIf(!kafkaEnabled)('the CLI on Kafka exits when it is done', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);
  const port = () => Number(brokers[0].split(':').pop());
  const children: ChildProcess[] = [];
  afterAll(() => { for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL'); });

  it.skipIf(!isBuilt())('eddy run of SHOW STREAMS on a new service prints the system streams and exits with 0', async () => {
    const sql = file('show.sql', 'SHOW STREAMS;\n');
    const r = await spawnEddy(['run', '--brokers', brokers.join(','), '--service-id', `exit_${freshSuffix()}`, sql], '', 55_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EDDY_PROCESSING_LOG');
  });

  it.skipIf(!isBuilt())('eddy run of a script with a persistent query prints its results and exits with 0', async () => {
    const s = freshSuffix();
    const sql = file('query.sql', `
      CREATE STREAM s_${s} (id STRING KEY, v INT) WITH (KAFKA_TOPIC='in_${s}', VALUE_FORMAT='JSON', PARTITIONS=2);
      CREATE TABLE c_${s} AS SELECT id, COUNT(*) AS n FROM s_${s} GROUP BY id;
      INSERT INTO s_${s} (id, v) VALUES ('a', 1);
      INSERT INTO s_${s} (id, v) VALUES ('a', 2);
      SELECT * FROM c_${s};`);
    const r = await spawnEddy(['run', '--brokers', brokers.join(','), '--service-id', `exit_${s}`, '--output', 'jsonl', sql], '', 55_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"N":2');
  });

  it.skipIf(!isBuilt())('eddy server stops and exits with 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'server', '--brokers', brokers.join(','), '--service-id', `exit_${freshSuffix()}`, '--http-port', '0', '--pg-port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let err = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); if (err.includes('Eddy server on')) resolve(); });
      void exited.then(() => reject(new Error(`eddy server exited before it started:\n${err}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toContain('Eddy server stopping.');
  });

  it('eddy run leaves no connection to the broker open when it returns', async () => {
    const before = brokerSockets(port());
    const sql = file('show2.sql', 'SHOW STREAMS;\n');
    const out: string[] = [];
    const code = await main(['run', '--brokers', brokers.join(','), '--service-id', `exit_${freshSuffix()}`, sql], { stdout: (l) => out.push(l), stderr: (l) => out.push(l) });
    expect(code).toBe(0);
    expect(brokerSockets(port())).toBe(before);
  });

  it('eddy server leaves no connection to the broker open once stopped, nor when it cannot start', async () => {
    const before = brokerSockets(port());
    let stop!: () => void;
    const stopped = new Promise<void>((r) => { stop = r; });
    const out: string[] = [];
    const running = serverCommand(parseArgs(['--brokers', brokers.join(','), '--service-id', `exit_${freshSuffix()}`, '--http-port', '0', '--pg-port', '0'], new Set()),
      { stdout: (l) => out.push(l), stderr: (l) => { out.push(l); if (l.startsWith('Eddy server on')) stop(); } }, stopped);
    expect(await running).toBe(0);
    expect(brokerSockets(port())).toBe(before);
    // A start that fails after connecting (here: a --functions directory that does not exist).
    const failed = await serverCommand(parseArgs(['--brokers', brokers.join(','), '--service-id', `exit_${freshSuffix()}`, '--functions', '/nonexistent/eddy-fns', '--http-port', '0', '--pg-port', '0'], new Set()),
      { stdout: () => undefined, stderr: () => undefined }, new Promise(() => undefined));
    expect(failed).toBe(1);
    expect(brokerSockets(port())).toBe(before);
  });
});
