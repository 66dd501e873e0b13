// psql's \copy (COPY ... FROM STDIN) into a stream, with the real psql: text, CSV and JSON lines,
// a column list, a header, NULLs and escapes, bad lines (to the processing log, the rest load),
// a file larger than the connection's buffer, and the session still usable after an error.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixture, psql, type PgFixture } from './pg-helpers.js';
import { openWire, sendCancel, serialize, type WireClient } from './wire-client.js';

let fx: PgFixture;
let dir: string;
beforeAll(async () => {
  fx = await startFixture();
  dir = mkdtempSync(join(tmpdir(), 'eddy-copy-in-'));
});
afterAll(async () => fx.close());

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A raw wire client inside COPY `stream` FROM STDIN (a stream of one INT column it creates). */
async function copyingInto(stream: string): Promise<WireClient> {
  await fx.engine.executeScript(`CREATE STREAM ${stream} (id INT) WITH (kafka_topic='${stream}', value_format='JSON', partitions=1);`);
  const c = await openWire(fx.server.port);
  c.socket.write(serialize.query(`COPY ${stream} FROM STDIN`));
  await c.waitFor((x) => x.name === 'copyInResponse');
  return c;
}

/** The stream's rows, by a pull query through psql (| between columns). */
async function rowsOf(stream: string, columns: string): Promise<string[]> {
  const r = await psql(fx.server.port, ['-c', `SELECT ${columns} FROM ${stream};`]);
  expect(r.stderr).toBe('');
  return r.stdout.trim().split('\n').filter(Boolean);
}

