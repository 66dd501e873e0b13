// EMIT FINAL: a windowed aggregation writes one record per window, once, when the window closes
// (window end + grace period <= stream time), rather than every intermediate update; which closed
// windows are written follows Kafka Streams' emit-on-window-close, as ksqlDB's do.
import { describe, it, expect } from 'vitest';
import { run, rows, topicRecords, jsonValue } from './engine-helpers.js';

const SOURCE = `CREATE STREAM s (k STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

async function insert(...rowsToInsert: [number, string, number][]): Promise<void> {
  for (const [ts, k, v] of rowsToInsert) await run(`INSERT INTO s (ROWTIME, k, v) VALUES (${ts}, '${k}', ${v});`);
}

describe('EMIT FINAL', () => {
  it('writes each window once, after it closes', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, SUM(v) AS total FROM s
        WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY k EMIT FINAL;`);
    await insert([1000, 'a', 1], [2000, 'a', 2], [3000, 'b', 5], [9999, 'a', 3]);
    expect(await topicRecords('T')).toEqual([]); // nothing has closed yet
    await insert([10000, 'a', 4]); // stream time reaches 10000: [0, 10000) closes
    expect((await topicRecords('T')).map(jsonValue)).toEqual([{ N: 3, TOTAL: 6 }, { N: 1, TOTAL: 5 }]);
    await insert([15000, 'a', 1], [25000, 'b', 1]); // [10000, 20000) closes
    const out = (await topicRecords('T')).map(jsonValue);
    expect(out).toEqual([{ N: 3, TOTAL: 6 }, { N: 1, TOTAL: 5 }, { N: 2, TOTAL: 5 }]);
  });

  it('with EMIT CHANGES the same input writes every update instead', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s
        WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY k EMIT CHANGES;`);
    await insert([1000, 'a', 1], [2000, 'a', 2], [3000, 'b', 5], [9999, 'a', 3], [10000, 'a', 4]);
    expect((await topicRecords('T')).map(jsonValue)).toEqual([{ N: 1 }, { N: 2 }, { N: 1 }, { N: 3 }, { N: 1 }]);
  });

  it('waits for the grace period before closing a window', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s
        WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 5 SECONDS) GROUP BY k EMIT FINAL;`);
    await insert([1000, 'a', 1], [12000, 'a', 1]);
    expect(await topicRecords('T')).toEqual([]);
    await insert([8000, 'a', 1]); // late but within grace: still counted
    await insert([15000, 'a', 1]); // 10000 + 5000 <= 15000: [0, 10000) closes with 2 rows
    expect((await topicRecords('T')).map(jsonValue)).toEqual([{ N: 2 }]);
  });

  it('is refused for an aggregation without a window', async () => {
    await run(SOURCE);
    await expect(run(`CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s GROUP BY k EMIT FINAL;`))
      .rejects.toThrow(/EMIT FINAL/);
  });

  it('the final rows are queryable with their window bounds', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, WINDOWSTART AS ws, WINDOWEND AS we, COUNT(*) AS n FROM s
        WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY k EMIT FINAL;`);
    await insert([1000, 'a', 1], [2000, 'a', 1], [10000, 'a', 1]);
    expect(await rows(`SELECT k, ws, we, n FROM t;`)).toEqual([['a', 0, 10000, 2]]);
  });

  it('without a GRACE PERIOD closes a window at its end', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 2 MILLISECONDS) GROUP BY k EMIT FINAL;`);
    await insert([0, 'a', 1], [1, 'a', 1]);
    expect(await topicRecords('T')).toEqual([]);
    await insert([2, 'a', 1]);
    expect((await topicRecords('T')).map(jsonValue)).toEqual([{ N: 2 }]);
  });

  it('as ksqlDB, never writes a window that stream time leaves behind its retention in one jump', async () => {
    // Size 2 + grace 1 = retention 3. At stream time 5 the store keeps window starts from
    // 4 - 3 = 1 on: [2, 4) is written, [0, 2) (4 rows, closed at 3) is not.
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s
        WINDOW TUMBLING (SIZE 2 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY k EMIT FINAL;`);
    await insert([0, 'a', 1], [1, 'a', 1], [2, 'a', 1], [1, 'a', 1], [0, 'a', 1], [5, 'a', 1]);
    const out = await topicRecords('T');
    expect(out.map(jsonValue)).toEqual([{ N: 1 }]);
    expect(out.map((r) => r.timestamp)).toEqual([2]);
  });

  it('writes each hopping window once, from where the last close left off', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n FROM s
        WINDOW HOPPING (SIZE 5 MILLISECONDS, ADVANCE BY 2 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS) GROUP BY k EMIT FINAL;`);
    await insert([0, 'a', 1], [1, 'a', 1], [2, 'a', 1], [1, 'a', 1], [6, 'a', 1], [5, 'a', 1], [10, 'a', 1]);
    // [0, 5) at stream time 6; at 10 the range moves to starts 1..4: [4, 9), not [2, 7).
    expect((await topicRecords('T')).map(jsonValue)).toEqual([{ N: 4 }, { N: 2 }]);
  });
});
