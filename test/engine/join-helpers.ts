// Shared by the join tests: an engine per test, and what a user sees of a query's output — the
// rows of a push query on the sink, or the sink topic's records (tombstones included).
import { afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { formatSchema } from '../../src/types/schema.js';
import type { StatementResult } from '../../src/engine/statement-result.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

export async function run(sql: string): Promise<StatementResult[]> {
  engine ??= await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  return engine.executeScript(sql);
}

/** The first `n` rows of `SELECT * FROM name EMIT CHANGES`. */
export async function pushRows(name: string, n: number): Promise<unknown[][]> {
  const [r] = await run(`SELECT * FROM ${name} EMIT CHANGES LIMIT ${n};`);
  if (r.kind !== 'stream') throw new Error('not a push query');
  const out: unknown[][] = [];
  for await (const row of r.rows) out.push(row);
  return out;
}

/** The sink topic's records as text: key, value (null for a tombstone) and timestamp. */
export async function topicRecords(topic: string): Promise<{ key: string | null; value: unknown; ts: number }[]> {
  await engine!.settle();
  const log = engine!.log;
  const ends = await log.endOffsets(topic);
  const out: { key: string | null; value: unknown; ts: number }[] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read(topic, p, 0, ends[p])) {
      out.push({
        key: r.key === null ? null : Buffer.from(r.key).toString(),
        value: r.value === null ? null : JSON.parse(Buffer.from(r.value).toString()),
        ts: r.timestamp,
      });
    }
  }
  return out;
}

/** The schema of a source, as DESCRIBE prints it. */
export function schemaOf(name: string): string {
  const def = engine!.state.catalog.get(name);
  if (!def) throw new Error(`no source ${name}`);
  return formatSchema(def.schema);
}

/** The message of the error a script fails with. */
export async function errorOf(sql: string): Promise<string> {
  try {
    await run(sql);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
