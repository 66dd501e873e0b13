// Shared by the engine behaviour tests: one engine per test (closed after it), SQL in, and what a
// user sees out — a statement's rows, a push query's rows, or a topic's records as stored.
import { afterEach } from 'vitest';
import { Engine, type EngineOptions } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import type { LogRecord } from '../../src/log/log.js';

let current: Engine | undefined;
afterEach(async () => { await current?.close(); current = undefined; });

/** The test's engine, created on first use (auto.offset.reset=earliest unless overridden). */
export async function engine(o: EngineOptions = {}): Promise<Engine> {
  current ??= await Engine.create({ ...o, properties: { 'auto.offset.reset': 'earliest', ...(o.properties ?? {}) } });
  return current;
}

/** Runs a script; returns every statement's result. */
export async function run(sql: string): Promise<StatementResult[]> {
  return (await engine()).executeScript(sql);
}

/** Runs a script and returns the last statement's result. */
export async function last(sql: string): Promise<StatementResult> {
  const res = await run(sql);
  return res[res.length - 1];
}

/** All rows of a result: a table's rows, or a push query's rows until it ends. */
export async function rowsOf(r: StatementResult): Promise<unknown[][]> {
  if (r.kind === 'rows') return r.rows;
  if (r.kind === 'stream') {
    const out: unknown[][] = [];
    for await (const row of r.rows) out.push(row);
    return out;
  }
  throw new Error(`expected rows, got the message: ${r.message}`);
}

/** The rows of the last statement of a script. */
export async function rows(sql: string): Promise<unknown[][]> {
  return rowsOf(await last(sql));
}

/** The message of the last statement of a script. */
export async function message(sql: string): Promise<string> {
  const r = await last(sql);
  if (r.kind !== 'message') throw new Error(`expected a message, got ${r.kind}`);
  return r.message;
}

/** Every record of a topic, partition by partition, after all queries have caught up. */
export async function topicRecords(topic: string): Promise<LogRecord[]> {
  const e = await engine();
  await e.settle();
  const ends = await e.log.endOffsets(topic);
  const out: LogRecord[] = [];
  for (let p = 0; p < ends.length; p++) out.push(...await e.log.read(topic, p, 0, ends[p]));
  return out;
}

/** A record's value as JSON (null for a tombstone). */
export function jsonValue(r: LogRecord): unknown {
  return r.value === null ? null : JSON.parse(Buffer.from(r.value).toString('utf8'));
}

/** Bytes of a UTF-8 string. */
export const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** The error a promise rejects with (fails the test if it resolves). */
export async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but the statement succeeded');
}
