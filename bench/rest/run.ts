// The REST fan-out benchmark (npm run bench:rest). Each run starts a fresh server as a child
// process and feeds rows to POST /inserts-stream at a fixed rate while push queries read them
// over POST /query-stream (HTTP/1.1, node:http keep-alive agent, one connection per query):
//   eddy    `eddy server` on the embedded log, --clients push queries (100);
//   relay   the baseline: a bare node:http server relaying each inserted row to --clients
//           chunked responses (relay-server.ts) — the cost of the fan-out alone;
//   single  `eddy server` with one push query (the cost of one query, for the ratio);
//   slow    `eddy server` with one reading and one paused client (reads nothing): the server's
//           resident memory must stay bounded (the query pauses at eddy.push.buffer.rows);
//           then the paused client reads, and must get every row (--slow-payload 4096 bytes);
//   control the same with no paused client: the RSS slow's is compared with (the embedded
//           log keeps every row in memory in both).
// eddy/relay/single run --runs times, interleaved (drift in a shared machine hits all alike);
// medians are printed. Flags: --clients 100 --rate 500 (rows/s) --seconds 20 --runs 3
// --payload 64 (bytes) --slow-seconds 20 --slow-payload 4096 --slow-rate 2000
// --phases eddy,relay,single,control,slow --set NAME=VALUE (eddy server properties)
// --out FILE (bench/rest/results.json). EDDY_BENCH_SERVER_NODE_ARGS: node flags for the server
// (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../ml/datasets.js';
import { table } from '../ml/report.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { runPhase, type PhaseResult, type PhaseOptions } from './phase.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const clients = Number(flag('--clients', '100'));
// 500 rows/s to 100 clients is 50,000 rows/s delivered: what this bench's own client process
// (one thread, a line parse per row) and a server share of 2 cores keep up with; at 2,000 rows/s
// the load generator, not the server, is the limit here (the relay baseline falls behind too).
const rate = Number(flag('--rate', '500'));
const seconds = Number(flag('--seconds', '20'));
const runs = Number(flag('--runs', '3'));
const slowSeconds = Number(flag('--slow-seconds', '20'));
const payloadBytes = Number(flag('--payload', '64'));
// Bigger rows in the slow phase: what waits for the paused client must outgrow the sockets'
// kernel buffers (several MB on loopback), or the server's pause is never reached.
const slowPayloadBytes = Number(flag('--slow-payload', '4096'));
// ... and a faster feed (one reading client keeps up with it): 2,000 × 4 KB × 20 s = 160 MB.
const slowRate = Number(flag('--slow-rate', '2000'));
const phases = flag('--phases', 'eddy,relay,single,control,slow').split(',');
const sets = args.flatMap((a, i) => (a === '--set' ? ['--set', args[i + 1]] : []));
const outFile = flag('--out', join(repoRoot(), 'bench', 'rest', 'results.json'));

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const EDDY = { script: here('./eddy-launcher.js'), args: ['server', '--http-port', '0', ...sets] };
const RELAY = { script: here('./relay-server.js'), args: [] };

interface Phase { id: string; what: string; server: typeof EDDY; options: PhaseOptions; repeat: number }
const all: Phase[] = [
  { id: 'eddy', what: `eddy server, ${clients} push queries`, server: EDDY, options: { clients, paused: 0, rate, seconds, payloadBytes }, repeat: runs },
  { id: 'relay', what: `bare node:http relay, ${clients} responses`, server: RELAY, options: { clients, paused: 0, rate, seconds, payloadBytes }, repeat: runs },
  { id: 'single', what: 'eddy server, 1 push query', server: EDDY, options: { clients: 1, paused: 0, rate, seconds, payloadBytes }, repeat: runs },
  { id: 'control', what: 'eddy server, 1 reading push query (slow\'s control)', server: EDDY, options: { clients: 1, paused: 0, rate: slowRate, seconds: slowSeconds, payloadBytes: slowPayloadBytes }, repeat: 1 },
  { id: 'slow', what: 'eddy server, 1 reading + 1 paused push query', server: EDDY, options: { clients: 1, paused: 1, rate: slowRate, seconds: slowSeconds, payloadBytes: slowPayloadBytes }, repeat: 1 },
];
const selected = all.filter((p) => phases.includes(p.id));

