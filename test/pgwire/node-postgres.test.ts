import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { startFixture, pushQueryRunning, type PgFixture } from './pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM orders (id INT KEY, item STRING, qty BIGINT, price DOUBLE, ok BOOLEAN, tags ARRAY<STRING>) WITH (kafka_topic='orders', value_format='JSON', partitions=1);
    INSERT INTO orders (id, item, qty, price, ok, tags) VALUES (1, 'pen', 3, 1.25, true, ARRAY['a', 'b']);`);
});
afterAll(async () => fx.close());

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy' });
  await c.connect();
  return c;
}

describe('node-postgres', () => {
  it('gets the rows of a pull query, with Postgres types for each column', async () => {
    const c = await connect();
    try {
      const r = await c.query('SELECT id, item, qty, price, ok, tags FROM orders;');
      expect(r.fields.map((f: { name: string; dataTypeID: number }) => [f.name, f.dataTypeID])).toEqual([
        ['ID', 23], ['ITEM', 25], ['QTY', 20], ['PRICE', 701], ['OK', 16], ['TAGS', 114]]);
      // pg parses int4, float8, bool and json itself; int8 stays text (it may not fit a number).
      expect(r.rows).toEqual([{ ID: 1, ITEM: 'pen', QTY: '3', PRICE: 1.25, OK: true, TAGS: ['a', 'b'] }]);
      expect(r.command).toBe('SELECT');
      expect(r.rowCount).toBe(1);
    } finally { await c.end(); }
  });

  it('reports a syntax error with SQLSTATE 42601 and the 1-based position of the bad token', async () => {
    const c = await connect();
    try {
      const text = 'SELECT id FROM orders;\nSELECT id FROMM orders;';
      const err = await c.query(text).then(() => undefined, (e: { code: string; position: string; message: string }) => e);
      expect(err?.code).toBe('42601');
      // The position counts from the start of the whole query text, as Postgres does.
      expect(text.slice(Number(err?.position) - 1)).toMatch(/^orders;$/);
      expect((await c.query('SELECT item FROM orders;')).rows).toEqual([{ ITEM: 'pen' }]);
    } finally { await c.end(); }
  });

  it('reports an unknown column with SQLSTATE 42703', async () => {
    const c = await connect();
    try {
      await expect(c.query('SELECT nope FROM orders;')).rejects.toMatchObject({ code: '42703' });
    } finally { await c.end(); }
  });

  it('runs parameterised statements: $n values take the type their column needs', async () => {
    const c = await connect();
    try {
      await c.query('INSERT INTO orders (id, item, qty, price, ok) VALUES ($1, $2, $3, $4, $5);', [7, "it's", 12, -0.5, false]);
      const r = await c.query('SELECT item, qty, price, ok FROM orders WHERE id = $1 AND item = $2;', [7, "it's"]);
      expect(r.rows).toEqual([{ ITEM: "it's", QTY: '12', PRICE: -0.5, OK: false }]);
      // A value that is not a number for a number column: a clean error, and the connection goes on.
      await expect(c.query('SELECT item FROM orders WHERE id = $1;', ['seven'])).rejects.toMatchObject({ message: expect.stringContaining('seven') });
      expect((await c.query('SELECT qty FROM orders WHERE id = 1;')).rows).toEqual([{ QTY: '3' }]);
    } finally { await c.end(); }
  });

  it('answers an empty query with no rows and no error', async () => {
    const c = await connect();
    try {
      const r = await c.query('  ');
      expect(r.rows).toEqual([]);
    } finally { await c.end(); }
  });

  it('receives each row of a push query as it arrives, before the query ends', async () => {
    const c = await connect();
    c.on('error', () => undefined);
    try {
      const rows: unknown[] = [];
      const firstRow = new Promise<void>((resolve) => {
        const q = c.query(new pg.Query('SELECT id, item FROM orders EMIT CHANGES;'));
        q.on('row', (row: unknown) => { rows.push(row); resolve(); });
        q.on('error', () => undefined);
      });
      await pushQueryRunning(fx.engine);
      await fx.engine.executeScript(`INSERT INTO orders (id, item, qty, price, ok, tags) VALUES (2, 'ink', 1, 2.0, false, ARRAY['c']);`);
      await firstRow;
      expect(rows).toEqual([{ ID: 2, ITEM: 'ink' }]);
    } finally { await c.end(); }
    await pushQueryRunning(fx.engine, false);
  });

  it('stops a push query when its client disconnects', async () => {
    const c = await connect();
    c.on('error', () => undefined);
    const pending = c.query('SELECT item FROM orders EMIT CHANGES;').catch(() => undefined);
    await pushQueryRunning(fx.engine);
    await c.end();
    await pending;
    await pushQueryRunning(fx.engine, false);
  });
});
