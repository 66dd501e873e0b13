// TERMINATE stops a persistent query for good (later input is not processed), and a source that
// a running query reads or writes cannot be dropped: the error lists the query ids to terminate.
import { describe, it, expect } from 'vitest';
import { run, rows, topicRecords, errorOf } from './engine-helpers.js';

const SOURCE = `CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

describe('TERMINATE', () => {
  it('stops the query: input after it never reaches the sink', async () => {
    await run(`${SOURCE}
      CREATE STREAM copy_s AS SELECT * FROM s EMIT CHANGES;
      INSERT INTO s (id, v) VALUES (1, 1);`);
    expect(await topicRecords('COPY_S')).toHaveLength(1);
    await run(`TERMINATE CSAS_COPY_S_0;
      INSERT INTO s (id, v) VALUES (2, 2);
      INSERT INTO s (id, v) VALUES (3, 3);`);
    expect(await topicRecords('COPY_S')).toHaveLength(1);
    expect(await rows('SHOW QUERIES;')).toEqual([]);
    // The sink still exists and can be queried.
    expect(await rows('SELECT id, v FROM copy_s;')).toEqual([[1, 1]]);
  });

  it('a terminated table aggregation stops updating', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT id, SUM(v) AS total FROM s GROUP BY id EMIT CHANGES;
      INSERT INTO s (id, v) VALUES (1, 5);
      TERMINATE CTAS_T_0;
      INSERT INTO s (id, v) VALUES (1, 100);`);
    expect(await rows(`SELECT total FROM t WHERE id = 1;`)).toEqual([[5]]);
  });

  it('TERMINATE ALL stops every persistent query', async () => {
    await run(`${SOURCE}
      CREATE STREAM a AS SELECT * FROM s EMIT CHANGES;
      CREATE STREAM b AS SELECT * FROM s EMIT CHANGES;
      TERMINATE ALL;
      INSERT INTO s (id, v) VALUES (1, 1);`);
    expect(await rows('SHOW QUERIES;')).toEqual([]);
    expect(await topicRecords('A')).toHaveLength(0);
    expect(await topicRecords('B')).toHaveLength(0);
  });

  it('an unknown query id is an error', async () => {
    const e = await errorOf(run('TERMINATE CSAS_NOPE_9;'));
    expect(e.message).toMatch(/CSAS_NOPE_9/);
  });
});

describe('DROP', () => {
  it('of a source read by queries fails and names them', async () => {
    await run(`${SOURCE}
      CREATE STREAM a AS SELECT * FROM s EMIT CHANGES;
      CREATE TABLE t AS SELECT id, COUNT(*) AS n FROM s GROUP BY id EMIT CHANGES;`);
    const e = await errorOf(run('DROP STREAM s;'));
    expect(e.message).toContain('Cannot drop S.');
    expect(e.message).toContain('The following queries read from this source: [CSAS_A_0, CTAS_T_1].');
    expect(e.message).toContain('You need to terminate them before dropping S.');
    // Nothing was dropped.
    expect((await rows('SHOW STREAMS;')).map((r) => r[0])).toContain('S');
  });

  it('of a stream that an INSERT INTO query writes fails and names the writer', async () => {
    await run(`${SOURCE}
      CREATE STREAM other (id INT KEY, v INT) WITH (KAFKA_TOPIC='other', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO other SELECT * FROM s EMIT CHANGES;`);
    const e = await errorOf(run('DROP STREAM other;'));
    expect(e.message).toContain('The following queries write into this source: [INSERTQUERY_0].');
  });

  it('succeeds once the readers are terminated, and DELETE TOPIC removes the topic', async () => {
    await run(`${SOURCE}
      CREATE STREAM a AS SELECT * FROM s EMIT CHANGES;
      TERMINATE CSAS_A_0;
      DROP STREAM s DELETE TOPIC;`);
    const names = (await rows('SHOW STREAMS;')).map((r) => r[0]);
    expect(names).not.toContain('S');
    expect(names).toContain('A');
    expect((await rows('SHOW TOPICS;')).map((r) => r[0])).not.toContain('s');
  });

  it('of a CTAS table also terminates its query', async () => {
    await run(`${SOURCE}
      CREATE TABLE t AS SELECT id, COUNT(*) AS n FROM s GROUP BY id EMIT CHANGES;
      DROP TABLE t;`);
    expect(await rows('SHOW QUERIES;')).toEqual([]);
    expect((await rows('SHOW TABLES;')).map((r) => r[0])).not.toContain('T');
  });

  it('with the wrong kind (DROP TABLE of a stream) fails', async () => {
    await run(SOURCE);
    const e = await errorOf(run('DROP TABLE s;'));
    expect(e.message).toMatch(/Incompatible data source type is STREAM, but statement was DROP TABLE/);
  });
});
