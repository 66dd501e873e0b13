// A server that stops tells its clients why, as Postgres does at shutdown (FATAL 57P01), instead
// of dropping their connections: psql prints "terminating connection due to administrator
// command" before "server closed the connection unexpectedly" (as a Postgres 15 stopped with
// pg_ctl -m fast under a running query, checked here), and drivers get the code.
import { describe, it, expect, afterEach } from 'vitest';
import pg from 'pg';
import { startFixture, psql, pushQueryRunning, type PgFixture } from './pg-helpers.js';

let fx: PgFixture | undefined;
afterEach(async () => { await fx?.close(); fx = undefined; });

describe('a stopping server', () => {
  it('ends an idle node-postgres connection with FATAL 57P01', async () => {
    fx = await startFixture();
    const c = new pg.Client({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy' });
    const failed = new Promise<Error & { code?: string; severity?: string }>((resolve) => c.on('error', resolve));
    const ended = new Promise<void>((resolve) => c.on('end', () => resolve()));
    await c.connect();
    expect((await c.query('SELECT 1 AS one FROM EDDY_PROCESSING_LOG LIMIT 0;')).rows).toEqual([]);
    await fx.close();
    fx = undefined;
    const e = await failed;
    expect(e.code).toBe('57P01');
    expect(e.severity).toBe('FATAL');
    expect(e.message).toBe('terminating connection due to administrator command');
    await ended;
  });

  it('ends psql running a push query with the reason', async () => {
    fx = await startFixture();
    await fx.engine.executeScript("CREATE STREAM s (v INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
    const run = psql(fx.server.port, ['-c', 'SELECT v FROM s EMIT CHANGES;']);
    await pushQueryRunning(fx.engine);
    await fx.server.close();
    const r = await run;
    expect(r.code).toBe(2); // psql's "connection to the server lost"
    expect(r.stderr).toContain('FATAL:  terminating connection due to administrator command\nserver closed the connection unexpectedly');
  });
});
