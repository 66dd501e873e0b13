// Push queries (EMIT CHANGES): LIMIT ends the iteration by itself; cancel() stops a query that
// has no LIMIT, and a stopped push query no longer appears among the running queries.
import { describe, it, expect } from 'vitest';
import { engine, run, last } from './engine-helpers.js';
import type { StatementResult } from '../../src/engine/statement-result.js';

const SOURCE = `CREATE STREAM s (id INT KEY, v STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

function stream(r: StatementResult): Extract<StatementResult, { kind: 'stream' }> {
  if (r.kind !== 'stream') throw new Error(`expected a push query, got ${r.kind}`);
  return r;
}

/** Running push queries, as the engine tracks them. */
async function runningPushQueries(): Promise<string[]> {
  return [...(await engine()).state.queries.values()].filter((q) => q.kind === 'PUSH').map((q) => q.id);
}

describe('push queries', () => {
  it('LIMIT n ends the iteration after n rows, even with more input available', async () => {
    await run(SOURCE);
    for (let i = 1; i <= 5; i++) await run(`INSERT INTO s (id, v) VALUES (${i}, 'v${i}');`);
    const r = stream(await last('SELECT id FROM s EMIT CHANGES LIMIT 3;'));
    expect(r.columns.map((c) => c.name)).toEqual(['ID']);
    const got: unknown[][] = [];
    for await (const row of r.rows) got.push(row);
    expect(got).toEqual([[1], [2], [3]]);
    expect(await runningPushQueries()).toEqual([]);
  });

  it('TERMINATE of a push query ends its rows: a reader waiting for the next one is told it is done', async () => {
    await run(SOURCE);
    const r = stream(await last('SELECT v FROM s EMIT CHANGES;'));
    const it = r.rows[Symbol.asyncIterator]();
    const waiting = it.next();
    await run(`TERMINATE ${r.queryId};`);
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(await runningPushQueries()).toEqual([]);
  });

  it('LIMIT waits for rows that arrive after the query started', async () => {
    await run(SOURCE);
    const r = stream(await last('SELECT v FROM s EMIT CHANGES LIMIT 2;'));
    const it = r.rows[Symbol.asyncIterator]();
    const first = it.next();
    await run(`INSERT INTO s (id, v) VALUES (1, 'late-1');`);
    expect((await first).value).toEqual(['late-1']);
    await run(`INSERT INTO s (id, v) VALUES (2, 'late-2');`);
    expect((await it.next()).value).toEqual(['late-2']);
    expect((await it.next()).done).toBe(true);
  });

  it('cancel() ends an unlimited push query and removes it', async () => {
    await run(`${SOURCE} INSERT INTO s (id, v) VALUES (1, 'a');`);
    const r = stream(await last('SELECT * FROM s EMIT CHANGES;'));
    expect(await runningPushQueries()).toEqual([r.queryId]);
    const it = r.rows[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual([1, 'a']);
    const pending = it.next();
    await r.rows.cancel();
    expect((await pending).done).toBe(true);
    expect(await runningPushQueries()).toEqual([]);
    // Input after the cancel is not delivered anywhere and does not fail.
    await run(`INSERT INTO s (id, v) VALUES (2, 'b');`);
    expect((await it.next()).done).toBe(true);
  });

  it('breaking out of a for-await loop does not leave the query behind once cancelled', async () => {
    await run(`${SOURCE} INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (2, 'b');`);
    const r = stream(await last('SELECT * FROM s EMIT CHANGES;'));
    for await (const row of r.rows) {
      expect(row).toEqual([1, 'a']);
      break;
    }
    await r.rows.cancel();
    expect(await runningPushQueries()).toEqual([]);
  });

  it('LIMIT 0 returns no rows at once', async () => {
    await run(`${SOURCE} INSERT INTO s (id, v) VALUES (1, 'a');`);
    const r = stream(await last('SELECT * FROM s EMIT CHANGES LIMIT 0;'));
    const got: unknown[][] = [];
    for await (const row of r.rows) got.push(row);
    expect(got).toEqual([]);
  });

  it('two push queries on the same stream each get every row', async () => {
    await run(`${SOURCE} INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (2, 'b');`);
    const a = stream(await last('SELECT v FROM s EMIT CHANGES LIMIT 2;'));
    const b = stream(await last('SELECT id FROM s EMIT CHANGES LIMIT 2;'));
    const all = async (x: typeof a): Promise<unknown[][]> => { const o: unknown[][] = []; for await (const row of x.rows) o.push(row); return o; };
    expect(await Promise.all([all(a), all(b)])).toEqual([[['a'], ['b']], [[1], [2]]]);
  });
});
