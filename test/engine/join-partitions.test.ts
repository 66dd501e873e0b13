// A join pairs partition p of one side with partition p of the other, so ksqlDB refuses one whose
// sources' topics differ in partition count (other than on a foreign key), with its message, and
// before anything is created.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';

const SOURCES = `
  CREATE STREAM clicks (user STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE users (id STRING PRIMARY KEY, name STRING, team STRING) WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', PARTITIONS=2);
  CREATE TABLE teams (id STRING PRIMARY KEY, lead STRING) WITH (KAFKA_TOPIC='teams', VALUE_FORMAT='JSON', PARTITIONS=3);`;

const MISMATCH = "Can't join `C` with `U` since the number of partitions don't match. `C` partitions = 1; `U` partitions = 2. "
  + 'Please repartition either one so that the number of partitions match.';

describe('join partition counts', () => {
  it('refuses a CSAS, an INSERT INTO and a push query joining sources of different partition counts, creating nothing', async () => {
    const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`${SOURCES}
        CREATE STREAM named (user STRING KEY, url STRING, name STRING) WITH (KAFKA_TOPIC='named', VALUE_FORMAT='JSON', PARTITIONS=1);`);
      const topics = async () => (await e.log.listTopics()).map((t) => t.name).sort();
      const before = await topics();
      const join = 'SELECT c.user, c.url, u.name FROM clicks c JOIN users u ON c.user = u.id';
      await expect(e.executeScript(`CREATE STREAM out AS ${join};`)).rejects.toThrow(MISMATCH);
      await expect(e.executeScript(`INSERT INTO named ${join};`)).rejects.toThrow(MISMATCH);
      await expect(e.executeScript(`${join} EMIT CHANGES;`)).rejects.toThrow(MISMATCH);
      expect(e.state.catalog.get('OUT')).toBeUndefined();
      expect(e.state.queries.size).toBe(0);
      expect(await topics()).toEqual(before);
    } finally {
      await e.close();
    }
  });

  it('allows a foreign-key join of tables of different partition counts', async () => {
    const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`${SOURCES}
        CREATE TABLE led AS SELECT u.id, u.name, t.lead FROM users u JOIN teams t ON u.team = t.id;
        INSERT INTO teams (id, lead) VALUES ('red', 'ann');
        INSERT INTO users (id, name, team) VALUES ('u1', 'bob', 'red');`);
      await e.settle();
      const [pull] = await e.executeScript(`SELECT * FROM led WHERE u_id = 'u1';`);
      expect(pull.kind === 'rows' && pull.rows).toEqual([['u1', 'bob', 'ann']]);
    } finally {
      await e.close();
    }
  });
});
