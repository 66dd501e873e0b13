// Every wait in the fuzz tests has a limit: a statement that does not return in time is a
// finding ("no statement can stall the process"), not a hung test run.
import type { StatementResult } from '../../src/engine/statement-result.js';

export class Stalled extends Error {}

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Stalled(`${what} did not return within ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** Reads a result to its end: a push query's rows until it ends, or cancels it after `idleMs`. */
export async function drain(r: StatementResult, idleMs = 300): Promise<unknown[][]> {
  if (r.kind === 'rows') return r.rows;
  if (r.kind !== 'stream') return [];
  const out: unknown[][] = [];
  const it = r.rows[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<'idle'>((res) => { timer = setTimeout(() => res('idle'), idleMs); });
    const next = await Promise.race([it.next(), idle]).finally(() => clearTimeout(timer));
    if (next === 'idle' || next.done) break;
    out.push(next.value);
  }
  await r.rows.cancel();
  return out;
}