type Run = PhaseResult | { error: string };
const ok = (r: Run): r is PhaseResult => !('error' in r);
const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const int = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '-');
const mib = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '-');

let current: ServerProcess | undefined;
// Ctrl-C or a kill still stops the server under test.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => { void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130)); });
}

async function runOnce(p: Phase, n: number): Promise<Run> {
  const server = current = await startServerProcess(p.server.script, p.server.args);
  try {
    const r = await runPhase(server, p.options);
    console.log(`  (${p.id}) run ${n}: ${int(r.deliveredPerSec)} rows/s delivered (${int(r.delivered)} of ${int(r.expected)}), ` +
      `latency p50 ${ms(r.latencyMs.p50)} ms p99 ${ms(r.latencyMs.p99)} ms, RSS ${mib(r.rssMiB.start)}→${mib(r.rssMiB.peak)} MiB, ` +
      `server CPU ${r.serverCpuSeconds.toFixed(1)} s in ${r.wallSeconds.toFixed(1)} s (bench's own ${r.benchCpuSeconds.toFixed(1)} s)` +
      (r.paused ? `; paused client: ${r.paused.receivedWhilePaused} rows while paused, ${r.paused.receivedAfterResume} after resuming (${r.paused.catchUpSeconds.toFixed(1)} s)` : '') +
      (r.clientErrors.length ? `; client errors: ${r.clientErrors.join(' | ')}` : '') +
      (r.feed.errorAcks ? `; ${r.feed.errorAcks} error acks: ${r.feed.firstError}` : ''));
    return r;
  } catch (e) {
    console.log(`  (${p.id}) run ${n} FAILED: ${(e as Error).message}`);
    return { error: `${(e as Error).stack ?? e}\n${server.stderr()}` };
  } finally {
    await server.stop();
  }
}

const loadAtStart = loadavg(); // a shared machine lowers every number
console.log(`Eddy REST benchmark: ${rate} rows/s for ${seconds} s to ${clients} push queries (HTTP/1.1), ${runs} runs; ` +
  `node ${process.version}, ${cpus().length} CPUs, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`);
const results = new Map<string, Run[]>(selected.map((p) => [p.id, []]));
const rounds = Math.max(...selected.map((p) => p.repeat));
for (let r = 1; r <= rounds; r++) {
  for (const p of selected) if (r <= p.repeat) results.get(p.id)!.push(await runOnce(p, r));
}

