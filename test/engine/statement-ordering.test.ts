// A script reads like a sequence of steps: each statement sees the effects of the ones before it
// (rows inserted, queries created, their output written) with no sleep in between.
import { describe, it, expect } from 'vitest';
import { run, rows, topicRecords, jsonValue, errorOf } from './engine-helpers.js';

describe('each statement sees the previous ones', () => {
  it('a pull query right after INSERT VALUES sees the row through a CTAS', async () => {
    await run(`
      CREATE STREAM s (id STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE t AS SELECT id, SUM(v) AS total FROM s GROUP BY id EMIT CHANGES;`);
    for (let i = 1; i <= 20; i++) {
      const r = await rows(`INSERT INTO s (id, v) VALUES ('k', ${i}); SELECT total FROM t WHERE id = 'k';`);
      expect(r).toEqual([[(i * (i + 1)) / 2]]);
    }
  });

  it('a chain of three persistent queries is complete before the next statement', async () => {
    await run(`
      CREATE STREAM a (id INT KEY, v INT) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON', PARTITIONS=2);
      CREATE STREAM b AS SELECT id, v + 1 AS v FROM a EMIT CHANGES;
      CREATE STREAM c AS SELECT id, v * 10 AS v FROM b EMIT CHANGES;
      CREATE TABLE d AS SELECT id, MAX(v) AS top FROM c GROUP BY id EMIT CHANGES;`);
    for (let i = 0; i < 50; i++) await run(`INSERT INTO a (id, v) VALUES (${i % 5}, ${i});`);
    expect(await rows(`SELECT id, top FROM d WHERE id = 4;`)).toEqual([[4, 500]]);
    const written = (await topicRecords('C')).map((r) => (jsonValue(r) as { V: number }).V);
    expect(written.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) * 10));
  });

  it('a stream created after rows were inserted reads them from the start (earliest)', async () => {
    const r = await rows(`
      CREATE STREAM s (id INT KEY, v STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO s (id, v) VALUES (1, 'one');
      INSERT INTO s (id, v) VALUES (2, 'two');
      CREATE STREAM upper_s AS SELECT id, UCASE(v) AS v FROM s EMIT CHANGES;
      SELECT * FROM upper_s EMIT CHANGES LIMIT 2;`);
    expect(r).toEqual([[1, 'ONE'], [2, 'TWO']]);
  });

  it("with auto.offset.reset=latest a new query skips what was already there", async () => {
    const r = await rows(`
      SET 'auto.offset.reset' = 'latest';
      CREATE STREAM s (id INT KEY, v STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO s (id, v) VALUES (1, 'old');
      CREATE STREAM copy_s AS SELECT * FROM s EMIT CHANGES;
      INSERT INTO s (id, v) VALUES (2, 'new');
      SET 'auto.offset.reset' = 'earliest';
      SELECT * FROM copy_s EMIT CHANGES LIMIT 1;`);
    expect(r).toEqual([[2, 'new']]);
    expect((await topicRecords('COPY_S')).map(jsonValue)).toEqual([{ V: 'new' }]);
  });

  it('a failing statement stops the script: earlier statements took effect, later ones did not', async () => {
    const e = await errorOf(run(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO s (id, v) VALUES (1, 1);
      INSERT INTO nowhere (id, v) VALUES (2, 2);
      INSERT INTO s (id, v) VALUES (3, 3);`));
    expect(e.message).toMatch(/NOWHERE/);
    expect(await rows('SELECT id FROM s;')).toEqual([[1]]);
  });
});
