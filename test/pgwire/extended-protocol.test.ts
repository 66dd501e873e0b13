// The extended query protocol on the wire: what pg-cursor, postgres.js and pgjdbc send.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connect } from 'node:net';
import { once } from 'node:events';
import { startFixture, pushQueryRunning, type PgFixture } from './pg-helpers.js';
import { openWire, serialize } from './wire-client.js';

let fx: PgFixture;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM ev (id INT KEY, name STRING, v DOUBLE) WITH (kafka_topic='ev', value_format='JSON', partitions=1);
    INSERT INTO ev (id, name, v) VALUES (1, 'a', 0.5); INSERT INTO ev (id, name, v) VALUES (2, 'b', 1.5); INSERT INTO ev (id, name, v) VALUES (3, 'c', 2.5);`);
});
afterAll(async () => fx.close());

describe('the extended query protocol', () => {
  it('runs Parse, Bind, Describe, Execute and Sync for a pull query', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(Buffer.concat([
      serialize.parse({ text: 'SELECT id, name FROM ev WHERE v > 1;' }), serialize.bind({}), serialize.describe({ type: 'P' }),
      serialize.execute({}), serialize.sync()]));
    await c.ready();
    expect(c.names()).toEqual(['parseComplete', 'bindComplete', 'rowDescription', 'dataRow', 'dataRow', 'commandComplete SELECT 2', 'readyForQuery']);
    expect(c.messages.filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([['2', 'b'], ['3', 'c']]);
    c.close();
  });

  it('sends exactly maxRows rows of a push query, then PortalSuspended, and resumes on the next Execute', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query("SET 'auto.offset.reset'='earliest';"));
    await c.ready();
    c.messages.length = 0;
    // pg-cursor's sequence: no Sync until the cursor is closed.
    c.socket.write(Buffer.concat([
      serialize.parse({ text: 'SELECT id, v FROM ev EMIT CHANGES;' }), serialize.bind({ portal: 'C_1' }),
      serialize.describe({ type: 'P', name: 'C_1' }), serialize.execute({ portal: 'C_1', rows: 2 }), serialize.flush()]));
    await c.waitFor((m) => m.name === 'portalSuspended');
    expect(c.names()).toEqual(['parseComplete', 'bindComplete', 'rowDescription', 'dataRow', 'dataRow', 'portalSuspended']);
    const at = c.messages.length;
    c.socket.write(Buffer.concat([serialize.execute({ portal: 'C_1', rows: 2 }), serialize.flush()]));
    await c.waitFor((m) => m.name === 'dataRow', at);
    // One row is there; the second comes only when inserted: never a short batch.
    await new Promise((r) => setTimeout(r, 300));
    expect(c.names().slice(at)).toEqual(['dataRow']);
    await fx.engine.executeScript("INSERT INTO ev (id, name, v) VALUES (4, 'd', 3.5);");
    await c.waitFor((m) => m.name === 'portalSuspended', at);
    expect(c.messages.slice(at).filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([['3', '2.5'], ['4', '3.5']]);
    // Close then Sync: the push query stops.
    c.socket.write(Buffer.concat([serialize.close({ type: 'P', name: 'C_1' }), serialize.sync()]));
    await c.ready();
    await pushQueryRunning(fx.engine, false);
    c.close();
  });

  it('describes a prepared statement: parameter types and columns, before any Bind', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(Buffer.concat([serialize.parse({ name: 's1', text: 'SELECT name, v FROM ev WHERE id = $1;' }), serialize.describe({ type: 'S', name: 's1' }), serialize.sync()]));
    await c.ready();
    expect(c.names()).toEqual(['parseComplete', 'parameterDescription', 'rowDescription', 'readyForQuery']);
    const row = c.messages.find((m) => m.name === 'rowDescription') as unknown as { fields: { name: string; dataTypeID: number }[] };
    expect(row.fields.map((f) => [f.name, f.dataTypeID])).toEqual([['NAME', 25], ['V', 701]]);
    // A named statement is reused with new parameters.
    c.messages.length = 0;
    for (const id of ['1', '3']) c.socket.write(Buffer.concat([serialize.bind({ statement: 's1', values: [id] }), serialize.execute({}), serialize.sync()]));
    await c.ready(2);
    expect(c.messages.filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([['a', '0.5'], ['c', '2.5']]);
    c.close();
  });

  it('answers NoData for a statement without rows, and an empty statement with EmptyQueryResponse', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(Buffer.concat([
      serialize.parse({ text: "INSERT INTO ev (id, name, v) VALUES (9, 'z', 9.5);" }), serialize.bind({}), serialize.describe({ type: 'P' }), serialize.execute({}),
      serialize.parse({ text: '' }), serialize.bind({}), serialize.execute({}), serialize.sync()]));
    await c.ready();
    expect(c.names()).toEqual(['parseComplete', 'bindComplete', 'noData', 'commandComplete INSERT 0 1', 'parseComplete', 'bindComplete', 'emptyQuery', 'readyForQuery']);
    c.close();
  });

  it('reports an error once, skips to Sync, and the connection goes on', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(Buffer.concat([
      serialize.parse({ text: 'SELECT nope FROM ev;' }), serialize.bind({}), serialize.execute({}), serialize.sync(),
      serialize.parse({ text: 'SELECT id FROM ev WHERE id = 2;' }), serialize.bind({}), serialize.execute({}), serialize.sync()]));
    await c.ready(2);
    expect(c.names()).toEqual(['error', 'readyForQuery', 'parseComplete', 'bindComplete', 'dataRow', 'commandComplete SELECT 1', 'readyForQuery']);
    expect(c.messages[0]).toMatchObject({ code: '42703', position: expect.any(String) });
    c.close();
  });

  it('refuses an unknown portal or statement, and a Bind with the wrong number of values', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(Buffer.concat([serialize.execute({ portal: 'nope' }), serialize.sync(),
      serialize.bind({ statement: 'nope' }), serialize.sync(),
      serialize.parse({ name: 'two', text: 'SELECT id FROM ev WHERE id = $1 AND v > $2;' }), serialize.bind({ statement: 'two', values: ['1'] }), serialize.sync()]));
    await c.ready(3);
    expect(c.messages.filter((m) => m.name === 'error').map((m) => m.code)).toEqual(['34000', '26000', '08P01']);
    c.close();
  });
});

describe('binary result formats', () => {
  it('sends each column in binary when Bind asks, as node-postgres\'s binary parsers read it', async () => {
    // node-postgres's own binary mode reads fields as UTF-8 text first (bytes >= 0x80 are lost),
    // so the DataRow is cut here and each field handed to pg-types' binary parser.
    const { default: pgTypes } = await import('pg-types');
    const s = connect(fx.server.port, '127.0.0.1');
    await once(s, 'connect');
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.write(serialize.startup({ user: 'eddy', database: 'eddy' }));
    s.write(Buffer.concat([
      serialize.parse({ text: "SELECT id, name, v, CAST('2024-03-05' AS DATE) AS d, v > 1 AS big FROM ev WHERE id = 2;" }),
      serialize.bind({ binary: true }), serialize.execute({}), serialize.sync()]));
    const all = async (): Promise<Buffer> => {
      for (let i = 0; i < 100; i++) {
        const b = Buffer.concat(chunks);
        if (b.includes(Buffer.from('SELECT 1'))) return b;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no CommandComplete');
    };
    const bytes = await all();
    s.destroy();
    let at = 0;
    while (bytes[at] !== 0x44) at += 1 + bytes.readInt32BE(at + 1); // to the DataRow ('D')
    const n = bytes.readInt16BE(at + 5);
    const fields: Buffer[] = [];
    for (let i = 0, p = at + 7; i < n; i++) {
      const len = bytes.readInt32BE(p);
      fields.push(bytes.subarray(p + 4, p + 4 + len));
      p += 4 + len;
    }
    const oids = [23, 25, 701, 1082, 16];
    const values = fields.map((f, i) => pgTypes.getTypeParser(oids[i], 'binary')(f));
    expect(values.slice(0, 3)).toEqual([2, 'b', 1.5]);
    expect(fields[3].readInt32BE(0)).toBe(8830); // days from 2000-01-01 to 2024-03-05 (pg-types has no binary date parser)
    expect(values[4]).toBe(true);
  });
});
