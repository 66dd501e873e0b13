// POST /query (v1) and /query-stream over HTTP/1.1 with curl (chunked) and Node fetch: push and
// pull queries, each row written as it arrives, and a push query that ends with its client.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFixture, ksql, eventually, type Fixture } from './rest-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
  await ksql(f.url, "CREATE STREAM orders (id INT KEY, item STRING, price DECIMAL(5, 2), ts TIMESTAMP) WITH (kafka_topic='orders', partitions=1, value_format='JSON');");
});
afterEach(async () => { await f.close(); });

const pushQueries = (): string[] => [...f.engine.state.queries.values()].filter((q) => q.kind === 'PUSH').map((q) => q.id);
const insert = (id: number, item: string): Promise<unknown> =>
  ksql(f.url, `INSERT INTO orders (id, item, price, ts) VALUES (${id}, '${item}', ${id}.50, FROM_UNIXTIME(${id * 1000}));`);

/** curl as a child process (-i: the response head, then the body); what it printed so far. */
function curl(args: string[]): { proc: ChildProcessWithoutNullStreams; out: () => string; headers: () => string; exited: Promise<number | null> } {
  const proc = spawn('curl', ['-sS', '-N', '-i', '--http1.1', ...args]);
  let all = '';
  proc.stdout.on('data', (d: Buffer) => { all += d.toString(); });
  const split = (): [string, string] => {
    const i = all.indexOf('\r\n\r\n');
    return i < 0 ? [all, ''] : [all.slice(0, i), all.slice(i + 4)];
  };
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, out: () => split()[1], headers: () => split()[0], exited };
}

describe('POST /query (v1) with curl over HTTP/1.1', () => {
  test('a push query streams its header, then each row as it is inserted, chunked; ending curl ends the query', async () => {
    const c = curl(['-X', 'POST', `${f.url}/query`, '-d', JSON.stringify({ ksql: 'SELECT id, item, price, ts FROM orders EMIT CHANGES;', streamsProperties: {} })]);
    await eventually(() => c.out().length > 0 && pushQueries().length === 1);
    expect(c.headers()).toMatch(/transfer-encoding: chunked/i);
    expect(c.headers()).toMatch(/content-type: application\/json/i);
    const queryId = pushQueries()[0];
    expect(JSON.parse(c.out().slice(1))).toEqual({ header: { queryId, schema: '`ID` INTEGER, `ITEM` STRING, `PRICE` DECIMAL(5, 2), `TS` TIMESTAMP' } });
    await insert(1, 'apple');
    await eventually(() => c.out().includes('apple'));
    expect(c.out()).not.toContain('pear'); // each row is written as it arrives, not at the end
    await insert(2, 'pear');
    await eventually(() => c.out().includes('pear'));
    expect(c.out()).toContain('{"row":{"columns":[1,"apple",1.50,"1970-01-01T00:00:01.000"]}}');
    expect(c.out()).toContain('{"row":{"columns":[2,"pear",2.50,"1970-01-01T00:00:02.000"]}}');
    c.proc.kill();
    await c.exited;
    await eventually(() => pushQueries().length === 0);
    const [queries] = await ksql(f.url, 'SHOW QUERIES;');
    expect(queries.queries).toEqual([]);
  });

  test('a push query with LIMIT answers a complete JSON array ending with "Limit Reached"', async () => {
    await insert(1, 'apple');
    await insert(2, 'pear');
    const c = curl(['-X', 'POST', `${f.url}/query`, '-d', JSON.stringify({ ksql: 'SELECT item FROM orders EMIT CHANGES LIMIT 2;', streamsProperties: { 'ksql.streams.auto.offset.reset': 'earliest' } })]);
    expect(await c.exited).toBe(0);
    const body = JSON.parse(c.out());
    expect(body).toEqual([
      { header: { queryId: expect.stringMatching(/^transient_ORDERS_/), schema: '`ITEM` STRING' } },
      { row: { columns: ['apple'] } },
      { row: { columns: ['pear'] } },
      { finalMessage: 'Limit Reached' },
    ]);
    expect(pushQueries()).toEqual([]);
  });

  test('a pull query answers the header and its rows as one JSON array', async () => {
    await insert(1, 'apple');
    const c = curl(['-X', 'POST', `${f.url}/query`, '-d', JSON.stringify({ ksql: 'SELECT id, item FROM orders;' })]);
    expect(await c.exited).toBe(0);
    expect(JSON.parse(c.out())).toEqual([
      { header: { queryId: '', schema: '`ID` INTEGER, `ITEM` STRING' } },
      { row: { columns: [1, 'apple'] } },
    ]);
  });

  test('a bad query answers 400 with a statement_error at its position', async () => {
    const c = curl(['-X', 'POST', `${f.url}/query`, '-d', JSON.stringify({ ksql: 'SELECT nope FROM orders EMIT CHANGES;' })]);
    await c.exited;
    expect(c.headers()).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(c.out())).toMatchObject({ '@type': 'statement_error', error_code: 40001, statementText: 'SELECT nope FROM orders EMIT CHANGES;', entities: [] });
    expect(JSON.parse(c.out()).message).toMatch(/^line 1, column 8: .*NOPE/);
    expect(pushQueries()).toEqual([]);
  });
});

