// `SELECT col->*` gives one column per field of a STRUCT, named after the field, whether the
// query reads one source or a join; anything but a STRUCT before ->* is a clear error.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, jsonValue, engine } from './engine-helpers.js';

describe('SELECT struct->*', () => {
  it('gives the fields of a value struct as columns, next to the key and other items', async () => {
    await run(`CREATE STREAM s (k INT KEY, v STRUCT<a INT, \`b c\` STRING>) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT k, v->a AS first, v->* FROM s;
INSERT INTO s (k, v) VALUES (1, STRUCT(a := 10, \`b c\` := 'x'));`);
    expect((await topicRecords('OUT')).map(jsonValue)).toEqual([{ FIRST: 10, A: 10, 'b c': 'x' }]);
    expect((await engine()).state.catalog.get('OUT')!.schema.key.map((c) => c.name)).toEqual(['K']);
  });

  it('reaches into nested structs', async () => {
    await run(`CREATE STREAM s (v STRUCT<a STRUCT<f1 INT, f2 STRING>>) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT v->a->* FROM s;
INSERT INTO s (v) VALUES (STRUCT(a := STRUCT(f1 := 1, f2 := 'two')));`);
    expect((await topicRecords('OUT')).map(jsonValue)).toEqual([{ F1: 1, F2: 'two' }]);
  });

  it('refuses a column that is not a STRUCT', async () => {
    await run(`CREATE STREAM s (k INT KEY, n INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);`);
    await expect(run('CREATE STREAM out AS SELECT k, n->* FROM s;')).rejects.toThrow('Expected a STRUCT before ->*, but N is INTEGER.');
  });
});
