// POST /ksql and the info endpoints over HTTP/1.1 (Node fetch), checked field by field against
// the shapes of ksqlDB's REST API documentation.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFixture, postJson, ksql, type Fixture } from './rest-fixture.js';

let f: Fixture;
beforeEach(async () => { f = await startFixture(); });
afterEach(async () => { await f.close(); });

const CREATE = "CREATE STREAM pageviews (pageid STRING KEY, userid STRING, viewtime BIGINT) WITH (kafka_topic='pageviews', partitions=1, value_format='JSON');";

describe('POST /ksql', () => {
  test('several CREATE statements answer one currentStatus entity each, with sequence numbers in order', async () => {
    const r = await postJson(`${f.url}/ksql`, {
      ksql: `${CREATE} CREATE STREAM pageviews_home AS SELECT * FROM pageviews WHERE pageid='home';`,
      streamsProperties: { 'ksql.streams.auto.offset.reset': 'earliest' },
    });
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body).toHaveLength(2);
    expect(r.body[0]).toEqual({
      '@type': 'currentStatus', statementText: CREATE, commandId: 'stream/PAGEVIEWS/create',
      commandStatus: { status: 'SUCCESS', message: 'Stream created', queryId: null }, commandSequenceNumber: 0, warnings: [],
    });
    expect(r.body[1]).toMatchObject({
      '@type': 'currentStatus', statementText: "CREATE STREAM pageviews_home AS SELECT * FROM pageviews WHERE pageid='home';",
      commandId: 'stream/PAGEVIEWS_HOME/create', commandSequenceNumber: 1, warnings: [],
    });
    expect(r.body[1].commandStatus).toEqual({ status: 'SUCCESS', message: expect.stringMatching(/^Created query with ID CSAS_PAGEVIEWS_HOME_\d+$/), queryId: expect.stringMatching(/^CSAS_PAGEVIEWS_HOME_/) });
  });

  test("a command's warnings are in its entity's warnings as ksqlDB puts them, and still in its message", async () => {
    await ksql(f.url, `CREATE STREAM pts (x DOUBLE, y DOUBLE) WITH (kafka_topic='pts', partitions=1, value_format='JSON');
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;
      INSERT INTO pts (x, y) VALUES (1.0, 2.0); INSERT INTO pts (x, y) VALUES (2.0, 4.0);`);
    await f.engine.settle(10_000);
    const props = { 'ksql.streams.auto.offset.reset': 'earliest' };
    const [scored] = await ksql(f.url, 'CREATE STREAM scored AS SELECT x, PREDICT(m, x) AS guess FROM pts;', props);
    expect(scored.warnings).toEqual([{ message: expect.stringMatching(/^Warning: model M has already learned the first 2 rows of topic pts; /) }]);
    expect(scored.commandStatus.message).toBe(`Created query with ID ${scored.commandStatus.queryId}\n${scored.warnings[0].message}`);
    const [plain] = await ksql(f.url, 'CREATE STREAM doubled AS SELECT x * 2 AS x2 FROM pts;', props);
    expect(plain.warnings).toEqual([]);
  });

  test('a bad statement answers 400 with a statement_error at its position, the entities before it, and changes nothing', async () => {
    const r = await postJson(`${f.url}/ksql`, { ksql: `${CREATE}\nCREATE STREAM oops (x INT) WITH (kafka_topic='pageviews', value_format='JSON') EXTRA;\nCREATE STREAM after_error (x INT) WITH (kafka_topic='t2', partitions=1, value_format='JSON');` });
    expect(r.status).toBe(400);
    expect(r.body['@type']).toBe('statement_error');
    expect(r.body.error_code).toBe(40001);
    expect(r.body.message).toMatch(/^line 2, column 80: unexpected 'EXTRA'/);
    expect(r.body.statementText).toBe("CREATE STREAM oops (x INT) WITH (kafka_topic='pageviews', value_format='JSON') EXTRA;");
    expect(r.body.entities).toHaveLength(1);
    expect(r.body.entities[0].commandId).toBe('stream/PAGEVIEWS/create');
    const [streams] = await ksql(f.url, 'SHOW STREAMS;');
    expect(streams.streams.map((s: { name: string }) => s.name)).toEqual(['PAGEVIEWS']);
  });

  test('an unknown source answers 400 statement_error 40001 and nothing is created', async () => {
    const r = await postJson(`${f.url}/ksql`, { ksql: 'CREATE STREAM copy AS SELECT * FROM nowhere;' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ '@type': 'statement_error', error_code: 40001, statementText: 'CREATE STREAM copy AS SELECT * FROM nowhere;', entities: [] });
    expect(r.body.message).toMatch(/NOWHERE/);
    expect(f.engine.state.catalog.get('COPY')).toBeUndefined();
  });

  test('a SELECT is refused with 40002: queries go to /query', async () => {
    await ksql(f.url, CREATE);
    const r = await postJson(`${f.url}/ksql`, { ksql: 'SELECT * FROM pageviews;' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ '@type': 'statement_error', error_code: 40002, statementText: 'SELECT * FROM pageviews;', entities: [] });
  });

  test('streamsProperties and SET apply to their request only: the next request and the engine do not see them', async () => {
    const before = { ...f.engine.state.properties };
    const [props] = await ksql(f.url, "SET 'ksql.streams.commit.interval.ms'='777'; SHOW PROPERTIES;", { 'auto.offset.reset': 'earliest' });
    expect(props['@type']).toBe('properties');
    expect(props.properties).toContainEqual({ name: 'auto.offset.reset', scope: 'KSQL', value: 'earliest' });
    expect(props.properties).toContainEqual({ name: 'ksql.streams.commit.interval.ms', scope: 'KSQL', value: '777' });
    expect(props.overwrittenProperties).toEqual(['auto.offset.reset', 'ksql.streams.commit.interval.ms']);
    const [later] = await ksql(f.url, 'SHOW PROPERTIES;');
    expect(later.properties).toContainEqual({ name: 'auto.offset.reset', scope: 'KSQL', value: 'latest' });
    expect(later.properties.map((p: { name: string }) => p.name)).not.toContain('ksql.streams.commit.interval.ms');
    expect(f.engine.state.properties).toEqual(before);
  });

  test('DEFINE and sessionVariables substitute in their request only', async () => {
    const r = await postJson(`${f.url}/ksql`, {
      ksql: "DEFINE tname = 'pv'; CREATE STREAM ${sname} (x INT) WITH (kafka_topic='${tname}', partitions=1, value_format='JSON'); SHOW VARIABLES;",
      sessionVariables: { sname: 'from_var' },
    });
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ commandId: 'stream/FROM_VAR/create' });
    expect(f.engine.state.catalog.get('FROM_VAR')?.topic).toBe('pv');
    expect(r.body[1]).toMatchObject({ '@type': 'variables', statementText: 'SHOW VARIABLES;', warnings: [] });
    expect(r.body[1].variables.map((v: { name: string; value: string }) => [v.name.toUpperCase(), v.value])).toEqual([['SNAME', 'from_var'], ['TNAME', 'pv']]);
    const next = await postJson(`${f.url}/ksql`, { ksql: "CREATE STREAM x2 (x INT) WITH (kafka_topic='${tname}', partitions=1, value_format='JSON');" });
    expect(next.status).toBe(400);
    expect(next.body.message).toMatch(/tname/i);
    expect(f.engine.state.variables.size).toBe(0);
  });

  test('SHOW STREAMS, LIST TOPICS, SHOW QUERIES, DESCRIBE and SHOW FUNCTIONS answer ksqlDB\'s entities', async () => {
    await ksql(f.url, `${CREATE} CREATE TABLE views AS SELECT userid, COUNT(*) AS n FROM pageviews GROUP BY userid;`);
    const [streams, topics, queries, describe, functions] = await ksql(f.url, 'SHOW STREAMS; LIST TOPICS; SHOW QUERIES; DESCRIBE views; SHOW FUNCTIONS;');
    expect(streams).toEqual({
      '@type': 'streams', statementText: 'SHOW STREAMS;', warnings: [],
      streams: [{ type: 'STREAM', name: 'PAGEVIEWS', topic: 'pageviews', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false }],
    });
    expect(topics['@type']).toBe('kafka_topics');
    expect(topics.topics).toEqual([{ name: 'VIEWS', replicaInfo: [1] }, { name: 'pageviews', replicaInfo: [1] }].sort((a, b) => a.name.localeCompare(b.name)));
    expect(queries['@type']).toBe('queries');
    expect(queries.queries).toEqual([{
      queryString: 'CREATE TABLE views AS SELECT userid, COUNT(*) AS n FROM pageviews GROUP BY userid', sinks: ['VIEWS'], sinkKafkaTopics: ['VIEWS'],
      id: expect.stringMatching(/^CTAS_VIEWS_\d+$/), statusCount: { RUNNING: 1 }, queryType: 'PERSISTENT', state: 'RUNNING',
    }]);
    expect(describe['@type']).toBe('sourceDescription');
    expect(describe.sourceDescription).toMatchObject({
      name: 'VIEWS', type: 'TABLE', topic: 'VIEWS', keyFormat: 'KAFKA', valueFormat: 'JSON', windowType: null, extended: false,
      readQueries: [], writeQueries: [expect.objectContaining({ sinks: ['VIEWS'] })],
      fields: [
        { name: 'USERID', schema: { type: 'STRING', fields: null, memberSchema: null }, type: 'KEY' },
        { name: 'N', schema: { type: 'BIGINT', fields: null, memberSchema: null } },
      ],
    });
    expect(functions['@type']).toBe('function_names');
    expect(functions.functions).toContainEqual({ name: 'COUNT', type: 'AGGREGATE', category: expect.any(String) });
    expect(functions.functions).toContainEqual({ name: 'UCASE', type: 'SCALAR', category: expect.any(String) });
  });

  test('TERMINATE and DROP answer currentStatus entities that /status then reports', async () => {
    const [, created] = await ksql(f.url, `${CREATE} CREATE STREAM copy AS SELECT * FROM pageviews;`);
    const id = created.commandStatus.queryId;
    const [terminated, dropped] = await ksql(f.url, `TERMINATE ${id}; DROP STREAM copy;`);
    expect(terminated).toMatchObject({ '@type': 'currentStatus', commandId: `terminate/${id}/execute`, commandStatus: { status: 'SUCCESS', message: 'Query terminated.' } });
    expect(dropped).toMatchObject({ '@type': 'currentStatus', commandId: 'stream/COPY/drop', commandStatus: { status: 'SUCCESS' } });
    const all = await (await fetch(`${f.url}/status`)).json();
    expect(all).toEqual({ commandStatuses: { 'stream/PAGEVIEWS/create': 'SUCCESS', 'stream/COPY/create': 'SUCCESS', [`terminate/${id}/execute`]: 'SUCCESS', 'stream/COPY/drop': 'SUCCESS' } });
    const one = await fetch(`${f.url}/status/stream/COPY/create`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ status: 'SUCCESS', message: `Created query with ID ${id}`, queryId: id });
    const missing = await fetch(`${f.url}/status/stream/NOPE/create`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ '@type': 'generic_error', error_code: 40400 });
  });

  test('commandSequenceNumber of a command already run lets the request run; a future one times out with 503', async () => {
    const [e] = await ksql(f.url, CREATE);
    const ok = await postJson(`${f.url}/ksql`, { ksql: 'SHOW STREAMS;', commandSequenceNumber: e.commandSequenceNumber });
    expect(ok.status).toBe(200);
    const f2 = await startFixture({ 'ksql.server.command.response.timeout.ms': '50' });
    try {
      const late = await postJson(`${f2.url}/ksql`, { ksql: 'SHOW STREAMS;', commandSequenceNumber: 5 });
      expect(late.status).toBe(503);
      expect(late.body).toMatchObject({ '@type': 'generic_error', error_code: 50300 });
    } finally { await f2.close(); }
  });

  test('a body that is not JSON answers 400 with a generic_error', async () => {
    const r = await fetch(`${f.url}/ksql`, { method: 'POST', body: '{"ksql": ' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
  });
});