describe('POST /query-stream over HTTP/1.1', () => {
  test('delimited: the metadata object, then one JSON array per line, each written as it arrives', async () => {
    const c = curl(['-X', 'POST', `${f.url}/query-stream`, '-d', JSON.stringify({ sql: 'SELECT id, item FROM orders EMIT CHANGES;', properties: {} })]);
    await eventually(() => c.out().includes('\n'));
    expect(c.headers()).toMatch(/content-type: application\/vnd.ksqlapi.delimited.v1/i);
    const queryId = pushQueries()[0];
    expect(JSON.parse(c.out())).toEqual({ queryId, columnNames: ['ID', 'ITEM'], columnTypes: ['INTEGER', 'STRING'] });
    await insert(7, 'fig');
    await eventually(() => c.out().split('\n').length === 3);
    expect(c.out().split('\n')[1]).toBe('[7,"fig"]');
    const closed = await fetch(`${f.url}/close-query`, { method: 'POST', body: JSON.stringify({ queryId }) });
    expect(closed.status).toBe(200);
    expect(await c.exited).toBe(0);
    expect(pushQueries()).toEqual([]);
  });

  test('application/json: a pull query\'s metadata and rows as one JSON array (fetch)', async () => {
    await insert(1, 'apple');
    await insert(2, 'pear');
    const r = await fetch(`${f.url}/query-stream`, { method: 'POST', headers: { accept: 'application/json' }, body: JSON.stringify({ sql: "SELECT item, price FROM orders WHERE id = 2;" }) });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual([{ columnNames: ['ITEM', 'PRICE'], columnTypes: ['STRING', 'DECIMAL(5, 2)'] }, ['pear', 2.5]]);
  });

  test('a client that disconnects ends its push query: no query is left (fetch + abort)', async () => {
    const abort = new AbortController();
    const r = await fetch(`${f.url}/query-stream`, { method: 'POST', body: JSON.stringify({ sql: 'SELECT * FROM orders EMIT CHANGES;' }), signal: abort.signal });
    const reader = r.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first).columnNames).toEqual(["ID", "ITEM", "PRICE", "TS"]);
    expect(pushQueries()).toHaveLength(1);
    abort.abort();
    await eventually(() => pushQueries().length === 0);
  });

  test('/close-query of an unknown id answers 400', async () => {
    const r = await fetch(`${f.url}/close-query`, { method: 'POST', body: JSON.stringify({ queryId: 'nope' }) });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ '@type': 'generic_error', message: 'No query with id nope' });
  });

  test('TERMINATE of a streaming push query ends its response too', async () => {
    const c = curl(['-X', 'POST', `${f.url}/query-stream`, '-d', JSON.stringify({ sql: 'SELECT id FROM orders EMIT CHANGES;' })]);
    await eventually(() => c.out().includes('\n'));
    await ksql(f.url, `TERMINATE ${pushQueries()[0]};`);
    expect(await c.exited).toBe(0);
    expect(pushQueries()).toEqual([]);
  });
});

describe('POST /inserts-stream with curl', () => {
  test('one ack per row as it is written; a bad row gets an error ack and the stream goes on', async () => {
    const body = ['{"target":"orders"}', '{"ID":1,"ITEM":"apple","PRICE":1.25}', '{"id":2,"item":"pear","price":"cheap"}', '{"id":3,"colour":"red"}', '{"id":4,"item":"fig"}'].join('\n');
    const c = curl(['-X', 'POST', `${f.url}/inserts-stream`, '--data-binary', body]);
    expect(await c.exited).toBe(0);
    const acks = c.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(acks).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'error', seq: 1, error_code: 40001, message: expect.stringMatching(/PRICE/) },
      { status: 'error', seq: 2, error_code: 40001, message: 'Column name colour does not exist in ORDERS.' },
      { status: 'ok', seq: 3 },
    ]);
    const r = await fetch(`${f.url}/query-stream`, { method: 'POST', headers: { accept: 'application/json' }, body: JSON.stringify({ sql: 'SELECT id, item, price FROM orders;' }) });
    expect((await r.json()).slice(1)).toEqual([[1, 'apple', 1.25], [4, 'fig', null]]);
  });

  test('an unknown target answers one error ack', async () => {
    const c = curl(['-X', 'POST', `${f.url}/inserts-stream`, '--data-binary', '{"target":"nowhere"}\n{"x":1}']);
    await c.exited;
    expect(JSON.parse(c.out())).toMatchObject({ status: 'error', error_code: 40000, message: 'Cannot insert into an unknown stream: nowhere' });
  });
});
