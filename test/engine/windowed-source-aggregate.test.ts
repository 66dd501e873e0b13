// A GROUP BY without a WINDOW over a stream whose keys are windowed: the result is keyed by the
// group columns alone (not windowed), and every row counts.
import { describe, it, expect } from 'vitest';
import { engine, run, rows } from './engine-helpers.js';

describe('aggregating a windowed source', () => {
  it('gives an unwindowed table keyed by the group', async () => {
    await run(`
      CREATE STREAM s (k STRING KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE w AS SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY k EMIT CHANGES;
      CREATE STREAM ws (k STRING KEY, n BIGINT) WITH (KAFKA_TOPIC='W', VALUE_FORMAT='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 MINUTE');
      INSERT INTO s (k, v) VALUES ('a', 1);
      INSERT INTO s (k, v) VALUES ('a', 2);
      INSERT INTO s (k, v) VALUES ('b', 3);
      CREATE TABLE c AS SELECT k, COUNT(*) AS updates FROM ws GROUP BY k;`);
    expect(await rows('SELECT * FROM c;')).toEqual([['a', 2], ['b', 1]]);
    expect((await engine()).state.processingLog.count).toBe(0); // before: every record failed here
  });
});
