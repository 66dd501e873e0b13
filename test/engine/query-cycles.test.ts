// A statement whose query would write into its own input — directly or through a ring of
// running queries — is refused before anything is created: every record would go round forever
// (the statement fuzzer found `INSERT INTO app_events SELECT ... FROM all_events` closing a ring
// with a running INSERT, and the embedded engine grew to 5 GB until it ran out of memory).
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { SqlError } from '../../src/types/sql-error.js';

let e: Engine | undefined;
afterEach(async () => { await e?.close(); e = undefined; });

async function engine(): Promise<Engine> {
  e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  return e;
}

async function refusal(x: Engine, sql: string): Promise<SqlError> {
  const before = [...x.state.queries.keys()];
  const sources = x.state.catalog.list().map((s) => s.name);
  const err = await x.executeScript(sql).then(() => undefined, (er: unknown) => er);
  expect(err).toBeInstanceOf(SqlError);
  expect([...x.state.queries.keys()]).toEqual(before); // nothing started
  expect(x.state.catalog.list().map((s) => s.name)).toEqual(sources); // nothing created
  return err as SqlError;
}

describe('queries writing into their own input', () => {
  it('INSERT INTO a stream from itself is refused, with where and why', async () => {
    const x = await engine();
    await x.executeScript("CREATE STREAM s (id STRING KEY, n INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);");
    const err = await refusal(x, 'INSERT INTO s SELECT id, n + 1 AS n FROM s;');
    expect(err.message).toBe('This query would write into its own input: its rows would go round forever (topic s → this query → topic s). '
      + 'Write to another topic, or TERMINATE a query of the ring first.');
    expect(err.position).toMatchObject({ line: 1, column: 1 });
  });

  it('a ring through running queries is refused, naming them; once one stops, the statement runs', async () => {
    const x = await engine();
    await x.executeScript(`
      CREATE STREAM web_events (user_id STRING KEY, action STRING) WITH (KAFKA_TOPIC='web_events', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM app_events (user_id STRING KEY, action STRING) WITH (KAFKA_TOPIC='app_events', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM all_events AS SELECT user_id, action, 'web' AS channel FROM web_events;
      INSERT INTO all_events SELECT user_id, action, 'app' AS channel FROM app_events;
      CREATE STREAM audited AS SELECT * FROM all_events;`);
    const err = await refusal(x, 'INSERT INTO app_events SELECT user_id, action FROM audited;');
    expect(err.message).toContain('(topic AUDITED → this query → topic app_events → INSERTQUERY_1 → topic ALL_EVENTS → CSAS_AUDITED_2 → topic AUDITED)');
    await x.executeScript('TERMINATE INSERTQUERY_1;');
    await x.executeScript('INSERT INTO app_events SELECT user_id, action FROM audited;');
    await x.executeScript("INSERT INTO web_events (user_id, action) VALUES ('u1', 'login');");
    await x.settle(); // the one pass: web_events → all_events → audited → app_events, and no further
    const [end] = await x.log.endOffsets('app_events');
    expect(end).toBe(1);
  });

  it('a CREATE ... AS SELECT onto its own source\'s topic, or a join reading its output, is refused', async () => {
    const x = await engine();
    await x.executeScript(`
      CREATE STREAM readings (id STRING KEY, v DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE devices (id STRING PRIMARY KEY, site STRING) WITH (KAFKA_TOPIC='devices', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    expect((await refusal(x, "CREATE STREAM doubled WITH (KAFKA_TOPIC='readings') AS SELECT id, v * 2 AS v FROM readings;")).message)
      .toContain('(topic readings → this query → topic readings)');
    await x.executeScript('CREATE TABLE latest AS SELECT id, LATEST_BY_OFFSET(v) AS v FROM readings GROUP BY id;');
    // A join whose table side is fed by the query's own output.
    expect((await refusal(x, "CREATE STREAM enriched WITH (KAFKA_TOPIC='readings') AS SELECT r.id, r.v FROM readings r JOIN devices d ON r.id = d.id;")).message)
      .toContain('this query → topic readings');
    await x.executeScript('CREATE STREAM enriched AS SELECT r.id, r.v, d.site FROM readings r JOIN devices d ON r.id = d.id;');
  });
});
