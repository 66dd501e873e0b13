// The clients that read the backlog, each timed from its start (connect, or psql's launch) to
// its last row: node-postgres row by row, psql's COPY ... TO STDOUT, and Eddy's REST
// /query-stream. Each checks it got every row, so a fast wrong answer cannot pass for a result.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { benchAgent, post } from '../rest/http.js';
import type { BenchServer } from './bench-server.js';

export interface ReadResult {
  rows: number;
  wallSeconds: number;
  /** CPU seconds of the client: this process for pg and REST, the psql process for COPY. */
  clientCpuSeconds: number;
}

export interface ReadSpec {
  /** Statements sent first on the same connection (Eddy: read from the earliest offset). */
  setup: string[];
  sql: string;
  expectedRows: number;
  timeoutMs: number;
}

/** node-postgres, a plain Query whose rows arrive as 'row' events (none accumulated). */
export async function readWithPg(server: BenchServer, spec: ReadSpec): Promise<ReadResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const client = new pg.Client({ host: '127.0.0.1', port: server.pgPort, user: server.user, database: server.database, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // a timeout's end(); the query's own error is what we report
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; void client.end().catch(() => undefined); }, spec.timeoutMs);
  try {
    await client.connect();
    for (const s of spec.setup) await client.query(s);
    let rows = 0;
    let idSum = 0;
    await new Promise<void>((resolve, reject) => {
      const q = client.query(new pg.Query({ text: spec.sql, rowMode: 'array' }));
      q.on('row', (row: unknown[]) => { rows++; idSum += Number(row[0]); });
      q.on('end', () => resolve());
      q.on('error', reject);
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const n = spec.expectedRows;
    if (rows !== n || idSum !== (n * (n - 1)) / 2) throw new Error(`pg got ${rows} of ${n} rows (id sum ${idSum}, expected ${(n * (n - 1)) / 2})`);
    const cpu = process.cpuUsage(cpu0);
    return { rows, wallSeconds, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } catch (e) {
    throw timedOut ? new Error(`pg read of ${spec.expectedRows} rows took over ${spec.timeoutMs / 1000} s`) : e;
  } finally {
    clearTimeout(timer);
    await client.end().catch(() => undefined);
  }
}

/**
 * psql -c SETUP... -c "COPY (...) TO STDOUT", its output counted (a line a row). bash's `times`
 * prints psql's CPU seconds (the shell's children) on stderr after it exits.
 */
export function readWithPsqlCopy(server: BenchServer, spec: ReadSpec): Promise<ReadResult> {
  const psqlArgs = ['-h', '127.0.0.1', '-p', String(server.pgPort), '-U', server.user, '-d', server.database, '-X', '-q',
    '-v', 'ON_ERROR_STOP=1', ...spec.setup.flatMap((s) => ['-c', s]), '-c', spec.sql];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', 'psql "$@"; s=$?; times >&2; exit $s', 'bash', ...psqlArgs],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
    let rows = 0;
    let err = '';
    let timedOut = false;
    child.stdout!.on('data', (b: Buffer) => {
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) rows++;
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => { err = (err + s).slice(-4096); });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, spec.timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('close', (code) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - t0) / 1000;
      if (timedOut) return reject(new Error(`psql COPY of ${spec.expectedRows} rows took over ${spec.timeoutMs / 1000} s`));
      if (code !== 0) return reject(new Error(`psql exited with ${code}: ${err.trim()}`));
      if (rows !== spec.expectedRows) return reject(new Error(`psql COPY printed ${rows} of ${spec.expectedRows} rows: ${err.trim()}`));
      // `times`: the shell's user/sys on one line, its children's on the next ("0m0.120s 0m0.030s").
      const t = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(err);
      const clientCpuSeconds = t ? Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4]) : NaN;
      resolve({ rows, wallSeconds, clientCpuSeconds });
    });
  });
}

/** Eddy's REST API: POST /query-stream (delimited: a metadata line, then a line a row). */
export async function readWithRest(restUrl: string, spec: ReadSpec, properties: Record<string, string>): Promise<ReadResult> {
  const agent = benchAgent(1);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { req, response } = post(agent, restUrl, '/query-stream',
    { 'content-type': 'application/json', accept: 'application/vnd.ksqlapi.delimited.v1' },
    JSON.stringify({ sql: spec.sql, properties }));
  const timer = setTimeout(() => req.destroy(new Error(`REST read of ${spec.expectedRows} rows took over ${spec.timeoutMs / 1000} s`)), spec.timeoutMs);
  try {
    const res = await response;
    let lines = 0;
    let head = '';
    for await (const b of res as AsyncIterable<Buffer>) {
      if (lines === 0) head += b.toString('utf8', 0, Math.min(b.length, 300));
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    }
    const wallSeconds = (performance.now() - t0) / 1000;
    const rows = lines - 1; // the metadata line
    if (res.statusCode !== 200 || rows !== spec.expectedRows) {
      throw new Error(`/query-stream answered ${res.statusCode} with ${rows} of ${spec.expectedRows} rows: ${head.slice(0, 300)}`);
    }
    const cpu = process.cpuUsage(cpu0);
    return { rows, wallSeconds, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } finally {
    clearTimeout(timer);
    agent.destroy();
  }
}
