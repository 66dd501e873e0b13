// Postgres logins against the users file (SCRAM-SHA-256): psql 15 and node-postgres with the right
// and wrong passwords, unknown users, users added before Postgres logins existed, a file changed
// while the server runs, and what a broken or stalled client gets on the wire (pg-protocol decodes).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync, appendFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parse, serialize } from 'pg-protocol';
import { Engine } from '../../src/engine/engine.js';
import { startPgServer, type PgServer } from '../../server/pgwire/pg-server.js';
import { UsersFile, setUser, hashPassword } from '../../server/rest/auth-users-file.js';

const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-auth-'));
const usersFile = join(dir, 'users.txt');
// Made by PostgreSQL 15 itself: CREATE ROLE ... PASSWORD 'pencil'.
const POSTGRES_MADE = 'SCRAM-SHA-256$4096:zHp2rWkTXKU6dwtA4tIQqQ==$v/vGVAm9LFvhiKHxQvFHtD1uotLKFfKbtGJxrQ9shB0=:+72YnFprz9TcthORHC7qpTBuApM1u+8dxpERJJJX54s=';
let engine: Engine;
let server: PgServer;

beforeAll(async () => {
  await setUser(usersFile, 'alice', 'correct horse');
  // A line as `eddy users add` wrote it before Postgres logins: a scrypt hash, no verifier.
  appendFileSync(usersFile, `olduser:${await hashPassword('old secret')}\n`);
  appendFileSync(usersFile, `pgmade:${await hashPassword('pencil')}:${POSTGRES_MADE}\n`);
  engine = await Engine.create();
  server = await startPgServer(engine, { port: 0, users: await UsersFile.load(usersFile), startupTimeoutMs: 500 });
});
afterAll(async () => {
  await server?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** psql as `user`, with PGPASSWORD set when a password is given; -w: never prompt. */
function psqlAs(user: string, password: string | undefined, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '5' };
  delete env.PGPASSWORD;
  if (password !== undefined) env.PGPASSWORD = password;
  return new Promise((resolve) => {
    execFile('psql', ['-h', '127.0.0.1', '-p', String(server.port), '-U', user, '-d', 'eddy', '-X', '-A', '-t', '-w', ...args],
      { timeout: 20_000, env },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

describe('psql logging in with SCRAM-SHA-256', () => {
  it('runs statements with the right password', async () => {
    const r = await psqlAs('alice', 'correct horse', ['-c', `CREATE STREAM a1 (id INT KEY) WITH (kafka_topic='a1', value_format='JSON', partitions=1); INSERT INTO a1 (id) VALUES (3); SELECT id FROM a1;`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['CREATE STREAM', 'INSERT 0 1', '3']);
    expect(r.code).toBe(0);
  });

  it('fails with exit code 2 and "password authentication failed" for a wrong password', async () => {
    const r = await psqlAs('alice', 'wrong horse', ['-c', 'SHOW STREAMS;']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('password authentication failed for user "alice"');
    expect(r.stdout).toBe('');
  });

  it('tells an unknown user exactly what it tells a wrong password', async () => {
    const r = await psqlAs('mallory', 'correct horse', ['-c', 'SHOW STREAMS;']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('password authentication failed for user "mallory"');
  });

  it('asks for a password: without one psql gives up (-w) rather than getting in', async () => {
    const r = await psqlAs('alice', undefined, ['-c', 'SHOW STREAMS;']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no password supplied');
  });

  it('logs in with a verifier PostgreSQL 15 made for the user', async () => {
    const r = await psqlAs('pgmade', 'pencil', ['-c', 'SHOW STREAMS;']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('tells a user added before Postgres logins existed to add it again', async () => {
    const r = await psqlAs('olduser', 'old secret', ['-c', 'SHOW STREAMS;']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('user "olduser" has no SCRAM-SHA-256 verifier');
    expect(r.stderr).toContain("eddy users add olduser --users FILE");
  });

  it('lets in a user added while the server runs, without a restart', async () => {
    expect((await psqlAs('bob', 'b0b pass', ['-c', 'SHOW STREAMS;'])).code).toBe(2);
    await setUser(usersFile, 'bob', 'b0b pass');
    // The file is checked at most once a second; a later mtime makes the change unmistakable.
    const later = new Date(Date.now() + 5000);
    utimesSync(usersFile, later, later);
    let r = await psqlAs('bob', 'b0b pass', ['-c', 'SHOW STREAMS;']);
    for (let i = 0; i < 30 && r.code !== 0; i++) {
      await new Promise((res) => setTimeout(res, 100));
      r = await psqlAs('bob', 'b0b pass', ['-c', 'SHOW STREAMS;']);
    }
    expect(r.code).toBe(0);
  });
});

describe('node-postgres logging in with SCRAM-SHA-256', () => {
  const client = (user: string, password: string): pg.Client =>
    new pg.Client({ host: '127.0.0.1', port: server.port, user, password, database: 'eddy', connectionTimeoutMillis: 5000 });

  it('queries with the right password (and checks the server\'s signature)', async () => {
    const c = client('alice', 'correct horse');
    await c.connect();
    try {
      await c.query(`CREATE STREAM a2 (id INT KEY, v STRING) WITH (kafka_topic='a2', value_format='JSON', partitions=1)`);
      await c.query(`INSERT INTO a2 (id, v) VALUES (1, 'x')`);
      expect((await c.query('SELECT id, v FROM a2')).rows).toEqual([{ ID: 1, V: 'x' }]); // Eddy's column names are upper case
    } finally {
      await c.end();
    }
  });

  it('is refused with 28P01 for a wrong password', async () => {
    const c = client('alice', 'nope');
    await expect(c.connect()).rejects.toMatchObject({ code: '28P01', message: 'password authentication failed for user "alice"' });
    await c.end().catch(() => undefined);
  });
});

type Msg = { name: string; [k: string]: unknown };

/** A raw connection: what pg-protocol decodes, and a wait (limited) for a message by name or for the close. */
async function raw(): Promise<{ socket: Socket; messages: Msg[]; next(name: string): Promise<Msg>; closed: Promise<unknown> }> {
  const socket = connect(server.port, '127.0.0.1');
  await once(socket, 'connect');
  const messages: Msg[] = [];
  const closed = once(socket, 'close');
  let notify = (): void => undefined;
  void parse(socket, (m) => { messages.push(m as unknown as Msg); notify(); });
  const next = async (name: string): Promise<Msg> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = messages.find((m) => m.name === name);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${name} within 5 s; got ${messages.map((m) => m.name).join(', ')}`);
      await new Promise<void>((r) => { notify = r; setTimeout(r, 100); });
    }
  };
  return { socket, messages, next, closed };
}

describe('the login on the wire', () => {
  it('offers SCRAM-SHA-256 only, and after a wrong proof sends 28P01 and closes', async () => {
    const c = await raw();
    c.socket.write(serialize.startup({ user: 'alice', database: 'eddy' }));
    expect(await c.next('authenticationSASL')).toMatchObject({ mechanisms: ['SCRAM-SHA-256'] });
    c.socket.write(serialize.sendSASLInitialResponseMessage('SCRAM-SHA-256', 'n,,n=*,r=clientnonce123'));
    const cont = await c.next('authenticationSASLContinue');
    expect(cont.data).toMatch(/^r=clientnonce123[A-Za-z0-9+/]+=*,s=[A-Za-z0-9+/]+=*,i=4096$/);
    const nonce = /^r=([^,]+)/.exec(cont.data as string)![1];
    c.socket.write(serialize.sendSCRAMClientFinalMessage(`c=biws,r=${nonce},p=${Buffer.alloc(32).toString('base64')}`));
    expect(await c.next('error')).toMatchObject({ code: '28P01', message: 'password authentication failed for user "alice"' });
    await c.closed;
    expect(c.messages.map((m) => m.name)).not.toContain('authenticationOk');
  });

  it('refuses a mechanism it did not offer with 08P01', async () => {
    const c = await raw();
    c.socket.write(serialize.startup({ user: 'alice', database: 'eddy' }));
    await c.next('authenticationSASL');
    c.socket.write(serialize.sendSASLInitialResponseMessage('SCRAM-SHA-256-PLUS', 'p=tls-server-end-point,,n=*,r=abc'));
    expect(await c.next('error')).toMatchObject({ code: '08P01', message: expect.stringContaining("SASL mechanism 'SCRAM-SHA-256-PLUS'") });
    await c.closed;
  });

  it('refuses a query sent instead of the password with 08P01', async () => {
    const c = await raw();
    c.socket.write(serialize.startup({ user: 'alice', database: 'eddy' }));
    await c.next('authenticationSASL');
    c.socket.write(serialize.query('SHOW STREAMS'));
    expect(await c.next('error')).toMatchObject({ code: '08P01' });
    await c.closed;
    expect(c.messages.map((m) => m.name)).not.toContain('readyForQuery');
  });

  it('refuses a startup message without a user name', async () => {
    const c = await raw();
    c.socket.write(serialize.startup({ database: 'eddy' }));
    expect(await c.next('error')).toMatchObject({ code: '28000', message: expect.stringContaining('no user name') });
    await c.closed;
  });

  it('drops a client that stops in the middle of the login once the startup timeout passes', async () => {
    const c = await raw();
    const started = Date.now();
    c.socket.write(serialize.startup({ user: 'alice', database: 'eddy' }));
    await c.next('authenticationSASL');
    // ... and never answers. The server's timeout is 500 ms here; the wait is limited to 5 s.
    const limit = new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5000));
    await Promise.race([c.closed, limit]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(c.messages.find((m) => m.name === 'error')).toMatchObject({ code: '57014', message: 'canceling authentication due to timeout' });
  });

  it('drops a client that connects and sends nothing at all', async () => {
    const c = await raw();
    const limit = new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5000));
    await Promise.race([c.closed, limit]);
  });
});

describe('the users file', () => {
  it('holds both a scrypt hash and a SCRAM-SHA-256 verifier per user added, and still reads old lines', async () => {
    const file = join(dir, 'format.txt');
    writeFileSync(file, `old:${await hashPassword('x')}\n`);
    await setUser(file, 'new', 'pw');
    const f = await UsersFile.load(file);
    expect(await f.lookup('old')).toEqual({ hash: expect.stringMatching(/^scrypt\$/) });
    expect(await f.lookup('new')).toEqual({ hash: expect.stringMatching(/^scrypt\$/), scram: expect.stringMatching(/^SCRAM-SHA-256\$4096:/) });
    expect(await f.lookup('nobody')).toBeUndefined();
  });

  it('refuses a line whose verifier is broken, naming the file and line', async () => {
    const file = join(dir, 'broken.txt');
    writeFileSync(file, `# users\nu:${await hashPassword('x')}:SCRAM-SHA-256$4096:bad\n`);
    await expect(UsersFile.load(file)).rejects.toThrow(/broken\.txt:2: expected NAME:scrypt\$N\$r\$p\$SALT\$HASH:SCRAM-SHA-256\$/);
  });
});
