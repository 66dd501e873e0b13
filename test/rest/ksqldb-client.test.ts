// The `ksqldb-client` npm package (HTTP/2 with prior knowledge, written for ksqlDB) through its
// whole API against Eddy's REST server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import KsqldbClient from 'ksqldb-client';
import { startFixture, eventually, type Fixture } from './rest-fixture.js';

let f: Fixture;
let client: KsqldbClient;

beforeAll(async () => {
  f = await startFixture();
  const { hostname, port } = new URL(f.url);
  client = new KsqldbClient({ host: `http://${hostname}`, port: Number(port) });
  await client.connect();
});
afterAll(async () => {
  await client.disconnect();
  await f.close();
});

describe('ksqldb-client against Eddy', () => {
  test('executeStatement creates a stream and answers the currentStatus entity', async () => {
    const r = await client.executeStatement("CREATE STREAM riders (id STRING KEY, lat DOUBLE, lon DOUBLE) WITH (kafka_topic='riders', partitions=1, value_format='JSON');");
    expect(r.status).toBe(200);
    expect(r.error).toBeUndefined();
    const [e] = (r.data!.rows as any[]);
    expect(e['@type']).toBe('currentStatus');
    expect(e.commandId).toBe('stream/RIDERS/create');
    expect(e.commandStatus).toEqual({ status: 'SUCCESS', message: 'Stream created', queryId: null });
    expect(typeof e.commandSequenceNumber).toBe('number');
  });

  test('a bad statement comes back as ksqlDB\'s error entity with status 400 and its position', async () => {
    const r = await client.executeStatement('CREATE STREAM broken (id INT) WITH (kafka_topic=;');
    expect(r.status).toBe(400);
    const e = r.error as any;
    expect(e['@type']).toBe('statement_error');
    expect(e.error_code).toBe(40001);
    expect(e.message).toMatch(/^line 1, column \d+: /);
    expect(e.statementText).toBe('CREATE STREAM broken (id INT) WITH (kafka_topic=;');
    expect(await client.listStreams()).not.toContainEqual(expect.objectContaining({ name: 'BROKEN' }));
  });

  test('listStreams, listTables, listTopics and listQueries answer ksqlDB\'s lists', async () => {
    await client.executeStatement('CREATE TABLE last_seen AS SELECT id, LATEST_BY_OFFSET(lat) AS lat FROM riders GROUP BY id;');
    const streams = await client.listStreams();
    expect(streams).toContainEqual({ type: 'STREAM', name: 'RIDERS', topic: 'riders', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false });
    const tables = await client.listTables();
    expect(tables).toContainEqual({ type: 'TABLE', name: 'LAST_SEEN', topic: 'LAST_SEEN', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false });
    const topics = await client.listTopics();
    expect(topics).toContainEqual({ name: 'riders', replicaInfo: [1] });
    const queries = await client.listQueries();
    const q = queries.find((x) => x.sinks.includes('LAST_SEEN'))!;
    expect(q.id).toMatch(/^CTAS_LAST_SEEN_\d+$/);
    expect(q).toMatchObject({ queryType: 'PERSISTENT', state: 'RUNNING', sinkKafkaTopics: ['LAST_SEEN'], statusCount: { RUNNING: 1 } });
    expect(q.queryString).toContain('CREATE TABLE last_seen AS SELECT');
  });

  test('describeSource answers the source description with typed fields', async () => {
    const d = await client.describeSource('riders');
    expect(d).toMatchObject({ name: 'RIDERS', type: 'STREAM', topic: 'riders', keyFormat: 'KAFKA', valueFormat: 'JSON', windowType: null });
    expect(d.fields).toEqual([
      { name: 'ID', schema: { type: 'STRING', fields: null, memberSchema: null }, type: 'KEY' },
      { name: 'LAT', schema: { type: 'DOUBLE', fields: null, memberSchema: null } },
      { name: 'LON', schema: { type: 'DOUBLE', fields: null, memberSchema: null } },
    ]);
    expect(d.readQueries!.map((q) => q.sinks)).toContainEqual(['LAST_SEEN']);
  });

  test('insertInto writes a row and acks it; query reads it back as a pull query', async () => {
    const r = await client.insertInto('riders', { id: 'r1', lat: 52.5, lon: 13.4 });
    expect(r.status).toBe(200);
    expect(r.data.rows).toEqual([{ status: 'ok', seq: 0 }]);
    const q = await client.query("SELECT * FROM riders WHERE id = 'r1';");
    expect(q.status).toBe(200);
    expect(q.data!.metadata).toEqual({ columnNames: ['ID', 'LAT', 'LON'], columnTypes: ['STRING', 'DOUBLE', 'DOUBLE'] });
    expect(q.data!.rows).toEqual([{ ID: 'r1', LAT: 52.5, LON: 13.4 }]);
  });

  test('insertInto a row of the wrong type answers an error ack and writes nothing', async () => {
    const r = await client.insertInto('riders', { id: 'r2', lat: 'north' });
    expect(r.error).toMatchObject({ status: 'error', seq: 0, error_code: 40001 });
    const q = await client.query("SELECT * FROM riders WHERE id = 'r2';");
    expect(q.data!.rows).toEqual([]);
  });

  test('streamQuery streams each row of a push query; terminatePushQuery ends it and its query', async () => {
    const rows: unknown[] = [];
    let queryId: string | undefined;
    const done = client.streamQuery('SELECT id, lat FROM riders EMIT CHANGES;', (d) => {
      queryId = d.metadata.queryId;
      if (d.rows) rows.push(...d.rows);
    });
    await eventually(() => queryId !== undefined && f.engine.state.queries.has(queryId));
    await client.insertInto('riders', { id: 'r3', lat: 1.5, lon: 0 });
    await eventually(() => rows.length === 1);
    await client.insertInto('riders', { id: 'r4', lat: 2.5, lon: 0 });
    await eventually(() => rows.length === 2);
    expect(rows).toEqual([{ ID: 'r3', LAT: 1.5 }, { ID: 'r4', LAT: 2.5 }]);
    const t = await client.terminatePushQuery(queryId!);
    expect(t.status).toBe(200);
    const end = await done;
    expect(end.status).toBe(200);
    expect(end.data!.metadata).toMatchObject({ queryId, columnNames: ['ID', 'LAT'], columnTypes: ['STRING', 'DOUBLE'] });
    expect(f.engine.state.queries.has(queryId!)).toBe(false);
    expect((await client.listQueries()).map((q) => q.id)).not.toContain(queryId);
  });
});
