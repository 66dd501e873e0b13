// Postgres session statements and the constant queries clients send at connect: SET/SHOW/RESET
// of Postgres settings, SELECT version() and friends, with psql, node-postgres and postgres.js.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import postgres from 'postgres';
import { startFixture, psql, type PgFixture } from './pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM s (id INT KEY, name STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);`);
});
afterAll(async () => fx.close());

/** psql -c for each statement (one session), unaligned rows; errors with their SQLSTATE. */
function run(...statements: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return psql(fx.server.port, ['-v', 'VERBOSITY=verbose', ...statements.flatMap((s) => ['-c', s])]);
}

describe('SHOW, SET and RESET of Postgres settings (psql)', () => {
  it('SHOW server_version prints the version the server reports', async () => {
    const r = await run('SHOW server_version', 'SHOW server_version_num');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['15.0 (Eddy)', '150000']);
  });

  it('SET application_name changes what SHOW application_name prints; RESET restores psql\'s', async () => {
    const r = await run("SET application_name = 'x'", 'SHOW application_name', 'RESET application_name', 'SHOW application_name');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['SET', 'x', 'RESET', 'psql']);
  });

  it('spells values back as Postgres does: SET ... TO, units, lists, DateStyle', async () => {
    const r = await run('SET statement_timeout TO 5000', 'SHOW statement_timeout',
      'SET search_path = public, "$user"', 'SHOW search_path', 'SET DateStyle = iso, dmy', 'SHOW datestyle',
      "SET TIME ZONE 'europe/paris'", 'SHOW TIME ZONE', 'SHOW TRANSACTION ISOLATION LEVEL');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').filter((l) => l !== 'SET')).toEqual(['5s', 'public, "$user"', 'ISO, DMY', 'Europe/Paris', 'read committed']);
  });

  it('refuses unknown settings (42704), read-only ones (55P02), bad values (22023) and values Eddy cannot honour (0A000)', async () => {
    const r = await run('SHOW nope', 'SET nope = 1', 'SET server_version = 1', 'SET extra_float_digits = 9',
      "SET client_encoding = 'LATIN1'", 'SHOW client_encoding');
    expect(r.stderr).toMatch(/ERROR:\s+42704: unrecognized configuration parameter "nope"[\s\S]*42704: unrecognized configuration parameter "nope"/);
    expect(r.stderr).toMatch(/ERROR:\s+55P02: parameter "server_version" cannot be changed/);
    expect(r.stderr).toMatch(/ERROR:\s+22023: 9 is outside the valid range for parameter "extra_float_digits" \(-15 \.\. 3\)/);
    expect(r.stderr).toMatch(/ERROR:\s+0A000: Eddy supports client_encoding = UTF8 only/);
    expect(r.stdout.trim()).toBe('UTF8');
  });

  it('accepts custom dotted settings, as Postgres does', async () => {
    const r = await run("SET myapp.tenant = 'acme'", 'SHOW myapp.tenant', 'SHOW myapp.other');
    expect(r.stdout.trim().split('\n')).toEqual(['SET', 'acme']);
    expect(r.stderr).toMatch(/42704: unrecognized configuration parameter "myapp.other"/);
  });

  it('leaves Eddy\'s own SET (a quoted property name) and SHOW STREAMS to Eddy', async () => {
    const r = await run("SET 'auto.offset.reset' = 'earliest'", 'SHOW PROPERTIES', 'SHOW STREAMS');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('auto.offset.reset|earliest');
    expect(r.stdout).toContain('S|s|KAFKA|JSON|f');
  });

  it('SHOW ALL lists the settings with their values and descriptions', async () => {
    const r = await run('SHOW ALL');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('server_version|15.0 (Eddy)|Shows the server version.');
    expect(r.stdout).toContain('TimeZone|UTC|');
  });
});

describe('SELECT without FROM (psql)', () => {
  it('answers version(), current_schema(), current_database(), current_user and constants', async () => {
    const r = await psql(fx.server.port, ['-P', 'tuples_only=off', '-c',
      "SELECT 1, 2 AS two, 'x', current_schema(), current_database(), current_user, pg_backend_pid() > 0 AS pid"]);
    // pg_backend_pid() > 0 is not a constant the catalog evaluates: Eddy's parser refuses the
    // statement, saying where (a SELECT of Eddy's needs FROM).
    expect(r.stderr).toMatch(/ERROR:.*expected FROM/);
    const ok = await psql(fx.server.port, ['-P', 'tuples_only=off', '-c', "SELECT 1, 2 AS two, 'x', current_schema(), current_database(), current_user"]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout.trim().split('\n')).toEqual(['?column?|two|?column?|current_schema|current_database|current_user', '1|2|x|public|eddy|eddy', '(1 row)']);
    const v = await psql(fx.server.port, ['-c', 'select version()']);
    expect(v.stdout).toMatch(/^PostgreSQL 15\.0 \(Eddy\)/);
  });
});

describe('node-postgres', () => {
  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy', connectionTimeoutMillis: 5000 });
    await c.connect();
    return c;
  }

  it('SELECT 1 (a pool\'s health check) and select current_schema()', async () => {
    const c = await connect();
    try {
      const one = await c.query('SELECT 1');
      expect(one.fields.map((f: { name: string; dataTypeID: number }) => [f.name, f.dataTypeID])).toEqual([['?column?', 23]]);
      expect(one.rows).toEqual([{ '?column?': 1 }]);
      const schema = await c.query('select current_schema()');
      expect(schema.fields.map((f: { name: string; dataTypeID: number }) => [f.name, f.dataTypeID])).toEqual([['current_schema', 19]]);
      expect(schema.rows).toEqual([{ current_schema: 'public' }]);
    } finally { await c.end(); }
  });

  it('SET application_name sends the new value in a ParameterStatus', async () => {
    const c = await connect();
    try {
      const statuses: [string, string][] = [];
      (c as unknown as { connection: { on(e: string, f: (m: { parameterName: string; parameterValue: string }) => void): void } })
        .connection.on('parameterStatus', (m) => statuses.push([m.parameterName, m.parameterValue]));
      const r = await c.query("SET application_name = 'billing'");
      expect(r.command).toBe('SET');
      expect(statuses).toEqual([['application_name', 'billing']]);
    } finally { await c.end(); }
  });
});

describe('postgres.js', () => {
  it('reads pg_type at connect (eager_types), then queries', async () => {
    // postgres.js 4 looks up domains and array types before the first query; if that fails, the query fails.
    const sql = postgres({ host: '127.0.0.1', port: fx.server.port, user: 'eddy', database: 'eddy', connect_timeout: 5, max: 1, eager_types: true });
    try {
      expect(await sql`select current_schema()`).toEqual([{ current_schema: 'public' }]);
      expect((await sql`SHOW STREAMS`).map((r) => r['Stream Name'])).toContain('S');
    } finally { await sql.end({ timeout: 2 }); }
  });
});
