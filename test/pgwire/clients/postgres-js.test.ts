// postgres.js (npm `postgres`) against Eddy's Postgres endpoint: DDL, parameterised inserts, a pull
// query, a push query through .cursor(n) and .forEach, cancel, and a syntax error with its position.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import postgres from 'postgres';
import { startFixture, pushQueryRunning, type PgFixture } from '../pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => { fx = await startFixture(); });
afterAll(async () => fx?.close());

/** A postgres.js instance on the fixture, with the options a user starts with. */
function connect(options: postgres.Options<Record<string, never>> = {}): postgres.Sql {
  return postgres({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy',
    max: 1, connect_timeout: 5, idle_timeout: 0, onnotice: () => undefined, ...options });
}

async function createStream(sql: postgres.Sql, name: string): Promise<void> {
  await sql.unsafe(`CREATE STREAM ${name} (id INT KEY, v DOUBLE, name STRING) WITH (kafka_topic='${name}', value_format='json', partitions=1);`);
}

/** Inserts rows with the engine itself, once a client's push query runs: they can only arrive live. */
function insertWhenRunning(stream: string, ids: number[]): Promise<void> {
  const done = insertRows(stream, ids);
  done.catch(() => undefined); // awaited later in the test; until then a failure must not go unhandled
  return done;
}

async function insertRows(stream: string, ids: number[]): Promise<void> {
  await pushQueryRunning(fx.engine);
  for (const id of ids) await fx.engine.executeScript(`INSERT INTO ${stream} (id, v, name) VALUES (${id}, ${id}.5, 'r${id}');`);
}

describe('postgres.js', () => {
  it('loads its types from pg_type at connect (eager_types), then runs queries', async () => {
    // postgres.js 4 asks pg_catalog.pg_type for array and domain types; an error there fails every query.
    const sql = connect({ eager_types: true });
    try {
      await createStream(sql, 'pjs_default');
      await sql`INSERT INTO pjs_default (id, v, name) VALUES (${7}, ${0.5}, ${'seven'});`;
      expect(await sql`SELECT id, v, name FROM pjs_default;`).toEqual([{ ID: 7, V: 0.5, NAME: 'seven' }]);
    } finally { await sql.end({ timeout: 5 }); }
  });

  it('creates a stream, inserts with parameters, and pulls rows with numbers and strings', async () => {
    const sql = connect();
    try {
      await createStream(sql, 'pjs_basic');
      await sql`INSERT INTO pjs_basic (id, v, name) VALUES (${1}, ${1.5}, ${'one'});`;
      await sql`INSERT INTO pjs_basic (id, v, name) VALUES (${2}, ${-0.25}, ${'two'});`;
      const rows = await sql`SELECT id, v, name FROM pjs_basic;`;
      expect([...rows]).toEqual([{ ID: 1, V: 1.5, NAME: 'one' }, { ID: 2, V: -0.25, NAME: 'two' }]);
      expect(rows.columns.map((c) => [c.name, c.type])).toEqual([['ID', 23], ['V', 701], ['NAME', 25]]);
      expect([...await sql`SELECT name FROM pjs_basic WHERE id = ${2};`]).toEqual([{ NAME: 'two' }]);
    } finally { await sql.end({ timeout: 5 }); }
  });

  it('streams a push query in batches with .cursor(n), rows inserted after it started included', async () => {
    const sql = connect();
    try {
      await createStream(sql, 'pjs_cursor');
      const inserting = insertWhenRunning('pjs_cursor', [1, 2, 3, 4, 5, 6]);
      const batches: unknown[][] = [];
      for await (const rows of sql`SELECT id, name FROM pjs_cursor EMIT CHANGES;`.cursor(2)) {
        batches.push(rows.map((r) => r.ID));
        if (batches.length === 3) break; // ends the cursor: the portal closes
      }
      await inserting;
      expect(batches).toEqual([[1, 2], [3, 4], [5, 6]]);
      await pushQueryRunning(fx.engine, false);
      expect([...await sql`SELECT id FROM pjs_cursor WHERE id = ${6};`]).toEqual([{ ID: 6 }]);
    } finally { await sql.end({ timeout: 5 }); }
  });

  it('streams a push query row by row with .forEach, and cancel() ends it with 57014', async () => {
    const sql = connect();
    try {
      await createStream(sql, 'pjs_each');
      const seen: unknown[] = [];
      let third: () => void;
      const gotThree = new Promise<void>((resolve) => { third = resolve; });
      const q = sql`SELECT id, v FROM pjs_each EMIT CHANGES;`;
      const done = q.forEach((row) => { seen.push(row); if (seen.length === 3) third(); }).then(() => undefined, (e: unknown) => e);
      await insertWhenRunning('pjs_each', [1, 2, 3]);
      await gotThree;
      expect(seen).toEqual([{ ID: 1, V: 1.5 }, { ID: 2, V: 2.5 }, { ID: 3, V: 3.5 }]);
      await q.cancel();
      expect(await done).toMatchObject({ code: '57014' });
      await pushQueryRunning(fx.engine, false);
      // The same connection (max: 1) answers the next query.
      expect([...await sql`SELECT id FROM pjs_each WHERE id = ${1};`]).toEqual([{ ID: 1 }]);
    } finally { await sql.end({ timeout: 5 }); }
  });

  it('cancels a push query that has sent no rows yet', async () => {
    const sql = connect();
    try {
      await createStream(sql, 'pjs_cancel');
      const q = sql`SELECT * FROM pjs_cancel EMIT CHANGES;`;
      const failed = q.then(() => undefined, (e: unknown) => e);
      await pushQueryRunning(fx.engine);
      await q.cancel();
      expect(await failed).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
      await pushQueryRunning(fx.engine, false);
      await sql`INSERT INTO pjs_cancel (id, v, name) VALUES (${1}, ${1.5}, ${'a'});`;
      expect([...await sql`SELECT name FROM pjs_cancel;`]).toEqual([{ NAME: 'a' }]);
    } finally { await sql.end({ timeout: 5 }); }
  });

  it('reports a syntax error with SQLSTATE 42601 and its position, and the connection stays usable', async () => {
    const sql = connect();
    try {
      await createStream(sql, 'pjs_err');
      const text = 'SELECT id, FROM pjs_err;';
      const err = await sql.unsafe(text).then(() => undefined, (e: { code?: string; position?: string }) => e);
      expect(err).toMatchObject({ code: '42601' });
      expect(text.slice(Number(err?.position) - 1)).toBe('FROM pjs_err;');
      expect([...await sql`SELECT id FROM pjs_err;`]).toEqual([]);
    } finally { await sql.end({ timeout: 5 }); }
  });
});
