// Query ids as ksqlDB names them: CSAS_<SINK>_<n>, CTAS_<SINK>_<n> and INSERTQUERY_<n>, numbered
// in the order the queries were created; the id is in the result and in SHOW QUERIES.
import { describe, it, expect } from 'vitest';
import { run, rows, last } from './engine-helpers.js';

describe('query ids', () => {
  it('are CSAS_/CTAS_<SINK>_<n> and INSERTQUERY_<n>, numbered in order', async () => {
    const res = await run(`
      CREATE STREAM src (id INT KEY, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, v * 2 AS v FROM src EMIT CHANGES;
      CREATE TABLE totals AS SELECT id, SUM(v) AS total FROM src GROUP BY id EMIT CHANGES;
      INSERT INTO doubled SELECT id, v FROM src EMIT CHANGES;`);
    const ids = res.map((r) => (r.kind === 'message' ? r.queryId : undefined));
    expect(ids).toEqual([undefined, 'CSAS_DOUBLED_0', 'CTAS_TOTALS_1', 'INSERTQUERY_2']);
    expect(res.slice(1).map((r) => r.kind === 'message' && r.message)).toEqual([
      'Created query with ID CSAS_DOUBLED_0', 'Created query with ID CTAS_TOTALS_1', 'Created query with ID INSERTQUERY_2',
    ]);
    const shown = await rows('SHOW QUERIES;');
    expect(shown.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['CSAS_DOUBLED_0', 'PERSISTENT', 'DOUBLED'],
      ['CTAS_TOTALS_1', 'PERSISTENT', 'TOTALS'],
      ['INSERTQUERY_2', 'PERSISTENT', 'DOUBLED'],
    ]);
  });

  it('a terminated query\'s number is not reused', async () => {
    await run(`
      CREATE STREAM src (id INT KEY, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM a AS SELECT * FROM src EMIT CHANGES;
      TERMINATE CSAS_A_0;
      DROP STREAM a;`);
    const r = await last('CREATE STREAM a AS SELECT * FROM src EMIT CHANGES;');
    const id = r.kind === 'message' ? r.queryId : undefined;
    expect(id).toMatch(/^CSAS_A_\d+$/);
    expect(id).not.toBe('CSAS_A_0');
  });

  it('a push query gets a transient id that is not a persistent query id', async () => {
    const r = await last(`
      CREATE STREAM src (id INT KEY, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
      SELECT * FROM src EMIT CHANGES LIMIT 1;`);
    expect(r.kind).toBe('stream');
    if (r.kind !== 'stream') return;
    expect(r.queryId).toMatch(/^transient_SRC_/);
    await r.rows.cancel();
  });
});
