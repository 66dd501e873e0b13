// Tables keep the latest row per key: a later record for a key replaces the earlier one, a
// tombstone (null value) deletes it, and a pull query returns exactly the current rows.
import { describe, it, expect } from 'vitest';
import { engine, run, rows, topicRecords, jsonValue, utf8 } from './engine-helpers.js';

const TABLE = `CREATE TABLE users (id STRING PRIMARY KEY, name STRING, age INT)
  WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', PARTITIONS=1);`;

const sorted = (r: unknown[][]): unknown[][] => [...r].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** Writes a tombstone for a STRING key (KAFKA key format: the UTF-8 bytes). */
async function tombstone(key: string): Promise<void> {
  await (await engine()).log.produce('users', [{ key: utf8(key), value: null }]);
}

describe('tables', () => {
  it('a pull query returns the latest row per key', async () => {
    const r = await rows(`${TABLE}
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);
      INSERT INTO users (id, name, age) VALUES ('u2', 'Bob', 40);
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 31);
      INSERT INTO users (id, name, age) VALUES ('u1', 'Anne', 32);
      SELECT * FROM users;`);
    expect(sorted(r)).toEqual([['u1', 'Anne', 32], ['u2', 'Bob', 40]]);
    expect(await rows(`SELECT name, age FROM users WHERE id = 'u1';`)).toEqual([['Anne', 32]]);
  });

  it('a tombstone deletes the row; a later record brings the key back', async () => {
    await run(`${TABLE}
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);
      INSERT INTO users (id, name, age) VALUES ('u2', 'Bob', 40);`);
    await tombstone('u1');
    expect(await rows(`SELECT * FROM users;`)).toEqual([['u2', 'Bob', 40]]);
    expect(await rows(`SELECT * FROM users WHERE id = 'u1';`)).toEqual([]);
    await run(`INSERT INTO users (id, name, age) VALUES ('u1', 'Ann again', 33);`);
    expect(sorted(await rows(`SELECT * FROM users;`))).toEqual([['u1', 'Ann again', 33], ['u2', 'Bob', 40]]);
  });

  it('a tombstone written through a KAFKA-format stream over the same topic deletes the row', async () => {
    await run(`${TABLE}
      CREATE STREAM user_deletes (id STRING KEY, unused STRING) WITH (KAFKA_TOPIC='users', VALUE_FORMAT='KAFKA');
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);
      INSERT INTO user_deletes (id) VALUES ('u1');`);
    expect((await topicRecords('users')).map(jsonValue)).toEqual([{ NAME: 'Ann', AGE: 30 }, null]);
    expect(await rows(`SELECT * FROM users;`)).toEqual([]);
  });

  it('a CTAS over a table copies upserts and deletes into its own changelog', async () => {
    await run(`${TABLE}
      CREATE TABLE adults AS SELECT id, name FROM users WHERE age >= 18 EMIT CHANGES;
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);
      INSERT INTO users (id, name, age) VALUES ('u2', 'Kid', 10);
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 12);`);
    // u1 stops matching the filter: the derived table deletes it (a tombstone on its topic).
    const changelog = (await topicRecords('ADULTS')).map((r) => [Buffer.from(r.key!).toString(), jsonValue(r)]);
    expect(changelog[0]).toEqual(['u1', { NAME: 'Ann' }]);
    expect(changelog[changelog.length - 1]).toEqual(['u1', null]);
    expect(await rows(`SELECT * FROM adults;`)).toEqual([]);
    await tombstone('u2');
    await run(`INSERT INTO users (id, name, age) VALUES ('u3', 'Cy', 50);`);
    expect(await rows(`SELECT * FROM adults;`)).toEqual([['u3', 'Cy']]);
  });

  it('a table aggregation subtracts the old value when a row changes group or is deleted', async () => {
    await run(`${TABLE}
      CREATE TABLE per_age AS SELECT age, COUNT(*) AS n FROM users GROUP BY age EMIT CHANGES;
      INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);
      INSERT INTO users (id, name, age) VALUES ('u2', 'Bob', 30);
      INSERT INTO users (id, name, age) VALUES ('u2', 'Bob', 31);`);
    expect(sorted(await rows(`SELECT * FROM per_age;`))).toEqual([[30, 1], [31, 1]]);
    await tombstone('u1');
    expect(sorted(await rows(`SELECT * FROM per_age;`))).toEqual([[30, 0], [31, 1]]);
  });

  // BUG: a pull query on a source table returns the null-keyed record as a row [null, 'nobody', 1].
  // ksqlDB: "Messages in the Kafka topic with a NULL PRIMARY KEY are ignored" (CREATE TABLE docs).
  it('records with a null key are ignored by a pull query on the table', async () => {
    await run(TABLE);
    await (await engine()).log.produce('users', [{ key: null, value: utf8('{"NAME":"nobody","AGE":1}') }]);
    await run(`INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);`);
    expect(await rows(`SELECT * FROM users;`)).toEqual([['u1', 'Ann', 30]]);
  });

  // BUG: the CTAS copies the null-keyed record into NAMES (key null, {"NAME":"nobody"}).
  // ksqlDB skips records with a NULL PRIMARY KEY in a table source (QTT table.json "should not
  // blow up on null key": CREATE TABLE OUTPUT AS SELECT * FROM INPUT outputs only the keyed rows).
  it('records with a null key are ignored by a query over the table', async () => {
    await run(`${TABLE}
      CREATE TABLE names AS SELECT id, name FROM users EMIT CHANGES;`);
    await (await engine()).log.produce('users', [{ key: null, value: utf8('{"NAME":"nobody","AGE":1}') }]);
    await run(`INSERT INTO users (id, name, age) VALUES ('u1', 'Ann', 30);`);
    expect(await rows(`SELECT * FROM names;`)).toEqual([['u1', 'Ann']]);
  });
});
