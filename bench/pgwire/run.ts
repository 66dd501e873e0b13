// The Postgres endpoint benchmark (npm run bench:pgwire). One `eddy server` (child process,
// embedded log) and one throwaway PostgreSQL 15 cluster (the baseline) hold the same --rows rows
// (id INT, name STRING, v DOUBLE), preloaded before any read. Phases:
//   eddy-pg        node-postgres reads `SELECT * FROM S EMIT CHANGES LIMIT n` (from the earliest
//                  offset) row by row, as 'row' events of a plain Query;
//   postgres-pg    the same client reading `SELECT * FROM t` from Postgres: eddy-pg's baseline;
//   eddy-copy      psql -c "COPY (SELECT * FROM S EMIT CHANGES LIMIT n) TO STDOUT", timed from
//                  psql's launch to its exit;
//   postgres-copy  psql -c "COPY (SELECT * FROM t) TO STDOUT": eddy-copy's baseline;
//   eddy-rest      the same push query over Eddy's REST /query-stream: the same engine through
//                  another protocol (its baseline is eddy-pg);
//   memory         --connections idle node-postgres clients (200): server memory before and with
//                  them (Eddy: its one process; Postgres: summed over postmaster and backends,
//                  RSS and PSS, as each backend is a process sharing pages with the others).
//                  Runs first, on the fresh servers.
// Reads run --runs times, interleaved (drift on a shared machine hits all alike); medians are
// printed, with the server's CPU seconds over each read (Postgres: the backends too, exited ones
// included) and rows per server CPU-second. Wall time includes connecting: a few ms of seconds.
// CPU comes from /proc in clock ticks (10 ms): Postgres reads 200k rows in 4 to 7 of them, so its
// rows per CPU-second are coarse; --rows 1000000 gives a finer ratio.
// Flags: --rows 200000 --runs 3 --connections 200 --phases eddy-pg,postgres-pg,eddy-copy,
// postgres-copy,eddy-rest,memory --set NAME=VALUE (eddy server properties) --out FILE
// (bench/pgwire/results.json). EDDY_BENCH_SERVER_NODE_ARGS: node flags for the Eddy server
// (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"; profile-summary.ts reads the result).
// EDDY_BENCH_PG_BIN: where initdb and postgres are (/usr/lib/postgresql/15/bin).
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../ml/datasets.js';
import { table } from '../ml/report.js';
import { EDDY_STREAM, preloadEddy, startEddy, type EddyServer } from './eddy-server.js';
import { POSTGRES_TABLE, postgresInstalled, preloadPostgres, startPostgres, type PostgresServer } from './postgres-server.js';
import { readWithPg, readWithPsqlCopy, readWithRest, type ReadResult, type ReadSpec } from './readers.js';
import { idleConnections, type IdleResult } from './idle-connections.js';
import { measureRead, type ReadRun } from './measure-read.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const usage = (message: string): never => {
  console.error(`bench:pgwire: ${message}`);
  process.exit(2);
};
const positive = (name: string, fallback: string): number => {
  const v = Number(flag(name, fallback));
  if (!Number.isInteger(v) || v < 1) usage(`${name} must be a positive integer, not '${flag(name, fallback)}'`);
  return v;
};
const rows = positive('--rows', '200000');
const runs = positive('--runs', '3');
const connections = positive('--connections', '200');
const ALL_PHASES = ['eddy-pg', 'postgres-pg', 'eddy-copy', 'postgres-copy', 'eddy-rest', 'memory'];
const phases = flag('--phases', ALL_PHASES.join(',')).split(',');
const unknown = phases.filter((p) => !ALL_PHASES.includes(p));
if (unknown.length > 0) usage(`--phases: unknown ${unknown.join(', ')} (known: ${ALL_PHASES.join(', ')})`);
const sets = args.flatMap((a, i) => (a === '--set' ? ['--set', args[i + 1]] : []));
const outFile = flag('--out', join(repoRoot(), 'bench', 'pgwire', 'results.json'));
const readTimeoutMs = 60_000 + rows / 2; // 2,000 rows/s at worst: far below anything seen here

const EARLIEST = "SET 'auto.offset.reset'='earliest'";
const pushQuery = `SELECT * FROM ${EDDY_STREAM} EMIT CHANGES LIMIT ${rows}`;
const spec = (setup: string[], sql: string): ReadSpec => ({ setup, sql, expectedRows: rows, timeoutMs: readTimeoutMs });

