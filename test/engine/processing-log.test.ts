// A record a query cannot decode goes to the EDDY_PROCESSING_LOG stream with where it came from
// (topic, partition, offset) and why; the query skips it and goes on with the next record.
import { describe, it, expect } from 'vitest';
import { engine, run, last, rows, topicRecords, jsonValue, utf8 } from './engine-helpers.js';

/** The first `n` processing-log entries, as objects keyed by column name. */
async function logEntries(n: number): Promise<Record<string, unknown>[]> {
  const r = await last(`SELECT * FROM EDDY_PROCESSING_LOG EMIT CHANGES LIMIT ${n};`);
  if (r.kind !== 'stream') throw new Error('not a push query');
  const out: Record<string, unknown>[] = [];
  for await (const row of r.rows) out.push(Object.fromEntries(r.columns.map((c, i) => [c.name, row[i]])));
  return out;
}

describe('processing log', () => {
  it('a malformed JSON record is logged with topic, partition and offset; the query goes on', async () => {
    await run(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM out_s AS SELECT id, v * 10 AS v FROM s EMIT CHANGES;
      INSERT INTO s (id, v) VALUES (1, 1);`);
    const e = await engine();
    const key = (await e.log.read('s', 0, 0, 1))[0].key;
    await e.log.produce('s', [{ key, value: utf8('{"V": 2,') }]); // offset 1: cut short
    await run('INSERT INTO s (id, v) VALUES (3, 3);');

    expect((await topicRecords('OUT_S')).map(jsonValue)).toEqual([{ V: 10 }, { V: 30 }]);
    const [entry] = await logEntries(1);
    expect(entry).toMatchObject({ QUERY_ID: 'CSAS_OUT_S_0', TYPE: 'DESERIALIZATION', TOPIC: 's', PARTITION: 0, OFFSET: 1 });
    expect(entry.MESSAGE).toMatch(/deserializ/i);
  });

  it('a value of the wrong type is logged, and the rest of the topic is processed', async () => {
    await run(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE counts AS SELECT id, COUNT(*) AS n, SUM(v) AS total FROM s GROUP BY id EMIT CHANGES;`);
    const e = await engine();
    await run(`INSERT INTO s (id, v) VALUES (7, 1);`);
    const key = (await e.log.read('s', 0, 0, 1))[0].key;
    await e.log.produce('s', [
      { key, value: utf8('{"V": "not a number"}') },
      { key, value: utf8('{"V": 5}') },
    ]);
    expect(await rows(`SELECT n, total FROM counts WHERE id = 7;`)).toEqual([[2, 6]]);
    const [entry] = await logEntries(1);
    expect(entry).toMatchObject({ QUERY_ID: 'CTAS_COUNTS_0', TOPIC: 's', PARTITION: 0, OFFSET: 1 });
  });

  it('each failing query logs its own entry', async () => {
    await run(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM a AS SELECT * FROM s EMIT CHANGES;
      CREATE STREAM b AS SELECT * FROM s EMIT CHANGES;`);
    const e = await engine();
    await e.log.produce('s', [{ key: null, value: utf8('garbage') }]);
    await e.settle();
    const logged = await logEntries(2);
    expect(logged.map((x) => x.QUERY_ID).sort()).toEqual(['CSAS_A_0', 'CSAS_B_1']);
    expect(logged.map((x) => x.OFFSET)).toEqual([0, 0]);
  });

  it('EDDY_PROCESSING_LOG is read-only: no INSERT, no DROP', async () => {
    await expect(run(`INSERT INTO EDDY_PROCESSING_LOG (QUERY_ID) VALUES ('x');`)).rejects.toThrow(/read-only/);
    await expect(run(`DROP STREAM EDDY_PROCESSING_LOG;`)).rejects.toThrow(/system stream/);
  });
});