describe('info endpoints', () => {
  test('/info, /healthcheck and /clusterStatus answer ksqlDB\'s shapes', async () => {
    expect(await (await fetch(`${f.url}/info`)).json()).toEqual({
      KsqlServerInfo: { version: '0.29.0', kafkaClusterId: 'embedded', ksqlServiceId: 'default', serverStatus: 'RUNNING' },
      // Eddy's own, beside (ksqlDB's clients read KsqlServerInfo only).
      EddyServerInfo: {
        version: expect.stringMatching(/^\d+\.\d+\.\d+/), startedAt: expect.any(String), log: 'the embedded log',
        instanceId: f.engine.state.instanceId, persistentQueries: f.engine.state.queries.size, models: 0,
      },
    });
    const health = await fetch(`${f.url}/healthcheck`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ isHealthy: true, details: { metastore: { isHealthy: true }, kafka: { isHealthy: true }, commandRunner: { isHealthy: true } } });
    const cluster = await (await fetch(`${f.url}/clusterStatus`)).json();
    const host = new URL(f.url).host;
    expect(cluster.clusterStatus[host]).toMatchObject({ hostAlive: true, lastStatusUpdateMs: expect.any(Number), activeStandbyPerQuery: {}, hostStoreLags: { stateStoreLags: {} } });
  });

  test('an unknown path answers 404 with a generic_error', async () => {
    const r = await fetch(`${f.url}/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ '@type': 'generic_error', error_code: 40400 });
  });
});
