// What the benchmark needs of a server under test, Eddy or Postgres: where its Postgres
// endpoint is, its CPU seconds and memory, and a way to stop it.
import type { Memory } from './proc-stats.js';

export interface BenchServer {
  name: 'eddy' | 'postgres';
  /** Postgres endpoint on 127.0.0.1. */
  pgPort: number;
  user: string;
  database: string;
  /** CPU seconds of every process serving clients so far (exited ones included). */
  cpuSeconds(): number;
  /** Memory of every server process now. */
  memory(): Memory;
  /** Waits (bounded) until what closed clients used is gone from the server; false if it is not. */
  settle(): Promise<boolean>;
  /** The last few KB of the server's log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every 20 ms until it holds or `timeoutMs` passed; says which. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await sleep(20);
  }
  return true;
}

/** `p`, or a rejection naming `what` once `ms` passed. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
