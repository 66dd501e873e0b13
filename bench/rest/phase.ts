// One measured run: a fresh server, its stream, `clients` push queries reading and `paused`
// push queries reading nothing, then rows fed at a fixed rate. Measures what the reading
// clients got (rows/s, insert→arrival latency), the server's resident memory over the run and
// its CPU seconds. Paused clients are then resumed, to check that nothing was dropped.
import { benchAgent, ksql } from './http.js';
import { feed, type FeedResult } from './feeder.js';
import { LatencyLog, PushClient } from './push-client.js';
import type { ServerProcess } from './server-process.js';

export const STREAM = 'BENCH_ROWS';
const CREATE = `CREATE STREAM ${STREAM} (ID BIGINT, SENT DOUBLE, PAYLOAD STRING) WITH (kafka_topic='bench_rows', partitions=1, value_format='JSON');`;
const SELECT = `SELECT ID, SENT, PAYLOAD FROM ${STREAM} EMIT CHANGES;`;
const SETTLE_MS = 1000;
const DRAIN_TIMEOUT_MS = 30_000;
const RSS_SAMPLE_MS = 250;

export interface PhaseOptions { clients: number; paused: number; rate: number; seconds: number; payloadBytes: number }

export interface PhaseResult {
  feed: FeedResult;
  /** Rows the reading clients got, all together, and what they should have. */
  delivered: number;
  expected: number;
  outOfOrder: number;
  clientErrors: string[];
  /** From the first row fed until every reading client had every row (or the drain timeout). */
  wallSeconds: number;
  deliveredPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  rssMiB: { start: number; half: number; peak: number; end: number };
  serverCpuSeconds: number;
  /** Delivered rows per CPU-second of the server. */
  rowsPerCpuSecond: number;
  benchCpuSeconds: number;
  paused?: { receivedWhilePaused: number; receivedAfterResume: number; catchUpSeconds: number };
}

export async function runPhase(server: ServerProcess, o: PhaseOptions): Promise<PhaseResult> {
  const agent = benchAgent(o.clients + o.paused);
  const readers: PushClient[] = [];
  const sleepers: PushClient[] = [];
  try {
    await ksql(agent, server.url, CREATE);
    const latencies = new LatencyLog(Math.ceil(o.rate * o.seconds * 1.05) * Math.max(1, o.clients));
    readers.push(...await Promise.all(Array.from({ length: o.clients }, () => PushClient.open(agent, server.url, SELECT, latencies))));
    sleepers.push(...await Promise.all(Array.from({ length: o.paused }, () => PushClient.open(agent, server.url, SELECT, undefined, true))));
    await sleep(SETTLE_MS); // the queries find their start offsets
    const rss: number[] = [server.rssMiB()];
    const sampler = setInterval(() => rss.push(server.rssMiB()), RSS_SAMPLE_MS);
    const cpu0 = server.cpuSeconds();
    const bench0 = process.cpuUsage();
    const t0 = performance.now();
    const fed = await feed(agent, server.url, STREAM, o.rate, o.seconds, o.payloadBytes);
    const got = (): number => readers.reduce((s, c) => s + c.received, 0);
    const expected = fed.sent * o.clients;
    await until(() => got() >= expected || readers.some((c) => c.error !== undefined), DRAIN_TIMEOUT_MS);
    const wallSeconds = (performance.now() - t0) / 1000;
    const serverCpuSeconds = server.cpuSeconds() - cpu0;
    const benchCpu = process.cpuUsage(bench0);
    clearInterval(sampler);
    rss.push(server.rssMiB());
    const delivered = got();
    const [p50, p99, max] = latencies.percentiles([0.5, 0.99, 1]);
    let paused: PhaseResult['paused'];
    if (sleepers.length > 0) {
      const receivedWhilePaused = sleepers.reduce((s, c) => s + c.received, 0);
      const t1 = performance.now();
      for (const c of sleepers) c.resume();
      await until(() => sleepers.every((c) => c.received >= fed.sent), DRAIN_TIMEOUT_MS);
      paused = { receivedWhilePaused, receivedAfterResume: sleepers.reduce((s, c) => s + c.received, 0), catchUpSeconds: (performance.now() - t1) / 1000 };
    }
    return {
      feed: fed, delivered, expected,
      outOfOrder: [...readers, ...sleepers].reduce((s, c) => s + c.outOfOrder, 0),
      clientErrors: [...readers, ...sleepers].flatMap((c) => (c.error ? [c.error] : [])).slice(0, 3),
      wallSeconds, deliveredPerSec: delivered / wallSeconds,
      latencyMs: { p50, p99, max },
      rssMiB: { start: rss[0], half: rss[Math.floor(rss.length / 2)], peak: Math.max(...rss), end: rss[rss.length - 1] },
      serverCpuSeconds, rowsPerCpuSecond: delivered / serverCpuSeconds,
      benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
      paused,
    };
  } finally {
    for (const c of [...readers, ...sleepers]) c.close();
    agent.destroy();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done() && performance.now() < end) await sleep(20);
}
