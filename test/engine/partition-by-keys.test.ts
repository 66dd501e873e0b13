// PARTITION BY and the keys it writes, as ksqlDB writes them: a record without a value keeps a
// key computed from key columns only (an expression that reads value columns gives NULL), a
// multi-column key of NULLs stays a key of NULL fields, and PARTITION BY ROWTIME names its key
// ROWTIME.
import { describe, it, expect } from 'vitest';
import { engine, run, topicRecords, jsonValue, utf8 } from './engine-helpers.js';

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString());

describe('PARTITION BY keys', () => {
  it('a record without a value is re-keyed by the expression over its key columns', async () => {
    await run(`CREATE STREAM s (k INT KEY, name STRING) WITH (KAFKA_TOPIC='s', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT k + 2, name FROM s PARTITION BY k + 2;
CREATE STREAM nulls AS SELECT * FROM s PARTITION BY (name IS NULL);`);
    await (await engine()).log.produce('s', [{ key: utf8('1'), value: null, timestamp: 1 }]);
    const out = await topicRecords('OUT');
    expect(out.map((r) => [text(r.key), text(r.value)])).toEqual([['3', null]]);
    // NAME IS NULL reads a value column: no key for a record without a value.
    expect((await topicRecords('NULLS')).map((r) => [r.key, r.value])).toEqual([[null, null]]);
  });

  it('a multi-column key of NULLs is written as fields of NULL, not as a null key', async () => {
    await run(`CREATE STREAM s (name STRING, id INT, age INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT * FROM s PARTITION BY id, age;
INSERT INTO s (name, id, age) VALUES ('bob', NULL, NULL);`);
    const [r] = await topicRecords('OUT');
    expect(JSON.parse(text(r.key)!)).toEqual({ ID: null, AGE: null });
    expect(jsonValue(r)).toEqual({ NAME: 'bob' });
  });

  it('PARTITION BY ROWTIME keys by the record time, in a column named ROWTIME', async () => {
    await run(`CREATE STREAM s (k STRING KEY, id INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT * FROM s PARTITION BY id, ROWTIME;
INSERT INTO s (k, id, ROWTIME) VALUES ('a', 22, 10);`);
    const [r] = await topicRecords('OUT');
    expect(JSON.parse(text(r.key)!)).toEqual({ ID: 22, ROWTIME: 10 });
    expect(jsonValue(r)).toEqual({ K: 'a' });
  });

  it('a record without a value re-keyed by ROWTIME gets a NULL ROWTIME key field, as ksqlDB carries it in the value', async () => {
    await run(`CREATE STREAM s (k STRING KEY, id INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT * FROM s PARTITION BY id, ROWTIME;`);
    await (await engine()).log.produce('s', [{ key: utf8('"a"'), value: null, timestamp: 12 }]);
    const [r] = await topicRecords('OUT');
    expect(JSON.parse(text(r.key)!)).toEqual({ ID: null, ROWTIME: null });
    expect(r.value).toBeNull();
  });

  it('an unnamed partitioning expression keeps the name PARTITION BY gave it', async () => {
    await run(`CREATE STREAM s (age INT KEY, id INT) WITH (KAFKA_TOPIC='s', FORMAT='JSON', PARTITIONS=1);
CREATE STREAM out AS SELECT ABS(id), 1, age FROM s PARTITION BY ABS(id), 1;
INSERT INTO s (age, id) VALUES (30, -10);`);
    const [r] = await topicRecords('OUT');
    expect(JSON.parse(text(r.key)!)).toEqual({ KSQL_COL_0: 10, KSQL_COL_1: 1 });
  });
});