const med = (id: string, f: (r: PhaseResult) => number): number => median((results.get(id) ?? []).filter(ok).map(f));
const relayRate = med('relay', (r) => r.deliveredPerSec);
const relayCpu = med('relay', (r) => r.rowsPerCpuSecond);
const summary = selected.map((p) => {
  const m = (f: (r: PhaseResult) => number): number => med(p.id, f);
  return {
    phase: p.id, what: p.what, clients: p.options.clients, pausedClients: p.options.paused, seconds: p.options.seconds,
    deliveredPerSec: m((r) => r.deliveredPerSec), ratioToRelay: m((r) => r.deliveredPerSec) / relayRate,
    rowsPerCpuSecond: m((r) => r.rowsPerCpuSecond), cpuRatioToRelay: m((r) => r.rowsPerCpuSecond) / relayCpu,
    wallSeconds: m((r) => r.wallSeconds), serverCpuSeconds: m((r) => r.serverCpuSeconds),
    latencyMs: { p50: m((r) => r.latencyMs.p50), p99: m((r) => r.latencyMs.p99), max: m((r) => r.latencyMs.max) },
    rssMiB: { start: m((r) => r.rssMiB.start), half: m((r) => r.rssMiB.half), peak: m((r) => r.rssMiB.peak), end: m((r) => r.rssMiB.end) },
    runs: results.get(p.id)!,
  };
});
const fanout = summary.filter((s) => s.phase !== 'slow' && s.phase !== 'control');
if (fanout.length > 0) console.log(table(`Fan-out: ${rate} rows/s for ${seconds} s, medians of ${runs} (delivered rows/s across clients; CPU = the server process's)`,
  ['phase', 'clients', 'rows/s (runs)', 'median', '× relay', 'rows/CPU-s', '× relay', 'p50 ms', 'p99 ms', 'RSS start→peak MiB'],
  fanout.map((s) => [s.phase, s.clients, s.runs.map((r) => (ok(r) ? int(r.deliveredPerSec) : 'FAIL')).join(' / '), int(s.deliveredPerSec),
    Number.isFinite(s.ratioToRelay) ? s.ratioToRelay.toFixed(2) : '-', int(s.rowsPerCpuSecond), Number.isFinite(s.cpuRatioToRelay) ? s.cpuRatioToRelay.toFixed(2) : '-',
    ms(s.latencyMs.p50), ms(s.latencyMs.p99), `${mib(s.rssMiB.start)}→${mib(s.rssMiB.peak)}`])));
const eddy = summary.find((s) => s.phase === 'eddy');
const single = summary.find((s) => s.phase === 'single');
if (eddy && single) {
  console.log(`Eddy, ${clients} queries vs 1: ${(eddy.serverCpuSeconds / single.serverCpuSeconds).toFixed(1)}× the server CPU for ${clients}× the rows delivered.`);
}
const control = summary.find((s) => s.phase === 'control');
const slow = summary.find((s) => s.phase === 'slow');
const slowRun = slow?.runs.find(ok);
if (slow && slowRun) {
  console.log(table(`Slow client: ${slowRate} rows/s of ${slowPayloadBytes}-byte payloads for ${slowSeconds} s, one client reading, one reading nothing (server RSS, MiB)`,
    ['', 'start', 'half-way', 'end', 'peak', 'reader rows', 'paused client rows', 'after resume', 'MiB held back'],
    [
      ['slow', mib(slowRun.rssMiB.start), mib(slowRun.rssMiB.half), mib(slowRun.rssMiB.end), mib(slowRun.rssMiB.peak), int(slowRun.delivered),
        int(slowRun.paused!.receivedWhilePaused), `${int(slowRun.paused!.receivedAfterResume)} of ${int(slowRun.feed.sent)}`,
        // What the paused client did not read, as delimited lines ([ID,SENT,"payload"]\n): if the server held it, RSS would grow by as much.
        mib((slowRun.feed.sent - slowRun.paused!.receivedWhilePaused) * (slowPayloadBytes + 30) / 2 ** 20)],
      ...(control ? [['control (no paused client)', mib(control.rssMiB.start), mib(control.rssMiB.half), mib(control.rssMiB.end), mib(control.rssMiB.peak), int(control.deliveredPerSec * control.wallSeconds), '', '', '']] : []),
    ]));
}

const round = (key: string, v: unknown): unknown => {
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return null;
  return /PerSec|PerCpuSecond|^delivered$|^expected$/.test(key) ? Math.round(v) : Math.round(v * 1000) / 1000;
};
writeFileSync(outFile, JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
  transport: 'HTTP/1.1, node:http keep-alive agent, one connection per push query; delimited rows',
  rate, seconds, slowRate, slowSeconds, clients, runs, payloadBytes, slowPayloadBytes, serverProperties: sets.filter((_, i) => i % 2 === 1),
  loadAverage: { start: loadAtStart.map((l) => Math.round(l * 100) / 100), end: loadavg().map((l) => Math.round(l * 100) / 100) },
  phases: summary,
}, round, 2) + '\n');
console.log(`\nwrote ${outFile}`);
if (summary.some((s) => s.runs.some((r) => !ok(r)))) process.exitCode = 1;
