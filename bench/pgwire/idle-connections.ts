// The memory phase: `count` node-postgres clients connect and send nothing more; the server's
// memory before, with them all connected, and after they left.
import pg from 'pg';
import { sleep, withTimeout, type BenchServer } from './bench-server.js';
import type { Memory } from './proc-stats.js';

const BATCH = 20; // connects at a time: a burst of hundreds would measure the accept queue, not idle cost
const SETTLE_MS = 1000; // lets the last logins and their allocations finish before sampling
const CLOSE_TIMEOUT_MS = 15_000;

export interface IdleResult {
  connections: number;
  before: Memory;
  connected: Memory;
  afterClose: Memory;
  /** Clients whose connection failed while idle (the server dropped them). */
  clientErrors: number;
  /** Whether the server let go of every connection after they closed. */
  settled: boolean;
}

export async function idleConnections(server: BenchServer, count: number): Promise<IdleResult> {
  await server.settle();
  await sleep(SETTLE_MS);
  const before = server.memory();
  const clients: pg.Client[] = [];
  let clientErrors = 0;
  try {
    for (let i = 0; i < count; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - i) }, () => new pg.Client({
        host: '127.0.0.1', port: server.pgPort, user: server.user, database: server.database, connectionTimeoutMillis: 10_000,
      }));
      clients.push(...batch);
      for (const c of batch) c.on('error', () => { clientErrors++; });
      await Promise.all(batch.map((c) => c.connect()));
    }
    await sleep(SETTLE_MS);
    const connected = server.memory();
    await withTimeout(Promise.all(clients.splice(0).map((c) => c.end())), CLOSE_TIMEOUT_MS, `closing ${count} idle connections`);
    const settled = await server.settle();
    await sleep(SETTLE_MS);
    return { connections: count, before, connected, afterClose: server.memory(), clientErrors, settled };
  } finally {
    await withTimeout(Promise.all(clients.map((c) => c.end().catch(() => undefined))), CLOSE_TIMEOUT_MS, 'closing idle connections').catch(() => undefined);
  }
}