describe('COPY ... FROM STDIN (psql \\copy)', () => {
  it('loads Postgres text format: tabs, \\N for NULL, escapes, and says COPY n', async () => {
    await fx.engine.executeScript(`CREATE STREAM t1 (id INT, name STRING, score DOUBLE) WITH (kafka_topic='t1', value_format='JSON', partitions=1);`);
    const path = file('t1.txt', '1\tann\t1.5\n2\t\\N\t2.5\n3\tb\\tc\\\\d\t\\N\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t1 FROM '${path}'`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('COPY 3');
    expect(await rowsOf('t1', "id, COALESCE(name, 'null'), score")).toEqual(['1|ann|1.5', '2|null|2.5', '3|b\tc\\d|']);
  });

  it('loads CSV with a header naming the columns, in another order, and a column list', async () => {
    await fx.engine.executeScript(`CREATE STREAM t2 (id INT KEY, name STRING, ok BOOLEAN) WITH (kafka_topic='t2', value_format='JSON', partitions=1);`);
    const withHeader = file('t2.csv', 'name,id,ok\n"x, y",1,true\nz,2,false\n');
    let r = await psql(fx.server.port, ['-c', `\\copy t2 FROM '${withHeader}' WITH (FORMAT csv, HEADER)`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('COPY 2');
    const listed = file('t2b.csv', '3,w\n');
    r = await psql(fx.server.port, ['-c', `\\copy t2 (id, name) FROM '${listed}' CSV`]);
    expect(r.stdout.trim()).toBe('COPY 1');
    expect(await rowsOf('t2', "id, name, COALESCE(CAST(ok AS STRING), 'null')")).toEqual(['1|x, y|true', '2|z|false', '3|w|null']);
  });

  it('takes DELIMITER and NULL (European CSV; a pipe-separated text file), and writes them back out with COPY TO STDOUT (\\copy name (columns) TO too)', async () => {
    await fx.engine.executeScript(`CREATE STREAM sep (id INT, name STRING, v DOUBLE) WITH (kafka_topic='sep', value_format='JSON', partitions=1);`);
    const csv = file('sep.csv', 'id;name;v\n1;"a;b";NA\n2;NA;2.5\n3;"NA";3.5\n');
    let r = await psql(fx.server.port, ['-c', `\\copy sep FROM '${csv}' WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'NA')`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('COPY 3');
    const text = file('sep.txt', '4|x\\|y|\\N\n');
    r = await psql(fx.server.port, ['-c', `\\copy sep FROM '${text}' DELIMITER '|'`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('COPY 1');
    expect(await rowsOf('sep', "id, COALESCE(name, 'null'), COALESCE(CAST(v AS STRING), 'null')")).toEqual(['1|a;b|null', '2|null|2.5', '3|NA|3.5', '4|x|y|null']);
    r = await psql(fx.server.port, ['-c', "COPY (SELECT id, name, v FROM sep) TO STDOUT WITH (FORMAT csv, DELIMITER ';', NULL 'NA')"]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1;"a;b";NA\n2;NA;2.5\n3;"NA";3.5\n4;x|y;NA\n');
    r = await psql(fx.server.port, ['-c', "COPY (SELECT id, name FROM sep) TO STDOUT WITH (DELIMITER '|', NULL '-')"]);
    expect(r.stdout).toBe('1|a;b\n2|-\n3|NA\n4|x\\|y\n');
    const out = join(dir, 'sep-out.csv');
    r = await psql(fx.server.port, ['-c', `\\copy sep (id, name) TO '${out}' WITH (FORMAT csv, HEADER, NULL 'NA')`]);
    expect(r.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe('ID,NAME\n1,a;b\n2,NA\n3,"NA"\n4,x|y\n');
  });

  it('refuses a COPY option Eddy does not take, by name, before asking for data', async () => {
    const path = file('quote.csv', '1\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t4 FROM '${path}' WITH (FORMAT csv, QUOTE '|')`]);
    expect(r.stderr).toContain('COPY option QUOTE is not supported: use FORMAT, HEADER, DELIMITER and NULL');
  });

  it("loads JSON lines (FORMAT json, as COPY name FROM 'file.jsonl'), fields by name", async () => {
    await fx.engine.executeScript(`CREATE STREAM t3 (id INT, v DOUBLE) WITH (kafka_topic='t3', value_format='JSON', partitions=1);`);
    const path = file('t3.jsonl', '{"id":1,"v":0.5}\n{"V":1.5,"ID":2}\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t3 FROM '${path}' WITH (FORMAT json)`]);
    expect(r.stdout.trim()).toBe('COPY 2');
    expect(await rowsOf('t3', 'id, v')).toEqual(['1|0.5', '2|1.5']);
  });

  it('sends a bad line to the processing log with its line number, loads the rest, and warns', async () => {
    await fx.engine.executeScript(`CREATE STREAM t4 (id INT, v DOUBLE) WITH (kafka_topic='t4', value_format='JSON', partitions=1);`);
    const path = file('t4.csv', '1,1.0\nnot-a-number,2.0\n3,3.0\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t4 FROM '${path}' CSV`]);
    expect(r.stdout.trim()).toBe('COPY 2');
    expect(r.stderr).toMatch(/WARNING:\s+1 bad line sent to the processing log; the first: STDIN:2: /);
    expect(await rowsOf('t4', 'id')).toEqual(['1', '3']);
  });

  it('fails with no line loaded, names an unknown stream, and the session goes on', async () => {
    await fx.engine.executeScript(`CREATE STREAM t5 (id INT) WITH (kafka_topic='t5', value_format='JSON', partitions=1);`);
    const bad = file('t5.csv', 'x\ny\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t5 FROM '${bad}' CSV`, '-c', `\\copy nowhere FROM '${bad}'`, '-c', 'SELECT 1 AS one FROM t5;']);
    expect(r.stderr).toMatch(/ERROR:\s+no line of the COPY data could be loaded into T5 \(2 bad lines/);
    expect(r.stderr).toMatch(/ERROR:.*NOWHERE/i);
    expect(r.stdout.trim()).toBe(''); // t5 is empty: the session still answered
  });

  it('loads 200,000 lines (more than the connection buffers at once) in order', async () => {
    await fx.engine.executeScript(`CREATE STREAM t6 (id BIGINT, name STRING) WITH (kafka_topic='t6', value_format='JSON', partitions=1);`);
    const n = 200_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`${i}\tname-${i}-${'x'.repeat(40)}`);
    const path = file('t6.txt', lines.join('\n') + '\n');
    const r = await psql(fx.server.port, ['-c', `\\copy t6 FROM '${path}'`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`COPY ${n}`);
    const recs = await fx.engine.log.read('t6', 0, 0, n + 1);
    expect(recs.length).toBe(n);
    const ids = recs.map((rec) => JSON.parse(Buffer.from(rec.value!).toString()).ID as number);
    expect(ids.every((id, i) => id === i)).toBe(true);
  });

  it('takes copy data sent with the COPY, before CopyInResponse (as pgx sends it), and ignores copy data after other statements', async () => {
    await fx.engine.executeScript(`CREATE STREAM early (id INT) WITH (kafka_topic='early', value_format='JSON', partitions=1);`);
    const c = await openWire(fx.server.port);
    try {
      // One write: a SELECT with stray copy data after it (ignored, as Postgres ignores it), then
      // the COPY with its data and CopyDone, then a query: nothing may wait behind the COPY.
      c.socket.write(Buffer.concat([
        serialize.query('SELECT 1 AS one FROM early;'), serialize.copyData(Buffer.from('99\n')), serialize.copyDone(),
        serialize.query('COPY early FROM STDIN'), serialize.copyData(Buffer.from('1\n2\n')), serialize.copyData(Buffer.from('3\n')), serialize.copyDone(),
        serialize.query('SELECT id FROM early;'),
      ]));
      await c.ready(3);
      expect(c.names().filter((n) => n.startsWith('commandComplete'))).toEqual(['commandComplete SELECT 0', 'commandComplete COPY 3', 'commandComplete SELECT 3']);
    } finally {
      c.close();
    }
  });

  it('on CopyFail reports the client\'s reason (57014), drops later copy data, and takes the next query', async () => {
    const c = await copyingInto('t7');
    try {
      c.socket.write(Buffer.concat([serialize.copyData(Buffer.from('1\n')), serialize.copyFail('the client gave up')]));
      const err = await c.waitFor((x) => x.name === 'error');
      expect([err.code, err.message]).toEqual(['57014', 'COPY from stdin failed: the client gave up']);
      await c.ready(1);
      c.socket.write(Buffer.concat([serialize.copyData(Buffer.from('2\n')), serialize.copyDone(), serialize.query('SELECT id FROM t7;')]));
      await c.ready(2);
      expect(c.names().slice(-2)).toEqual(['commandComplete SELECT 0', 'readyForQuery']);
    } finally {
      c.close();
    }
  });

  it('runs through the extended protocol (Parse, Bind, Execute; the data; Sync)', async () => {
    await fx.engine.executeScript(`CREATE STREAM t8 (id INT, name STRING) WITH (kafka_topic='t8', value_format='JSON', partitions=1);`);
    const c = await openWire(fx.server.port);
    try {
      c.socket.write(Buffer.concat([serialize.parse({ text: 'COPY t8 FROM STDIN WITH (FORMAT csv)' }), serialize.bind({}), serialize.execute({})]));
      const res = await c.waitFor((x) => x.name === 'copyInResponse');
      expect(res.columnTypes).toEqual([0, 0]);
      c.socket.write(Buffer.concat([serialize.copyData(Buffer.from('1,a\n2,')), serialize.copyData(Buffer.from('b\n')), serialize.copyDone(), serialize.sync()]));
      await c.ready(1);
      expect(c.names()).toEqual(['parseComplete', 'bindComplete', 'copyInResponse', 'commandComplete COPY 2', 'readyForQuery']);
      expect(await rowsOf('t8', 'id, name')).toEqual(['1|a', '2|b']);
    } finally {
      c.close();
    }
  });

  it('stops waiting for data at a CancelRequest', async () => {
    const c = await copyingInto('t9');
    try {
      c.socket.write(serialize.copyData(Buffer.from('1\n')));
      await sendCancel(fx.server.port, c.pid, c.secret);
      const err = await c.waitFor((x) => x.name === 'error');
      expect(err.code).toBe('57014');
      await c.ready(1);
    } finally {
      c.close();
    }
  });
});

