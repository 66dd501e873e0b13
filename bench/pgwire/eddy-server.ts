// `eddy server` under test: a child process on the embedded log with its Postgres endpoint on a
// free port (bench/rest's process wrapper; bench/rest's launcher with a watchdog), and the stream
// the readers read, preloaded through REST /inserts-stream before any reader starts.
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../rest/server-process.js';
import { benchAgent, ksql, post } from '../rest/http.js';
import { memory } from './proc-stats.js';
import { sleep, type BenchServer } from './bench-server.js';

export const EDDY_STREAM = 'S';
const SETTLE_TIMEOUT_MS = 10_000;

const launcher = fileURLToPath(new URL('./eddy-launcher.js', import.meta.url));

export interface EddyServer extends BenchServer { restUrl: string }

export async function startEddy(serverProperties: string[]): Promise<EddyServer> {
  const p = await startServerProcess(launcher, ['server', '--http-port', '0', '--pg-port', '0', ...serverProperties]);
  const m = /Postgres at postgresql:\/\/[^:\s]+:(\d+)/.exec(p.stderr());
  if (!m) {
    await p.stop();
    throw new Error(`eddy server printed no Postgres address:\n${p.stderr()}`);
  }
  return {
    name: 'eddy', pgPort: Number(m[1]), user: 'eddy', database: 'eddy', restUrl: p.url,
    cpuSeconds: () => p.cpuSeconds(),
    memory: () => memory([p.pid]),
    settle: () => noPushQueries(p),
    log: () => p.stderr(),
    stop: () => p.stop(),
  };
}

/** Creates the stream (id INT KEY, name STRING, v DOUBLE) and inserts rows 0..rows-1 into it. */
export async function preloadEddy(server: EddyServer, rows: number): Promise<void> {
  const agent = benchAgent(2);
  try {
    await ksql(agent, server.restUrl, `CREATE STREAM ${EDDY_STREAM} (ID INT KEY, NAME STRING, V DOUBLE) ` +
      `WITH (kafka_topic='bench_pgwire', partitions=1, value_format='JSON');`);
    await insertRows(agent, server.restUrl, rows);
  } finally {
    agent.destroy();
  }
}

/** Row i of the benchmark's data, the same in Eddy and in Postgres. */
export const benchRow = (i: number): { id: number; name: string; v: number } => ({ id: i, name: `name-${i}`, v: i * 0.5 });

async function insertRows(agent: ReturnType<typeof benchAgent>, url: string, rows: number): Promise<void> {
  const timeoutMs = 60_000 + rows; // about 1 ms a row: several times what it takes here
  const { req, response } = post(agent, url, '/inserts-stream',
    { 'content-type': 'application/vnd.ksqlapi.delimited.v1', accept: 'application/vnd.ksqlapi.delimited.v1' });
  const timer = setTimeout(() => req.destroy(new Error(`preloading ${rows} rows took over ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    const acks = response.then(async (res) => {
      let acked = 0;
      let rest = '';
      res.setEncoding('utf8');
      for await (const chunk of res as AsyncIterable<string>) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const l of lines) {
          if (l.includes('"ok"')) acked++;
          else if (l.trim()) throw new Error(`/inserts-stream refused a row: ${l}`);
        }
      }
      return acked;
    });
    acks.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
    req.write(JSON.stringify({ target: EDDY_STREAM }) + '\n');
    const BATCH = 2000;
    for (let i = 0; i < rows; i += BATCH) {
      let text = '';
      for (let j = i; j < Math.min(rows, i + BATCH); j++) {
        const r = benchRow(j);
        text += `{"ID":${r.id},"NAME":"${r.name}","V":${r.v}}\n`;
      }
      if (!req.write(text)) await new Promise((r) => req.once('drain', r));
    }
    req.end();
    const acked = await acks;
    if (acked !== rows) throw new Error(`/inserts-stream acknowledged ${acked} of ${rows} rows`);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls REST SHOW QUERIES until no push query runs: a closed client's query was freed. */
async function noPushQueries(p: ServerProcess): Promise<boolean> {
  const agent = benchAgent(1);
  try {
    let running = true;
    const poll = async (): Promise<void> => {
      const { response } = post(agent, p.url, '/ksql', { 'content-type': 'application/json', accept: 'application/json' },
        JSON.stringify({ ksql: 'SHOW QUERIES;', streamsProperties: {} }));
      const res = await response;
      let text = '';
      res.setEncoding('utf8');
      for await (const s of res) text += s;
      running = text.includes('"PUSH"');
    };
    const end = performance.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      await poll();
      if (!running) return true;
      if (performance.now() > end) return false;
      await sleep(50);
    }
  } finally {
    agent.destroy();
  }
}
