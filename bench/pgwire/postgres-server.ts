// The baseline: a throwaway PostgreSQL 15 cluster in a temp dir (initdb, trust auth, fsync off,
// its unix socket in the temp dir, TCP on a free 127.0.0.1 port) holding table T with the same
// rows as Eddy's stream. Postgres refuses to run as root: as root, it runs as the `postgres`
// user. setpriv's --pdeathsig stops it (fast shutdown) even if the benchmark dies unannounced.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { childPids, cpuSeconds, memory } from './proc-stats.js';
import { until, type BenchServer } from './bench-server.js';

const run = promisify(execFile);
const PG_BIN = process.env.EDDY_BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const INITDB_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const SETTLE_TIMEOUT_MS = 10_000;
export const POSTGRES_TABLE = 't';

export function postgresInstalled(): boolean {
  return existsSync(join(PG_BIN, 'postgres')) && existsSync(join(PG_BIN, 'initdb'));
}

export interface PostgresServer extends BenchServer { version: string }

export async function startPostgres(maxConnections: number): Promise<PostgresServer> {
  const dir = mkdtempSync('/tmp/eddy-bench-pg-');
  const data = join(dir, 'data');
  let log = '';
  let child: ReturnType<typeof spawn> | undefined;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const c = child;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => c.kill('SIGKILL'), STOP_TIMEOUT_MS);
        c.once('exit', () => { clearTimeout(timer); resolve(); });
        c.kill('SIGINT'); // fast shutdown: ends the backends, no checkpoint wait
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const as = runAs(dir);
    await run('setpriv', [...as, join(PG_BIN, 'initdb'), '-D', data, '-U', 'eddy', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
      { timeout: INITDB_TIMEOUT_MS }).catch((e: { stderr?: string; message: string }) => {
      throw new Error(`initdb failed: ${e.stderr || e.message}`);
    });
    const port = await freePort();
    child = spawn('setpriv', [...as, '--pdeathsig', 'SIGINT', join(PG_BIN, 'postgres'), '-D', data, '-p', String(port), '-k', dir,
      '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'autovacuum=off', '-c', `max_connections=${maxConnections}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => { log = (log + s).slice(-8192); });
    const started = child;
    const ready = await Promise.race([
      until(() => log.includes('ready to accept connections'), START_TIMEOUT_MS),
      new Promise<boolean>((resolve) => started.once('exit', () => resolve(false))),
    ]);
    if (!ready) throw new Error(`postgres did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`);
    // setpriv execs postgres: the child's pid is the postmaster's.
    const pid = started.pid!;
    const tree = (): number[] => [pid, ...childPids(pid)];
    const version = execFileSync(join(PG_BIN, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
    return {
      name: 'postgres', pgPort: port, user: 'eddy', database: 'postgres', version,
      // Live processes, plus the backends that exited (reaped by the postmaster: its cutime/cstime).
      cpuSeconds: () => cpuSeconds(pid, true) + childPids(pid).reduce((s, c) => s + (cpuSeconds(c) || 0), 0),
      memory: () => memory(tree()),
      settle: () => until(() => clientBackends(pid) === 0, SETTLE_TIMEOUT_MS),
      log: () => log,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Creates table T (id int, name text, v float8) holding rows 0..rows-1, as Eddy's stream does. */
export async function preloadPostgres(server: PostgresServer, rows: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port: server.pgPort, user: server.user, database: server.database,
    connectionTimeoutMillis: 10_000, query_timeout: 120_000 });
  await client.connect();
  try {
    await client.query(`CREATE TABLE ${POSTGRES_TABLE} (id int, name text, v double precision)`);
    await client.query(`INSERT INTO ${POSTGRES_TABLE} SELECT g, 'name-' || g, g * 0.5 FROM generate_series(0, $1::int - 1) g`, [rows]);
    await client.query(`VACUUM ANALYZE ${POSTGRES_TABLE}`); // hint bits set now, not by the first measured read
  } finally {
    await client.end();
  }
}

/** As root: setpriv to the `postgres` user, owner of the temp dir. Otherwise ourselves. */
function runAs(dir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  const uid = id('-u');
  const gid = id('-g');
  chownSync(dir, uid, gid);
  return ['--reuid', String(uid), '--regid', String(gid), '--init-groups'];
}

/**
 * Backends serving a client (their process title names the client's address), and exited ones
 * not reaped yet (zombies: their CPU is not in the postmaster's cutime yet).
 */
function clientBackends(postmaster: number): number {
  return childPids(postmaster).filter((c) => {
    try {
      const cmdline = readFileSync(`/proc/${c}/cmdline`, 'utf8');
      return cmdline === '' || /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]/.test(cmdline);
    } catch {
      return false;
    }
  }).length;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
