// One measured read: the client's result, plus the server's CPU seconds from before the client
// starts to after the server let go of it, and its resident memory sampled meanwhile.
import type { BenchServer } from './bench-server.js';
import type { ReadResult } from './readers.js';

const RSS_SAMPLE_MS = 100;

export interface ReadRun extends ReadResult {
  rowsPerSec: number;
  serverCpuSeconds: number;
  rowsPerServerCpuSecond: number;
  /** Server RSS (Postgres: summed over its processes) before the read and its highest sample during it, MiB. */
  rssMiB: { start: number; peak: number };
  /** False if the server still held the query 10 s after the client finished. */
  settled: boolean;
}

export async function measureRead(server: BenchServer, read: () => Promise<ReadResult>): Promise<ReadRun> {
  await server.settle();
  const start = server.memory().rssMiB;
  let peak = start;
  const sampler = setInterval(() => { peak = Math.max(peak, server.memory().rssMiB); }, RSS_SAMPLE_MS);
  try {
    const cpu0 = server.cpuSeconds();
    const r = await read();
    const settled = await server.settle();
    const serverCpuSeconds = server.cpuSeconds() - cpu0;
    return {
      ...r, rowsPerSec: r.rows / r.wallSeconds, serverCpuSeconds, rowsPerServerCpuSecond: r.rows / serverCpuSeconds,
      rssMiB: { start, peak }, settled,
    };
  } finally {
    clearInterval(sampler);
  }
}
