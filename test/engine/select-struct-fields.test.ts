// `SELECT col->*` gives one column per field of a STRUCT, named after the field, whether the
// query reads one source or a join; anything but a STRUCT before ->* is a clear error. An
// unaliased field is named after it, made unique as ksqlDB makes it.
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
  it('an unaliased field that clashes with a column (or an earlier field) gets a suffix, as ksqlDB names it: B, B_1, B_2', async () => {
    await run(`CREATE STREAM s (k STRING KEY, b INT, a STRUCT<b INT>, c STRUCT<b INT>, itemid STRUCT<itemid BIGINT>) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT k, b, a->b, c->b, itemid->itemid FROM s;
INSERT INTO s (k, b, a, c, itemid) VALUES ('x', 0, STRUCT(b := 1), STRUCT(b := 2), STRUCT(itemid := 6));`);
    expect((await topicRecords('OUT')).map(jsonValue)).toEqual([{ B: 0, B_1: 1, B_2: 2, ITEMID_1: 6 }]);
  });
});
