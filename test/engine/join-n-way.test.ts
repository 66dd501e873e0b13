// N-way joins: each JOIN adds a source to everything joined before it.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, schemaOf, errorOf } from './join-helpers.js';

const SOURCES = `
  CREATE STREAM s1 (id INT KEY, k INT, v0 BIGINT) WITH (KAFKA_TOPIC='s1', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE STREAM s2 (id INT KEY, v0 BIGINT) WITH (KAFKA_TOPIC='s2', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE t2 (id INT PRIMARY KEY, v0 BIGINT) WITH (KAFKA_TOPIC='t2', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE t3 (id INT PRIMARY KEY, v0 BIGINT) WITH (KAFKA_TOPIC='t3', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
`;

async function records(topic: string): Promise<unknown[]> {
  return (await topicRecords(topic)).map((x) => [x.key, x.value, x.ts]);
}

describe('n-way joins', () => {
  it('chains a stream with two tables, LEFT then INNER', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT s1.id, s1.v0, t2.v0, t3.v0 FROM s1 LEFT JOIN t2 ON s1.id = t2.id JOIN t3 ON s1.id = t3.id;
      INSERT INTO t3 (ROWTIME, id, v0) VALUES (1, 0, 3);
      INSERT INTO s1 (ROWTIME, id, k, v0) VALUES (2, 0, 9, 1);
      INSERT INTO t2 (ROWTIME, id, v0) VALUES (3, 0, 2);
      INSERT INTO s1 (ROWTIME, id, k, v0) VALUES (4, 0, 9, 5);
      INSERT INTO s1 (ROWTIME, id, k, v0) VALUES (5, 7, 9, 6);
    `);
    expect(schemaOf('OUT')).toBe('`S1_ID` INTEGER KEY, `S1_V0` BIGINT, `T2_V0` BIGINT, `T3_V0` BIGINT');
    expect(await records('OUT')).toEqual([
      ['0', { S1_V0: 1, T2_V0: null, T3_V0: 3 }, 2],
      ['0', { S1_V0: 5, T2_V0: 2, T3_V0: 3 }, 4],
    ]);
  });

  it('re-keys on a value column and keys the output by the projected join column', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT t3.id, s1.v0, s2.v0 AS w FROM s1 JOIN s2 WITHIN 1 SECOND ON s1.k = s2.id JOIN t3 ON s1.k = t3.id;
      INSERT INTO t3 (ROWTIME, id, v0) VALUES (1, 4, 30);
      INSERT INTO s1 (ROWTIME, id, k, v0) VALUES (2, 0, 4, 10);
      INSERT INTO s2 (ROWTIME, id, v0) VALUES (3, 4, 20);
    `);
    expect(schemaOf('OUT')).toBe('`T3_ID` INTEGER KEY, `S1_V0` BIGINT, `W` BIGINT');
    expect(await records('OUT')).toEqual([['4', { S1_V0: 10, W: 20 }, 3]]);
  });

  it('lists every viable key column when none is projected', async () => {
    await run(SOURCES);
    expect(await errorOf('CREATE STREAM out AS SELECT s1.v0, t2.v0, t3.v0 FROM s1 JOIN t2 ON s1.id = t2.id JOIN t3 ON s1.id = t3.id;'))
      .toContain('must include the join expressions S1.ID, T2.ID or T3.ID in its projection (eg, SELECT S1.ID...).');
  });
});
