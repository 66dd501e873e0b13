import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixture, psql, pushQueryRunning, type PgFixture } from './pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM s (id INT KEY, name STRING, score DOUBLE) WITH (kafka_topic='s', value_format='JSON', partitions=1);`);
});
afterAll(async () => fx.close());

describe('psql', () => {
  it('creates a stream, inserts into it and reads it back with a pull query', async () => {
    const r = await psql(fx.server.port, ['-c', `CREATE STREAM people (id INT KEY, name STRING) WITH (kafka_topic='people', value_format='JSON', partitions=1);
      INSERT INTO people (id, name) VALUES (1, 'ann'); INSERT INTO people (id, name) VALUES (2, 'bob');
      SELECT id, name FROM people;`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // psql prints each command's tag, then the rows.
    expect(r.stdout.trim().split('\n')).toEqual(['CREATE STREAM', 'INSERT 0 1', 'INSERT 0 1', '1|ann', '2|bob']);
  });

  it('runs a script file given with -f', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-'));
    const file = join(dir, 'script.sql');
    writeFileSync(file, `INSERT INTO s (id, name, score) VALUES (7, 'x', 1.5);\nSELECT name, score FROM s WHERE id = 7;\n`);
    const r = await psql(fx.server.port, ['-f', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('x|1.5');
  });

  it('prints the rows of a push query with LIMIT (psql shows them once the limit ends the query)', async () => {
    const run = psql(fx.server.port, ['-c', 'SELECT id, name FROM s EMIT CHANGES LIMIT 2;']);
    // The push query starts at the latest offset: these rows arrive after it started.
    await pushQueryRunning(fx.engine);
    await fx.engine.executeScript(`INSERT INTO s (id, name, score) VALUES (10, 'p', 0.0); INSERT INTO s (id, name, score) VALUES (11, 'q', 0.0);`);
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['10|p', '11|q']);
  });

  it('shows the warning of a push query that scores with a model trained on its topic', async () => {
    await fx.engine.executeScript(`CREATE MODEL sm WITH (TYPE='zscore') AS SELECT score FROM s TRAIN ONLINE;`);
    const r = await psql(fx.server.port, ['-c', "SET 'auto.offset.reset' = 'earliest';", '-c', 'SELECT id, ANOMALY_SCORE(sm, score) AS z FROM s EMIT CHANGES LIMIT 1;']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^WARNING:  this push query scores rows of topic s with model SM as it is when the query reaches each row, not in lockstep with its training/m);
    await fx.engine.executeScript('DROP MODEL sm;');
  });

  it('reports an unknown source with SQLSTATE 42P01 and its message', async () => {
    const r = await psql(fx.server.port, ['-v', 'VERBOSITY=verbose', '-c', 'SELECT * FROM nowhere;']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ERROR:\s+42P01: .*NOWHERE/i);
  });

  it('keeps the connection usable after an error: the next query in the session runs', async () => {
    const r = await psql(fx.server.port, ['-c', 'SELECT * FROM nowhere;', '-c', 'SELECT name FROM s WHERE id = 7;']);
    expect(r.stderr).toMatch(/ERROR:/);
    expect(r.stdout).toContain('x');
  });
});