interface ReadPhase {
  id: string;
  server: 'eddy' | 'postgres';
  client: string;
  /** The phase this one's ratio is against. */
  baseline?: string;
  read(eddy: EddyServer, postgres: PostgresServer | undefined): Promise<ReadResult>;
}
const READS: ReadPhase[] = [
  { id: 'eddy-pg', server: 'eddy', client: 'node-postgres', baseline: 'postgres-pg', read: (e) => readWithPg(e, spec([EARLIEST], pushQuery)) },
  { id: 'postgres-pg', server: 'postgres', client: 'node-postgres', read: (_, p) => readWithPg(p!, spec([], `SELECT * FROM ${POSTGRES_TABLE}`)) },
  { id: 'eddy-copy', server: 'eddy', client: 'psql COPY', baseline: 'postgres-copy', read: (e) => readWithPsqlCopy(e, spec([EARLIEST], `COPY (${pushQuery}) TO STDOUT`)) },
  { id: 'postgres-copy', server: 'postgres', client: 'psql COPY', read: (_, p) => readWithPsqlCopy(p!, spec([], `COPY (SELECT * FROM ${POSTGRES_TABLE}) TO STDOUT`)) },
  { id: 'eddy-rest', server: 'eddy', client: 'REST /query-stream', baseline: 'eddy-pg',
    read: (e) => readWithRest(e.restUrl, spec([], `${pushQuery};`), { 'auto.offset.reset': 'earliest' }) },
];

type Run = ReadRun | { error: string };
const ok = (r: Run): r is ReadRun => !('error' in r);
const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const int = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
const fix = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : '-');

let eddy: EddyServer | undefined;
let postgres: PostgresServer | undefined;
const stopAll = async (): Promise<void> => {
  await Promise.all([eddy?.stop(), postgres?.stop()].map((p) => p?.catch((e: Error) => console.error(`stopping a server: ${e.message}`))));
};
// Ctrl-C or a kill still stops both servers and removes Postgres's temp dir.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => { void stopAll().finally(() => process.exit(130)); });
}

const reads = READS.filter((p) => phases.includes(p.id));
const wantPostgres = phases.some((p) => p.startsWith('postgres-') || p === 'memory');
const loadAtStart = loadavg(); // a shared machine lowers every number
console.log(`Eddy Postgres-wire benchmark: ${rows.toLocaleString('en-US')} preloaded rows read by each client, ${runs} interleaved runs, ` +
  `${phases.includes('memory') ? `${connections} idle connections` : 'no memory phase'}; node ${process.version}, ${cpus().length} CPUs, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`);

const results = new Map<string, Run[]>(reads.map((p) => [p.id, []]));
const memoryResults: { server: string; result: IdleResult | { error: string } }[] = [];
const preloadSeconds: Record<string, number> = {};
let postgresVersion: string | undefined;
try {
  eddy = await startEddy(sets);
  if (wantPostgres) {
    if (postgresInstalled()) {
      postgres = await startPostgres(connections + 20);
      postgresVersion = postgres.version;
    } else {
      console.log('PostgreSQL 15 not found (EDDY_BENCH_PG_BIN): Postgres baselines skipped');
    }
  }
  if (phases.includes('memory')) {
    for (const s of [eddy, postgres]) {
      if (!s) continue;
      const result = await idleConnections(s, connections).catch((e: Error) => ({ error: e.message }));
      memoryResults.push({ server: s.name, result });
      console.log(`  (memory) ${s.name}: ${'error' in result ? `FAILED: ${result.error}` :
        `RSS ${fix(result.before.rssMiB, 1)} → ${fix(result.connected.rssMiB, 1)} MiB with ${connections} idle connections, ${fix(result.afterClose.rssMiB, 1)} MiB after they closed`}`);
    }
  }
  if (reads.length > 0) {
    let t = performance.now();
    await preloadEddy(eddy, rows);
    preloadSeconds.eddy = (performance.now() - t) / 1000;
    if (postgres) {
      t = performance.now();
      await preloadPostgres(postgres, rows);
      preloadSeconds.postgres = (performance.now() - t) / 1000;
    }
    console.log(`  preloaded ${rows.toLocaleString('en-US')} rows: Eddy (REST /inserts-stream) ${fix(preloadSeconds.eddy, 1)} s` +
      (postgres ? `, Postgres (INSERT ... SELECT generate_series) ${fix(preloadSeconds.postgres, 1)} s` : ''));
  }
  for (let r = 1; r <= runs; r++) {
    for (const p of reads) {
      const server = p.server === 'eddy' ? eddy : postgres;
      if (!server) continue;
      let run: Run;
      try {
        run = await measureRead(server, () => p.read(eddy!, postgres));
        console.log(`  (${p.id}) run ${r}: ${int(run.rowsPerSec)} rows/s (${int(run.rows)} rows in ${fix(run.wallSeconds, 2)} s), ` +
          `server CPU ${fix(run.serverCpuSeconds, 2)} s, client CPU ${fix(run.clientCpuSeconds, 2)} s, server RSS ${fix(run.rssMiB.start, 0)}→${fix(run.rssMiB.peak, 0)} MiB` +
          (run.settled ? '' : '; the server still held the query 10 s after the client finished'));
      } catch (e) {
        console.log(`  (${p.id}) run ${r} FAILED: ${(e as Error).message}`);
        run = { error: `${(e as Error).stack ?? e}\n${server.log()}` };
      }
      results.get(p.id)!.push(run);
    }
  }
} finally {
  await stopAll();
}

