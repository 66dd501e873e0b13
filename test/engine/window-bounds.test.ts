// Window clauses that cannot work are refused when the query is created, as ksqlDB refuses them:
// a size, gap or advance that is not positive, an advance larger than the size, a negative grace
// period, retention or WITHIN, and a hopping window that would put one record in more windows
// than eddy.window.max.per.record. The error points at the window clause; nothing is created.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords, errorOf } from './engine-helpers.js';
import { SqlError } from '../../src/types/sql-error.js';

const STREAM = `CREATE STREAM s (k STRING, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

/** Creates the stream, then tries `create` (on one line after it); returns the error. */
async function refused(create: string): Promise<SqlError> {
  await run(STREAM);
  const err = await errorOf(run(create));
  expect(err).toBeInstanceOf(SqlError);
  const e = await engine();
  expect(e.state.queries.size).toBe(0);
  expect(e.state.catalog.get('T')).toBeUndefined();
  return err as SqlError;
}

const windowed = (w: string): string => `CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW ${w} GROUP BY k;`;

describe('window bounds', () => {
  it('a HOPPING window with a negative ADVANCE BY is refused at the window clause', async () => {
    const err = await refused(windowed('HOPPING (SIZE 1 MINUTE, ADVANCE BY -1 SECONDS)'));
    expect(err.message).toMatch(/ADVANCE BY must be positive/);
    expect(err.position).toMatchObject({ line: 1, column: 'CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW '.length + 1 });
  });

  it('a HOPPING window with ADVANCE BY 0 is refused', async () => {
    const err = await refused(windowed('HOPPING (SIZE 1 MINUTE, ADVANCE BY 0 SECONDS)'));
    expect(err.message).toMatch(/ADVANCE BY must be positive and no larger than SIZE 1 MINUTE/);
  });

  it('a HOPPING window that advances further than its size is refused', async () => {
    const err = await refused(windowed('HOPPING (SIZE 1 MINUTE, ADVANCE BY 2 MINUTES)'));
    expect(err.message).toMatch(/not 2 MINUTES/);
  });

  it('a window size of zero or less is refused for TUMBLING, HOPPING and SESSION', async () => {
    expect((await refused(windowed('TUMBLING (SIZE 0 SECONDS)'))).message).toMatch(/TUMBLING window SIZE must be positive/);
    expect((await errorOf(run(windowed('TUMBLING (SIZE -5 SECONDS)')))).message).toMatch(/SIZE must be positive, not -5 SECONDS/);
    expect((await errorOf(run(windowed('HOPPING (SIZE 0 SECONDS, ADVANCE BY 0 SECONDS)')))).message).toMatch(/HOPPING window SIZE must be positive/);
    expect((await errorOf(run(windowed('SESSION (0 SECONDS)')))).message).toMatch(/SESSION window gap must be positive/);
    expect((await errorOf(run(windowed('SESSION (-1 MINUTE)')))).message).toMatch(/gap must be positive/);
  });

  it('a negative GRACE PERIOD or RETENTION is refused', async () => {
    expect((await refused(windowed('TUMBLING (SIZE 1 MINUTE, GRACE PERIOD -1 SECONDS)'))).message).toMatch(/GRACE PERIOD must not be negative/);
    expect((await errorOf(run(windowed('SESSION (1 MINUTE, RETENTION -1 DAYS)')))).message).toMatch(/RETENTION must not be negative/);
  });

  it('a stream-stream join with a negative WITHIN or WITHIN grace is refused at the WITHIN clause', async () => {
    await run(`${STREAM}
      CREATE STREAM r (k STRING, w INT) WITH (KAFKA_TOPIC='r', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    const join = (within: string): string => `CREATE STREAM j AS SELECT s.k, v, w FROM s JOIN r ${within} ON s.k = r.k;`;
    const err = await errorOf(run(join('WITHIN -1 SECONDS')));
    expect(err.message).toMatch(/WITHIN must not be negative, not -1 SECONDS/);
    expect((err as SqlError).position).toMatchObject({ column: 'CREATE STREAM j AS SELECT s.k, v, w FROM s JOIN r '.length + 1 });
    expect((await errorOf(run(join('WITHIN (1 SECONDS, -2 SECONDS)')))).message).toMatch(/not \(1 SECOND, -2 SECONDS\)/);
    expect((await errorOf(run(join('WITHIN 1 MINUTE GRACE PERIOD -1 SECONDS')))).message).toMatch(/GRACE PERIOD must not be negative/);
    const e = await engine();
    expect(e.state.queries.size).toBe(0);
    expect(e.state.catalog.get('J')).toBeUndefined();
  });

  it('a HOPPING window putting each record in more than 10,000 windows is refused, naming the limit', async () => {
    const err = await refused(windowed('HOPPING (SIZE 1 DAY, ADVANCE BY 1 MILLISECOND)'));
    expect(err.message).toMatch(/each record in 86400000 windows, more than eddy\.window\.max\.per\.record \(10000\)/);
  });

  it('eddy.window.max.per.record raises the limit, and windows up to it work', async () => {
    await run(`${STREAM}
      SET 'eddy.window.max.per.record'='20000';
      ${windowed('HOPPING (SIZE 20 SECONDS, ADVANCE BY 1 MILLISECOND)')}
      INSERT INTO s (k, v) VALUES ('a', 1);`);
    expect(await topicRecords('T')).toHaveLength(20000);
    expect((await errorOf(run(`SET 'eddy.window.max.per.record'='100';
      CREATE TABLE t2 AS SELECT k, COUNT(*) AS n FROM s WINDOW HOPPING (SIZE 1 SECOND, ADVANCE BY 1 MILLISECOND) GROUP BY k;`))).message)
      .toMatch(/1000 windows, more than eddy\.window\.max\.per\.record \(100\)/);
  });
});
