// Push queries over the Postgres protocol, in the shapes clients use: a plain Query, COPY ... TO
// STDOUT (live in psql), DECLARE/FETCH (psql's FETCH_COUNT path), and cancelling any of them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { startFixture, pushQueryRunning, type PgFixture } from './pg-helpers.js';
import { openWire, sendCancel, serialize } from './wire-client.js';

let fx: PgFixture;
let nextId = 100;
beforeAll(async () => {
  fx = await startFixture();
  await fx.engine.executeScript(`CREATE STREAM temps (id INT KEY, site STRING, c DOUBLE) WITH (kafka_topic='temps', value_format='JSON', partitions=1);
    INSERT INTO temps (id, site, c) VALUES (1, 'north', 20.5); INSERT INTO temps (id, site, c) VALUES (2, 'south', 22.0);`);
});
afterAll(async () => fx.close());

const insert = (site: string, c: number): Promise<unknown> => fx.engine.executeScript(`INSERT INTO temps (id, site, c) VALUES (${nextId++}, '${site}', ${c});`);

/** psql in a pseudo-terminal (as a person runs it: output line by line), via util-linux `script`. */
function psqlInTerminal(sql: string, vars: string[] = []): { output(): string; interrupt(): void; exited: Promise<number> } {
  const cmd = ['psql', '-X', '-P', 'pager=off', '-h', '127.0.0.1', '-p', String(fx.server.port), '-U', 'eddy', '-d', 'eddy', ...vars.flatMap((v) => ['-v', v]),
    '-c', "SET 'auto.offset.reset'='earliest';", '-c', sql].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-q', '-e', '-c', cmd, '/dev/null'], { env: { ...process.env, PGCONNECT_TIMEOUT: '5', COLUMNS: '200' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  void exited.then(() => clearTimeout(killer));
  // Ctrl-C as typed at the terminal: the pty's interrupt character reaches psql as SIGINT.
  return { output: () => out.replace(/\r/g, ''), interrupt: () => child.stdin.write('\x03'), exited };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('push queries over the Postgres protocol', () => {
  it('streams COPY (SELECT ... EMIT CHANGES) TO STDOUT live in psql, and Ctrl-C cancels it', async () => {
    const p = psqlInTerminal("COPY (SELECT site, c * 2 AS doubled FROM temps WHERE c > 21 EMIT CHANGES) TO STDOUT");
    await until(() => p.output().includes('south\t44'), 'the first row');
    await insert('east', 30);
    await until(() => p.output().includes('east\t60'), 'a row inserted after the query started');
    p.interrupt();
    expect(await p.exited).not.toBe(0);
    expect(p.output()).toContain('canceling statement due to user request');
    await pushQueryRunning(fx.engine, false);
  });

  it("shows rows as they arrive with psql's \\set FETCH_COUNT 1 (its DECLARE/FETCH path)", async () => {
    const p = psqlInTerminal('SELECT site, c FROM temps EMIT CHANGES LIMIT 4', ['FETCH_COUNT=1']);
    await until(() => /south\s*\|\s*22/.test(p.output()), 'the rows so far');
    expect(p.output()).not.toMatch(/rows\)/);
    await insert('west', 25.5);
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/west\s*\|\s*25\.5/);
    expect(p.output()).toContain('(4 rows)');
  });

  it('DECLARE/FETCH: FETCH n waits for n rows or its timeout; FETCH ALL returns what is ready; CLOSE stops the query', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query("SET 'auto.offset.reset'='earliest'; BEGIN; DECLARE cur CURSOR FOR SELECT id, site FROM temps WHERE id < 3 OR site = 'late' EMIT CHANGES;"));
    await c.ready();
    expect(c.messages.filter((m) => m.name === 'readyForQuery').map((m) => m.status)).toEqual(['T']);
    c.messages.length = 0;
    const started = Date.now();
    c.socket.write(serialize.query("FETCH 5 cur WITH (timeout='300ms');"));
    await c.ready();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(c.names()).toEqual(['rowDescription', 'dataRow', 'dataRow', 'commandComplete FETCH 2', 'readyForQuery']);
    c.messages.length = 0;
    c.socket.write(serialize.query('FETCH ALL FROM cur;'));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.names()).toEqual(['rowDescription']); // waiting for a first row
    await insert('late', 1);
    await c.ready();
    expect(c.messages.filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([[String(nextId - 1), 'late']]);
    c.messages.length = 0;
    c.socket.write(serialize.query('CLOSE cur; FETCH 1 cur;'));
    await c.ready();
    expect(c.names()).toEqual(['commandComplete CLOSE CURSOR', 'error', 'readyForQuery']);
    expect(c.messages[1]).toMatchObject({ code: '34000' });
    expect(c.messages[2]).toMatchObject({ status: 'E' });
    await pushQueryRunning(fx.engine, false);
    c.messages.length = 0;
    c.socket.write(serialize.query('SELECT id FROM temps; ROLLBACK;'));
    await c.ready();
    c.socket.write(serialize.query('ROLLBACK;'));
    await c.ready(2);
    expect(c.names()).toEqual(['error', 'readyForQuery', 'commandComplete ROLLBACK', 'readyForQuery']);
    expect(c.messages[0]).toMatchObject({ code: '25P02' });
    expect(c.messages[3]).toMatchObject({ status: 'I' });
    c.close();
  });

  it('COMMIT closes the cursors of its transaction', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query('BEGIN; DECLARE k CURSOR FOR SELECT * FROM temps EMIT CHANGES;'));
    await c.ready();
    await pushQueryRunning(fx.engine, true);
    c.socket.write(serialize.query('COMMIT;'));
    await c.ready(2);
    await pushQueryRunning(fx.engine, false);
    c.close();
  });

  it('a CancelRequest with the right key stops a plain push query with 57014; the connection stays usable', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query('SELECT site FROM temps EMIT CHANGES;'));
    await c.waitFor((m) => m.name === 'rowDescription');
    await pushQueryRunning(fx.engine, true);
    await sendCancel(fx.server.port, c.pid, c.secret + 1); // a wrong secret changes nothing
    await new Promise((r) => setTimeout(r, 200));
    expect(c.names()).toEqual(['rowDescription']);
    await sendCancel(fx.server.port, c.pid, c.secret);
    await c.ready();
    expect(c.names()).toEqual(['rowDescription', 'error', 'readyForQuery']);
    expect(c.messages[1]).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
    await pushQueryRunning(fx.engine, false);
    c.messages.length = 0;
    c.socket.write(serialize.query('SELECT site FROM temps WHERE id = 1;'));
    await c.ready();
    expect(c.messages.filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([['north']]);
    c.close();
  });

  it('a client that goes away mid-stream stops its push query', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query('SELECT * FROM temps EMIT CHANGES;'));
    await pushQueryRunning(fx.engine, true);
    c.close();
    await pushQueryRunning(fx.engine, false);
  });

  it('tells a psql user that a plain push query shows its rows only when it ends', async () => {
    const c = await openWire(fx.server.port, { application_name: 'psql' });
    c.socket.write(serialize.query("SET 'auto.offset.reset'='earliest'; SELECT * FROM temps EMIT CHANGES LIMIT 1;"));
    await c.ready();
    const notice = c.messages.find((m) => m.name === 'notice');
    expect(notice).toMatchObject({ severity: 'WARNING' });
    expect(String(notice?.hint)).toContain('COPY (SELECT * FROM temps EMIT CHANGES LIMIT 1) TO STDOUT');
    c.close();
  });
});

describe('statement_timeout', () => {
  it('cancels a statement running longer, with 57014, as Postgres does', async () => {
    const c = await openWire(fx.server.port);
    c.socket.write(serialize.query("SET statement_timeout = '300ms'; SELECT * FROM temps EMIT CHANGES;"));
    await c.ready();
    expect(c.names()).toEqual(['commandComplete SET', 'rowDescription', 'error', 'readyForQuery']);
    expect(c.messages[2]).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
    await pushQueryRunning(fx.engine, false);
    c.messages.length = 0;
    c.socket.write(serialize.query("SET statement_timeout = 0; SELECT site FROM temps WHERE id = 1;"));
    await c.ready();
    expect(c.messages.filter((m) => m.name === 'dataRow').map((m) => m.fields)).toEqual([['north']]);
    c.close();
  });
});
