// SELECT with a table function (EXPLODE, CUBE_EXPLODE) emits one row per value it returns, as
// ksqlDB does: the other columns repeat, several calls zip side by side (a shorter list gives
// NULL), an empty or NULL list gives no row, and unaliased calls are named KSQL_COL_n.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords, jsonValue, errorOf, utf8 } from './engine-helpers.js';

const STREAM = `CREATE STREAM s (id STRING KEY, n INT, a ARRAY<INT>, b ARRAY<STRING>) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

async function output(select: string, inserts: string): Promise<{ key: string | null; value: unknown }[]> {
  await run(`${STREAM}\nCREATE STREAM out AS ${select};\n${inserts}`);
  return (await topicRecords('OUT')).map((r) => ({ key: r.key && Buffer.from(r.key).toString(), value: jsonValue(r) }));
}

describe('table functions', () => {
  it('EXPLODE gives one row per element, keeping the key and the other columns', async () => {
    const out = await output('SELECT id, n, EXPLODE(a) AS x FROM s',
      `INSERT INTO s (id, n, a) VALUES ('k1', 7, ARRAY[1, 2, 3]);`);
    expect(out).toEqual([
      { key: 'k1', value: { N: 7, X: 1 } },
      { key: 'k1', value: { N: 7, X: 2 } },
      { key: 'k1', value: { N: 7, X: 3 } },
    ]);
  });

  it('an empty or NULL array gives no row; the next record still explodes', async () => {
    await run(`${STREAM}\nCREATE STREAM out AS SELECT id, EXPLODE(a) AS x FROM s;`);
    await (await engine()).log.produce('s', [
      { key: utf8('e'), value: utf8('{"A": []}'), timestamp: 1 },
      { key: utf8('n'), value: utf8('{"A": null}'), timestamp: 2 },
      { key: utf8('k'), value: utf8('{"A": [5]}'), timestamp: 3 },
    ]);
    const out = await topicRecords('OUT');
    expect(out.map((r) => [Buffer.from(r.key!).toString(), jsonValue(r)])).toEqual([['k', { X: 5 }]]);
  });

  it('two calls zip side by side; the shorter list gives NULL; unaliased calls are KSQL_COL_n', async () => {
    const out = await output('SELECT id, EXPLODE(a), EXPLODE(b) FROM s',
      `INSERT INTO s (id, a, b) VALUES ('k', ARRAY[1, 2], ARRAY['x', 'y', 'z']);`);
    expect(out.map((o) => o.value)).toEqual([
      { KSQL_COL_0: 1, KSQL_COL_1: 'x' },
      { KSQL_COL_0: 2, KSQL_COL_1: 'y' },
      { KSQL_COL_0: null, KSQL_COL_1: 'z' },
    ]);
  });

  it('a table function inside an expression, and SELECT * beside it', async () => {
    const out = await output('SELECT *, EXPLODE(a) * 10 AS x FROM s',
      `INSERT INTO s (id, n, a) VALUES ('k', 1, ARRAY[1, 2]);`);
    expect(out.map((o) => o.value)).toEqual([
      { N: 1, A: [1, 2], B: null, X: 10 },
      { N: 1, A: [1, 2], B: null, X: 20 },
    ]);
  });

  it('CUBE_EXPLODE lists every combination, without duplicates for NULL elements', async () => {
    const out = await output(`SELECT id, CUBE_EXPLODE(ARRAY[n, n + 1]) AS c FROM s`,
      `INSERT INTO s (id, n) VALUES ('k', 1);\nINSERT INTO s (id, n) VALUES ('z', NULL);`);
    expect(out).toEqual([
      { key: 'k', value: { C: [null, null] } },
      { key: 'k', value: { C: [null, 2] } },
      { key: 'k', value: { C: [1, null] } },
      { key: 'k', value: { C: [1, 2] } },
      { key: 'z', value: { C: [null, null] } },
    ]);
  });

  it('is refused with an aggregation', async () => {
    await run(STREAM);
    const err = await errorOf(run('CREATE TABLE t AS SELECT id, EXPLODE(a) AS x, COUNT(*) AS c FROM s GROUP BY id;'));
    expect(err.message).toMatch(/Table functions cannot be used with aggregations/);
  });
});
