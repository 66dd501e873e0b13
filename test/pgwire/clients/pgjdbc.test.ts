// pgjdbc (from Maven Central, fetched and compiled by scripts/pg-clients/java.sh) against Eddy's
// Postgres endpoint: DDL, a PreparedStatement insert (?), a pull query, a push query with
// setFetchSize and autocommit off (Execute with a row limit), Statement.cancel(), a syntax error,
// CopyManager.copyIn (COPY FROM STDIN).
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startFixture, pushQueryRunning, type PgFixture } from '../pg-helpers.js';
import { installClient, ClientProcess } from './client-process.js';

let fx: PgFixture;
let classpath: string;

beforeAll(async () => {
  classpath = await installClient('java');
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM jdbc_live (id INT KEY, v DOUBLE, name STRING) WITH (kafka_topic='jdbc_live', value_format='json', partitions=1);
    INSERT INTO jdbc_live (id, v, name) VALUES (0, 0.0, 'before');`);
}, 300_000);
afterAll(async () => fx?.close());
// A failed test may leave its client and its push query running: stop both before the next test.
afterEach(async () => {
  await ClientProcess.killAll();
  if (fx) await pushQueryRunning(fx.engine, false);
});

function run(...args: string[]): ClientProcess {
  return new ClientProcess('java', ['-cp', classpath, 'JdbcScenario', String(fx.server.port), ...args]);
}

/** Inserts rows with the engine once the client's push query runs: they can only arrive live. */
function insertWhenRunning(ids: number[]): Promise<void> {
  const done = insertRows(ids);
  done.catch(() => undefined); // awaited later in the test; until then a failure must not go unhandled
  return done;
}

async function insertRows(ids: number[]): Promise<void> {
  await pushQueryRunning(fx.engine);
  for (const id of ids) await fx.engine.executeScript(`INSERT INTO jdbc_live (id, v, name) VALUES (${id}, ${id}.5, 'r${id}');`);
}

const AFTER = 'SELECT name FROM jdbc_live WHERE id = 0;';

describe('pgjdbc', () => {
  it('creates a stream, inserts through a PreparedStatement (one and a batch), pulls Integer, Double, String', async () => {
    const p = run('basics', 'jdbc_basic');
    await p.next('created');
    await p.next('inserted');
    expect(await p.next('pulled')).toEqual({
      event: 'pulled',
      columns: [['ID', 'int4'], ['V', 'float8'], ['NAME', 'text']],
      rows: [
        { values: [1, 1.5, 'one'], types: ['Integer', 'Double', 'String'] },
        { values: [2, 2.5, 'two'], types: ['Integer', 'Double', 'String'] },
        { values: [3, -0.25, 'three'], types: ['Integer', 'Double', 'String'] },
      ],
    });
    expect(await p.next('pulled-where')).toMatchObject({ rows: [{ values: ['two'], types: ['String'] }] });
    await p.finish();
  });

  it('streams a push query with setFetchSize(2) and autocommit off, batch after batch as rows arrive', async () => {
    const p = run('fetch', 'SELECT id, v, name FROM jdbc_live EMIT CHANGES;', '2', '5', AFTER);
    // 5 rows with fetch size 2: three Executes of 2 rows; the third needs a 6th row to fill up.
    const inserting = insertWhenRunning([1, 2, 3, 4, 5, 6]);
    for (const id of [1, 2, 3, 4, 5]) {
      expect(await p.next('row')).toEqual({ event: 'row', values: [id, id + 0.5, `r${id}`], types: ['Integer', 'Double', 'String'] });
    }
    await inserting;
    await p.next('closed');
    expect(await p.next('after')).toMatchObject({ rows: [{ values: ['before'] }] });
    await p.finish();
    await pushQueryRunning(fx.engine, false);
  });

  it('cancels a running push query with Statement.cancel() from another thread: 57014, connection usable', async () => {
    const p = run('cancel', 'SELECT * FROM jdbc_live EMIT CHANGES;', AFTER);
    await pushQueryRunning(fx.engine);
    p.send('cancel');
    expect(await p.next('error')).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
    expect(await p.next('after')).toMatchObject({ rows: [{ values: ['before'] }] });
    await p.finish();
    await pushQueryRunning(fx.engine, false);
  });

  it('reports a syntax error with SQLSTATE 42601 and the position in ServerErrorMessage', async () => {
    const query = 'SELECT id, FROM jdbc_live;';
    const p = run('error', query, AFTER);
    const e = await p.next('error');
    expect(e).toMatchObject({ sqlstate: '42601' });
    expect(query.slice(Number(e.position) - 1)).toBe('FROM jdbc_live;');
    expect(await p.next('after')).toMatchObject({ rows: [{ values: ['before'] }] });
    await p.finish();
  });

  it('bulk-loads CSV with CopyManager.copyIn (COPY FROM STDIN), and reports a bad target as an SQLException', async () => {
    await fx.engine.executeScript(`CREATE STREAM jdbc_copy (id INT, v DOUBLE, name STRING) WITH (kafka_topic='jdbc_copy', value_format='json', partitions=1);`);
    const after = 'SELECT id, v, name FROM jdbc_copy;';
    let p = run('copy', 'COPY jdbc_copy FROM STDIN WITH (FORMAT csv, HEADER)', 'name,id,v\n"a, b",1,1.5\nc,2,\n', after);
    expect(await p.next('copied')).toEqual({ event: 'copied', rows: 2 });
    expect(await p.next('after')).toMatchObject({ rows: [{ values: [1, 1.5, 'a, b'] }, { values: [2, null, 'c'] }] });
    await p.finish();
    p = run('copy', 'COPY nowhere FROM STDIN', '1\n', after);
    expect(await p.next('error')).toMatchObject({ sqlstate: '42P01' });
    await p.next('after');
    await p.finish();
  });
});