const med = (id: string | undefined, f: (r: ReadRun) => number): number => (id ? median((results.get(id) ?? []).filter(ok).map(f)) : NaN);
const summary = reads.map((p) => {
  const m = (f: (r: ReadRun) => number): number => med(p.id, f);
  return {
    phase: p.id, server: p.server, client: p.client, baseline: p.baseline,
    rowsPerSec: m((r) => r.rowsPerSec), ratioToBaseline: m((r) => r.rowsPerSec) / med(p.baseline, (r) => r.rowsPerSec),
    rowsPerServerCpuSecond: m((r) => r.rowsPerServerCpuSecond),
    cpuRatioToBaseline: m((r) => r.rowsPerServerCpuSecond) / med(p.baseline, (r) => r.rowsPerServerCpuSecond),
    wallSeconds: m((r) => r.wallSeconds), serverCpuSeconds: m((r) => r.serverCpuSeconds), clientCpuSeconds: m((r) => r.clientCpuSeconds),
    rssMiB: { start: m((r) => r.rssMiB.start), peak: m((r) => r.rssMiB.peak) },
    runs: results.get(p.id)!,
  };
});
if (summary.length > 0) {
  console.log(table(`Reading ${rows.toLocaleString('en-US')} preloaded rows, medians of ${runs} (wall from client start to last row; CPU = the server's)`,
    ['phase', 'client', 'rows/s (runs)', 'median', 'vs', '× vs', 'server CPU s', 'rows/server-CPU-s', '× vs', 'client CPU s', 'server RSS MiB'],
    summary.map((s) => [s.phase, s.client, s.runs.map((r) => (ok(r) ? int(r.rowsPerSec) : 'FAIL')).join(' / '), int(s.rowsPerSec),
      s.baseline ?? '', fix(s.ratioToBaseline, 2), fix(s.serverCpuSeconds, 2), int(s.rowsPerServerCpuSecond), fix(s.cpuRatioToBaseline, 2),
      fix(s.clientCpuSeconds, 2), `${fix(s.rssMiB.start, 0)}→${fix(s.rssMiB.peak, 0)}`])));
}
const idle = memoryResults.flatMap((m) => ('error' in m.result ? [] : [{ server: m.server, ...m.result }]));
if (idle.length > 0) {
  const perConn = (a: number, b: number): string => fix(((b - a) * 1024) / connections, 0);
  // Eddy is one process: its RSS is its own (its PSS shrinks as other node processes share the binary's pages).
  // Postgres forks a backend per connection: RSS summed counts the shared pages once per process, PSS splits them.
  console.log(table(`${connections} idle node-postgres connections: server memory, MiB (Eddy: read RSS; Postgres: summed over its processes, read PSS)`,
    ['server', 'RSS before', 'RSS connected', 'KiB/conn (RSS)', 'PSS before', 'PSS connected', 'KiB/conn (PSS)', 'RSS after close', 'dropped'],
    idle.map((m) => [m.server, fix(m.before.rssMiB, 1), fix(m.connected.rssMiB, 1), perConn(m.before.rssMiB, m.connected.rssMiB),
      fix(m.before.pssMiB, 1), fix(m.connected.pssMiB, 1), perConn(m.before.pssMiB, m.connected.pssMiB), fix(m.afterClose.rssMiB, 1), m.clientErrors])));
}

const round = (key: string, v: unknown): unknown => {
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return null;
  return /PerSec|PerServerCpuSecond|^rows$/.test(key) ? Math.round(v) : Math.round(v * 1000) / 1000;
};
writeFileSync(outFile, JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, postgres: postgresVersion ?? null,
  rows, runs, connections, serverProperties: sets.filter((_, i) => i % 2 === 1), preloadSeconds,
  loadAverage: { start: loadAtStart.map((l) => Math.round(l * 100) / 100), end: loadavg().map((l) => Math.round(l * 100) / 100) },
  phases: summary, memory: memoryResults,
}, round, 2) + '\n');
console.log(`\nwrote ${outFile}`);
if (summary.some((s) => s.runs.some((r) => !ok(r))) || memoryResults.some((m) => 'error' in m.result)) process.exitCode = 1;
