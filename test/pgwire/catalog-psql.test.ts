// psql 15's meta-commands against Eddy: each must print what a psql user expects (and psql
// must exit cleanly: a wrong-shaped catalog answer crashes it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startFixture, psql, type PgFixture } from './pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`
    CREATE TABLE orders (id INT PRIMARY KEY, item STRING, amount DOUBLE, price DECIMAL(10,2), placed TIMESTAMP, tags ARRAY<STRING>)
      WITH (kafka_topic='orders', value_format='JSON', partitions=1);
    CREATE STREAM clicks (user_id BIGINT KEY, url STRING, ok BOOLEAN, day DATE, raw BYTES)
      WITH (kafka_topic='clicks', value_format='JSON', partitions=1);`);
});
afterAll(async () => fx.close());

/** psql's own table output (aligned, with titles and footers), lines without trailing blanks. */
async function psqlTable(command: string): Promise<{ code: number; lines: string[]; stderr: string }> {
  const r = await psql(fx.server.port, ['-P', 'format=aligned', '-P', 'tuples_only=off', '-c', command]);
  return { code: r.code, lines: r.stdout.split('\n').map((l) => l.trimEnd()).filter((l) => l !== ''), stderr: r.stderr };
}

/** Unaligned rows (psql -A -t), one string per row. */
async function psqlRows(command: string): Promise<string[]> {
  const r = await psql(fx.server.port, ['-c', command]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('psql meta-commands', () => {
  it('\\dt lists the tables', async () => {
    const r = await psqlTable('\\dt');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '        List of relations',
      ' Schema |  Name  | Type  | Owner',
      '--------+--------+-------+-------',
      ' public | ORDERS | table | eddy',
      '(1 row)',
    ]);
  });

  it('\\d lists streams and tables, streams typed "stream"', async () => {
    expect(await psqlRows('\\d')).toEqual([
      'public|CLICKS|stream|eddy',
      'public|EDDY_MODEL_METRICS|stream|eddy',
      'public|EDDY_PROCESSING_LOG|stream|eddy',
      'public|ORDERS|table|eddy',
    ]);
  });

  it('\\dv lists the streams only; a name pattern matches regardless of case', async () => {
    expect(await psqlRows('\\dv')).toEqual(['public|CLICKS|stream|eddy', 'public|EDDY_MODEL_METRICS|stream|eddy', 'public|EDDY_PROCESSING_LOG|stream|eddy']);
    expect(await psqlRows('\\dv eddy_*')).toEqual(['public|EDDY_MODEL_METRICS|stream|eddy', 'public|EDDY_PROCESSING_LOG|stream|eddy']);
  });

  it('\\d NAME shows a table\'s columns with Postgres types, its key as not null and as the primary key', async () => {
    const r = await psqlTable('\\d orders');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '                         Table "public.ORDERS"',
      ' Column |            Type             | Collation | Nullable | Default',
      '--------+-----------------------------+-----------+----------+---------',
      ' ID     | integer                     |           | not null |',
      ' ITEM   | text                        |           |          |',
      ' AMOUNT | double precision            |           |          |',
      ' PRICE  | numeric(10,2)               |           |          |',
      ' PLACED | timestamp without time zone |           |          |',
      ' TAGS   | json                        |           |          |',
      'Indexes:',
      '    "ORDERS_pkey" PRIMARY KEY, kafka (ID)',
    ]);
  });

  it('\\d NAME of a stream shows it as a view; \\d+ adds storage and the statement that made it', async () => {
    const plain = await psqlTable('\\d clicks');
    expect(plain.code).toBe(0);
    expect(plain.lines[0].trim()).toBe('View "public.CLICKS"');
    expect(plain.lines.slice(3)).toEqual([
      ' USER_ID | bigint  |           |          |',
      ' URL     | text    |           |          |',
      ' OK      | boolean |           |          |',
      ' DAY     | date    |           |          |',
      ' RAW     | bytea   |           |          |',
    ]);
    const verbose = await psqlTable('\\d+ clicks');
    expect(verbose.stderr).toBe('');
    expect(verbose.code).toBe(0);
    expect(verbose.lines[1]).toMatch(/Column .*\| Storage .*\| Description/);
    expect(verbose.lines).toContain('View definition:');
    const definition = verbose.lines.slice(verbose.lines.indexOf('View definition:') + 1);
    expect(definition[0]).toMatch(/^CREATE STREAM clicks \(user_id BIGINT KEY/);
  });

  it('\\d+ NAME of a table shows storage and the access method', async () => {
    const r = await psqlTable('\\d+ orders');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines[3]).toMatch(/^ ID +\| integer +\| +\| not null \| +\| plain/);
    expect(r.lines.at(-1)).toBe('Access method: kafka');
  });

  it('\\d of an unknown name says so, as psql does for Postgres', async () => {
    const r = await psql(fx.server.port, ['-c', '\\d nowhere']);
    expect(r.stderr.trim()).toBe('Did not find any relation named "nowhere".');
    expect(r.code).toBe(1);
  });

  it('\\d+ lists relations with where their rows live', async () => {
    expect(await psqlRows('\\dt+')).toEqual(['public|ORDERS|table|eddy|permanent|kafka||Kafka topic orders (KAFKA key, JSON value)']);
  });

  it('\\df lists Eddy\'s functions, one row per signature; \\df NAME filters them', async () => {
    const all = await psqlRows('\\df');
    expect(all.length).toBeGreaterThan(100);
    expect(await psqlRows('\\df abs')).toEqual([
      'public|ABS|BIGINT|value BIGINT|func',
      'public|ABS|depends on arguments|value DECIMAL|func',
      'public|ABS|DOUBLE|value DOUBLE|func',
      'public|ABS|INTEGER|value INTEGER|func',
    ]);
    expect(all.filter((l) => l.startsWith('public|COUNT|')).every((l) => l.endsWith('|agg'))).toBe(true);
  });

  it('\\l lists the one database, the one connected to', async () => {
    const r = await psqlTable('\\l');
    expect(r.code).toBe(0);
    expect(r.lines[1]).toBe(' Name | Owner | Encoding | Collate | Ctype | ICU Locale | Locale Provider | Access privileges');
    expect(r.lines.slice(3)).toEqual([' eddy | eddy  | UTF8     | C       | C     |            | libc            |', '(1 row)']);
  });

  it('\\dn lists schema public; \\du lists the session\'s user', async () => {
    expect(await psqlRows('\\dn')).toEqual(['public|eddy']);
    const roles = await psqlTable('\\du');
    expect(roles.code).toBe(0);
    expect(roles.lines.slice(1)).toEqual([' Role name | Attributes | Member of', '-----------+------------+-----------', ' eddy      |            | {}']);
  });

  it('\\conninfo names the database, user, host and port', async () => {
    expect(await psqlRows('\\conninfo')).toEqual([`You are connected to database "eddy" as user "eddy" on host "127.0.0.1" at port "${fx.server.port}".`]);
  });

  it('a meta-command Eddy does not answer fails cleanly with 0A000, and the session goes on', async () => {
    const r = await psql(fx.server.port, ['-v', 'VERBOSITY=verbose', '-c', '\\dT', '-c', 'SELECT 1']);
    expect(r.stderr).toMatch(/ERROR:\s+0A000: Eddy does not answer this Postgres catalog query/);
    expect(r.stdout.trim()).toBe('1');
  });
});
