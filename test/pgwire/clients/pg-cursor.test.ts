// pg-cursor (with node-postgres) against Eddy's Postgres endpoint: the extended protocol's Execute
// with a row limit (PortalSuspended) over a pull query and a push query, cancel, and errors.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { startFixture, pushQueryRunning, type PgFixture } from '../pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => { fx = await startFixture(); });
afterAll(async () => fx?.close());

const config = (): pg.ClientConfig => ({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy', connectionTimeoutMillis: 5000 });

async function connect(): Promise<pg.Client> {
  const c = new pg.Client(config());
  c.on('error', () => undefined); // a test that fails should say why, not crash on a late socket error
  await c.connect();
  return c;
}

async function createStream(c: pg.Client, name: string): Promise<void> {
  await c.query(`CREATE STREAM ${name} (id INT KEY, v DOUBLE, name STRING) WITH (kafka_topic='${name}', value_format='json', partitions=1);`);
}

/** Fails the test, rather than hanging it, when a read waits for rows that never come. */
function within<T>(p: Promise<T>, ms = 5000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe('pg-cursor', () => {
  it('reads a pull query in batches, with numbers and strings, after parameterised inserts', async () => {
    const c = await connect();
    try {
      await createStream(c, 'pgc_pull');
      for (const [id, v, name] of [[1, 1.5, 'one'], [2, 2.5, 'two'], [3, -0.25, 'three']]) {
        await c.query('INSERT INTO pgc_pull (id, v, name) VALUES ($1, $2, $3);', [id, v, name]);
      }
      const cursor = c.query(new Cursor('SELECT id, v, name FROM pgc_pull;'));
      expect(await within(cursor.read(2))).toEqual([{ ID: 1, V: 1.5, NAME: 'one' }, { ID: 2, V: 2.5, NAME: 'two' }]);
      expect(await within(cursor.read(2))).toEqual([{ ID: 3, V: -0.25, NAME: 'three' }]);
      expect(await within(cursor.read(2))).toEqual([]);
      await cursor.close();
      const where = c.query(new Cursor('SELECT name FROM pgc_pull WHERE id = $1;', [3]));
      expect(await within(where.read(5))).toEqual([{ NAME: 'three' }]);
      await where.close();
    } finally { await c.end(); }
  });

  it('reads a push query n rows at a time as rows arrive, and close() ends it', async () => {
    const c = await connect();
    try {
      await createStream(c, 'pgc_push');
      const cursor = c.query(new Cursor('SELECT id, name FROM pgc_push EMIT CHANGES;'));
      const first = within(cursor.read(2));
      await pushQueryRunning(fx.engine);
      // Rows inserted after the query started: the first batch can only be them.
      await fx.engine.executeScript(`INSERT INTO pgc_push (id, v, name) VALUES (1, 0.5, 'a');
        INSERT INTO pgc_push (id, v, name) VALUES (2, 0.5, 'b');`);
      expect(await first).toEqual([{ ID: 1, NAME: 'a' }, { ID: 2, NAME: 'b' }]);
      // The next read waits for the next rows; none are there yet.
      const second = within(cursor.read(2));
      let early = false;
      void second.then(() => { early = true; }, () => undefined);
      await fx.engine.executeScript(`INSERT INTO pgc_push (id, v, name) VALUES (3, 0.5, 'c');`);
      await new Promise((r) => setTimeout(r, 200));
      expect(early).toBe(false); // a batch is always full: 2 rows, never a short one
      await fx.engine.executeScript(`INSERT INTO pgc_push (id, v, name) VALUES (4, 0.5, 'd');`);
      expect(await second).toEqual([{ ID: 3, NAME: 'c' }, { ID: 4, NAME: 'd' }]);
      await within(cursor.close());
      await pushQueryRunning(fx.engine, false);
      expect((await c.query('SELECT id FROM pgc_push WHERE id = $1;', [4])).rows).toEqual([{ ID: 4 }]);
    } finally { await c.end(); }
  });

  it('cancels a waiting read with a CancelRequest: 57014, and the connection stays usable', async () => {
    const c = await connect();
    try {
      await createStream(c, 'pgc_cancel');
      const cursor = c.query(new Cursor('SELECT * FROM pgc_cancel EMIT CHANGES;'));
      const read = within(cursor.read(5)).then(() => undefined, (e: unknown) => e);
      await pushQueryRunning(fx.engine);
      // node-postgres's way: a second client sends CancelRequest with the first one's key.
      new pg.Client(config()).cancel(c, cursor);
      expect(await read).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
      await pushQueryRunning(fx.engine, false);
      await c.query('INSERT INTO pgc_cancel (id, v, name) VALUES ($1, $2, $3);', [1, 1.5, 'x']);
      expect((await c.query('SELECT name FROM pgc_cancel;')).rows).toEqual([{ NAME: 'x' }]);
    } finally { await c.end(); }
  });

  it('reports a syntax error with SQLSTATE 42601 and its position, and the connection stays usable', async () => {
    const c = await connect();
    try {
      await createStream(c, 'pgc_err');
      const text = 'SELECT id, FROM pgc_err EMIT CHANGES;';
      const cursor = c.query(new Cursor(text));
      const err = await within(cursor.read(1)).then(() => undefined, (e: { code?: string; position?: string }) => e);
      expect(err).toMatchObject({ code: '42601' });
      expect(text.slice(Number(err?.position) - 1)).toBe('FROM pgc_err EMIT CHANGES;');
      expect((await c.query('SELECT id FROM pgc_err;')).rows).toEqual([]);
    } finally { await c.end(); }
  });
});
