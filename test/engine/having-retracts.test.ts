// HAVING over a table: a group (or a window or session of one) that stops matching is retracted with a
// tombstone, but only if its row was written before; one that never matched writes nothing.
import { describe, it, expect } from 'vitest';
import { run, topicRecords } from './engine-helpers.js';

const SOURCE = `CREATE STREAM test (id BIGINT KEY, name STRING, value BIGINT) WITH (kafka_topic='test_topic', value_format='DELIMITED', partitions=1);`;
const INPUT = `
  INSERT INTO test (ROWTIME, id, name, value) VALUES (0, 0, 'zero', 0);
  INSERT INTO test (ROWTIME, id, name, value) VALUES (0, 1, 'one', 101);
  INSERT INTO test (ROWTIME, id, name, value) VALUES (0, 1, 'one', -5);`;

const values = async (topic: string): Promise<(string | null)[]> =>
  (await topicRecords(topic)).map((r) => (r.value === null ? null : Buffer.from(r.value).toString()));

describe('HAVING on a table', () => {
  it('retracts a window that stops matching (TUMBLING)', async () => {
    await run(`${SOURCE}
      CREATE TABLE t1 AS SELECT id, SUM(value) AS sum FROM test WINDOW TUMBLING (SIZE 30 SECONDS) GROUP BY id HAVING SUM(value) > 100;${INPUT}`);
    expect(await values('T1')).toEqual(['101', null]);
  });

  it('retracts a group that stops matching (no window)', async () => {
    await run(`${SOURCE}
      CREATE TABLE t2 AS SELECT id, SUM(value) AS sum FROM test GROUP BY id HAVING SUM(value) > 100;${INPUT}`);
    expect(await values('T2')).toEqual(['101', null]);
  });
  it('retracts a session merged into one that does not match (SESSION)', async () => {
    await run(`${SOURCE}
      CREATE TABLE t3 AS SELECT id, SUM(value) AS sum FROM test WINDOW SESSION (30 SECONDS) GROUP BY id HAVING SUM(value) > 100;
      INSERT INTO test (ROWTIME, id, name, value) VALUES (0, 1, 'one', 101);
      INSERT INTO test (ROWTIME, id, name, value) VALUES (1000, 1, 'one', -5);`);
    expect(await values('T3')).toEqual(['101', null]);
  });
});
