// Shared by the Postgres wire tests: an embedded engine served on a free port, and psql.
import { execFile } from 'node:child_process';
import { Engine } from '../../src/engine/engine.js';
import { startPgServer, type PgServer } from '../../server/pgwire/pg-server.js';

export interface PgFixture { engine: Engine; server: PgServer; close(): Promise<void> }

export async function startFixture(): Promise<PgFixture> {
  const engine = await Engine.create();
  const server = await startPgServer(engine, { port: 0 });
  return { engine, server, close: async () => { await server.close(); await engine.close(); } };
}

/** Runs psql with `args` against the server: its exit code, stdout and stderr. */
export function psql(port: number, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'eddy', '-d', 'eddy', '-X', '-A', '-t', ...args],
      { timeout: 20_000, env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

/** Resolves once a push query runs on the engine (a client's query has started), or fails after 10 s. */
export async function pushQueryRunning(engine: Engine, running = true): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if ([...engine.state.queries.values()].some((q) => q.kind === 'PUSH') === running) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(running ? 'no push query started' : 'the push query is still running');
}
