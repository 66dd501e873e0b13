// psycopg 3 (from PyPI, installed by scripts/pg-clients/python.sh) against Eddy's Postgres endpoint:
// DDL, %s-parameterised inserts, a pull query, a push query through cursor.stream() and through a
// server-side named cursor (DECLARE/FETCH), conn.cancel() from another thread, a syntax error,
// cursor.copy() (COPY FROM STDIN, text and binary; binary COPY TO STDOUT).
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startFixture, pushQueryRunning, type PgFixture } from '../pg-helpers.js';
import { installClient, ClientProcess } from './client-process.js';

const SCRIPT = 'test/pgwire/clients/python/psycopg_scenario.py';
let fx: PgFixture;
let python: string;

beforeAll(async () => {
  python = await installClient('python');
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM py_live (id INT KEY, v DOUBLE, name STRING) WITH (kafka_topic='py_live', value_format='json', partitions=1);
    INSERT INTO py_live (id, v, name) VALUES (0, 0.0, 'before');`);
}, 300_000);
afterAll(async () => fx?.close());
// A failed test may leave its client and its push query running: stop both before the next test.
afterEach(async () => {
  await ClientProcess.killAll();
  if (fx) await pushQueryRunning(fx.engine, false);
});

function run(scenario: string, options: Record<string, unknown>): ClientProcess {
  return new ClientProcess(python, [SCRIPT, String(fx.server.port), scenario, JSON.stringify(options)]);
}

/** Inserts rows with the engine once the client's push query runs: they can only arrive live. */
function insertWhenRunning(ids: number[]): Promise<void> {
  const done = insertRows(ids);
  done.catch(() => undefined); // awaited later in the test; until then a failure must not go unhandled
  return done;
}

async function insertRows(ids: number[]): Promise<void> {
  await pushQueryRunning(fx.engine);
  for (const id of ids) await fx.engine.executeScript(`INSERT INTO py_live (id, v, name) VALUES (${id}, ${id}.5, 'r${id}');`);
}

const AFTER = 'SELECT name FROM py_live WHERE id = 0;';

describe('psycopg 3', () => {
  it('creates a stream, inserts with %s parameters in a transaction, and pulls ints, floats and strings', async () => {
    const p = run('basics', { stream: 'py_basic' });
    await p.next('created');
    await p.next('inserted');
    expect(await p.next('pulled')).toMatchObject({
      columns: ['ID', 'V', 'NAME'],
      rows: [
        { values: [1, 1.5, 'one'], types: ['int', 'float', 'str'] },
        { values: [2, 2.5, 'two'], types: ['int', 'float', 'str'] },
        { values: [3, -0.25, 'three'], types: ['int', 'float', 'str'] },
      ],
    });
    expect(await p.next('pulled-where')).toMatchObject({ rows: [{ values: ['two'], types: ['str'] }] });
    await p.finish();
  });

  it('streams a push query with cursor.stream(), rows as they arrive; stopping early cancels it', async () => {
    const p = run('stream', { query: 'SELECT id, v, name FROM py_live EMIT CHANGES;', n: 3, after: AFTER });
    const inserting = insertWhenRunning([1, 2, 3]);
    for (const id of [1, 2, 3]) {
      expect(await p.next('row')).toEqual({ event: 'row', values: [id, id + 0.5, `r${id}`], types: ['int', 'float', 'str'] });
    }
    await inserting;
    await p.next('stopped');
    expect(await p.next('after')).toMatchObject({ rows: [['before']] });
    await p.finish();
    await pushQueryRunning(fx.engine, false);
  });

  it('streams a push query through a named (server-side) cursor: DECLARE, then FETCH itersize rows', async () => {
    const p = run('named-cursor', { query: 'SELECT id, name FROM py_live EMIT CHANGES;', n: 3, itersize: 2, after: AFTER });
    // itersize 2: the 3rd row comes in the second FETCH of 2, which waits for a 4th row.
    const inserting = insertWhenRunning([11, 12, 13, 14]);
    for (const id of [11, 12, 13]) expect(await p.next('row')).toMatchObject({ values: [id, `r${id}`], types: ['int', 'str'] });
    await inserting;
    await p.next('closed');
    expect(await p.next('after')).toMatchObject({ rows: [['before']] });
    await p.finish();
    await pushQueryRunning(fx.engine, false);
  });

  it('cancels a running push query with conn.cancel() from another thread: 57014, connection usable', async () => {
    const p = run('cancel', { query: 'SELECT * FROM py_live EMIT CHANGES;', after: AFTER });
    await pushQueryRunning(fx.engine);
    p.send('cancel');
    expect(await p.next('error')).toMatchObject({ sqlstate: '57014', cls: 'QueryCanceled', message: 'canceling statement due to user request' });
    expect(await p.next('after')).toMatchObject({ rows: [['before']] });
    await p.finish();
    await pushQueryRunning(fx.engine, false);
  });

  it('reports a syntax error as SyntaxError with SQLSTATE 42601 and diag.statement_position', async () => {
    const query = 'SELECT id, FROM py_live;';
    const p = run('syntax-error', { query, after: AFTER });
    const e = await p.next('error');
    expect(e).toMatchObject({ sqlstate: '42601', cls: 'SyntaxError' });
    expect(query.slice(Number(e.position) - 1)).toBe('FROM py_live;');
    expect(await p.next('after')).toMatchObject({ rows: [['before']] });
    await p.finish();
  });

  it('loads rows with cursor.copy() (COPY FROM STDIN, text format: NULLs, tabs, backslashes); a failed copy loads nothing more', async () => {
    await fx.engine.executeScript(`CREATE STREAM py_copy (id INT, v DOUBLE, name STRING) WITH (kafka_topic='py_copy', value_format='json', partitions=1);`);
    const p = run('copy-in', { stream: 'py_copy', rows: [[1, 1.5, 'plain'], [2, null, 'tab\there'], [3, -2.25, 'back\\slash'], [4, 4.0, null]] });
    expect(await p.next('copied')).toMatchObject({ rowcount: 4 });
    expect(await p.next('after')).toMatchObject({
      rows: [[1, 1.5, 'plain'], [2, null, 'tab\there'], [3, -2.25, 'back\\slash'], [4, 4.0, null]],
    });
    await p.finish();
  });

  it('loads rows with a binary cursor.copy() (FORMAT BINARY: ints, doubles, text with tabs, booleans, timestamps, NULLs)', async () => {
    await fx.engine.executeScript(`CREATE STREAM py_bin (id INT, v DOUBLE, name STRING, ok BOOLEAN, seen TIMESTAMP) WITH (kafka_topic='py_bin', value_format='json', partitions=1);`);
    const rows = [[1, 1.5, 'plain', true, '2026-12-07T10:20:30.123'], [2, null, 'tab\there\\', false, null], [3, -2.25, null, null, '1999-12-31T23:59:59']];
    const p = run('copy-binary', { stream: 'py_bin', rows });
    expect(await p.next('copied')).toMatchObject({ rowcount: 3 });
    const e = await p.next('copy-error');
    expect(e.sqlstate).toBe('22P03');
    expect(String(e.message)).toContain('COPY row 1, column ID');
    expect(await p.next('after')).toMatchObject({
      rows: [[1, 1.5, 'plain', true, '2026-12-07T10:20:30.123'], [2, null, 'tab\there\\', false, null], [3, -2.25, null, null, '1999-12-31T23:59:59.000']],
    });
    await p.finish();
  });
  it('reads rows with a binary COPY (query) TO STDOUT (ints, bigints, doubles, text, booleans, timestamps, numerics, dates, bytes, NULLs)', async () => {
    await fx.engine.executeScript(`CREATE STREAM py_out (id INT, big BIGINT, v DOUBLE, name STRING, ok BOOLEAN, seen TIMESTAMP, amount DECIMAL(10,2), day DATE, raw BYTES)
        WITH (kafka_topic='py_out', value_format='json', partitions=1);
      INSERT INTO py_out (id, big, v, name, ok, seen, amount, day, raw) VALUES (1, 9007199254740991, 1.5, 'tab\there', true, '2026-12-07T10:20:30.123', 12.34, '2026-12-07', TO_BYTES('hi', 'utf8'));
      INSERT INTO py_out (id, big, v, name, ok, seen, amount, day, raw) VALUES (2, -5, -0.25, NULL, false, NULL, -0.5, NULL, NULL);`);
    const p = run('copy-out-binary', {
      query: 'SELECT id, big, v, name, ok, seen, amount, day, raw FROM py_out',
      types: ['int4', 'int8', 'float8', 'text', 'bool', 'timestamp', 'numeric', 'date', 'bytea'],
    });
    expect(await p.next('copied-out')).toEqual({
      event: 'copied-out',
      rows: [
        [1, 9007199254740991, 1.5, 'tab\there', true, '2026-12-07T10:20:30.123000', '12.34', '2026-12-07', 'aGk='],
        [2, -5, -0.25, null, false, null, '-0.50', null, null],
      ],
      rowcount: 2, // from the COPY 2 tag
    });
    await p.finish();
  });
});

