// TLS on the Postgres endpoint: SSLRequest gets 'S' and the connection goes on over TLS with the
// certificate REST uses (a self-signed one made with openssl here). psql with sslmode=require and
// verify-full, node-postgres with its CA, a plain connection (sslmode=disable) beside them, and a
// server without TLS that still answers 'N'.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Engine } from '../../src/engine/engine.js';
import { startPgServer, type PgServer } from '../../server/pgwire/pg-server.js';
import { UsersFile, setUser } from '../../server/rest/auth-users-file.js';
import { makeSelfSignedCert } from '../rest/self-signed.js';

const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-tls-'));
let certFile: string;
let engine: Engine;
let tlsServer: PgServer;
let plainServer: PgServer;

beforeAll(async () => {
  const files = await makeSelfSignedCert(dir);
  certFile = files.certFile;
  const usersFile = join(dir, 'users.txt');
  await setUser(usersFile, 'alice', 'correct horse');
  engine = await Engine.create();
  tlsServer = await startPgServer(engine, {
    port: 0, tls: { cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) }, users: await UsersFile.load(usersFile),
  });
  plainServer = await startPgServer(engine, { port: 0 });
});
afterAll(async () => {
  await tlsServer?.close();
  await plainServer?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** psql with a connection string (sslmode and the rest), as alice with her password; -w: never prompt. */
function psql(port: number, conninfo: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('psql', [`host=127.0.0.1 port=${port} user=alice dbname=eddy ${conninfo}`, '-X', '-A', '-t', '-w', ...args],
      { timeout: 20_000, env: { ...process.env, PGPASSWORD: 'correct horse', PGCONNECT_TIMEOUT: '5' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

describe('psql over TLS', () => {
  it('connects with sslmode=require, logs in and runs a statement over TLS', async () => {
    const r = await psql(tlsServer.port, 'sslmode=require', ['-c', '\\conninfo', '-c', 'SHOW STREAMS;']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SSL connection \(protocol: TLSv1\.[23]/);
  });

  it('verifies the server\'s certificate with sslmode=verify-full and the certificate as root', async () => {
    const r = await psql(tlsServer.port, `sslmode=verify-full sslrootcert=${certFile}`, ['-c', '\\conninfo']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('SSL connection');
  });

  it('refuses the certificate with verify-full and another certificate as root', async () => {
    const other = mkdtempSync(join(dir, 'other-'));
    const r = await psql(tlsServer.port, `sslmode=verify-full sslrootcert=${(await makeSelfSignedCert(other)).certFile}`, ['-c', '\\conninfo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/certificate verify failed/);
  });

  it('still connects in plain text with sslmode=disable', async () => {
    const r = await psql(tlsServer.port, 'sslmode=disable', ['-c', '\\conninfo', '-c', 'SHOW STREAMS;']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('You are connected');
    expect(r.stdout).not.toContain('SSL connection');
  });

  it('fails sslmode=require against a server without TLS, which answers N', async () => {
    const r = await psql(plainServer.port, 'sslmode=require', ['-c', '\\conninfo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('server does not support SSL, but SSL was required');
  });
});

describe('node-postgres over TLS', () => {
  it('logs in (SCRAM-SHA-256 over TLS) and queries, trusting the certificate', async () => {
    const c = new pg.Client({
      host: '127.0.0.1', port: tlsServer.port, user: 'alice', password: 'correct horse', database: 'eddy',
      ssl: { ca: readFileSync(certFile), servername: 'localhost' }, connectionTimeoutMillis: 5000,
    });
    await c.connect();
    try {
      await c.query(`CREATE STREAM t1 (id INT KEY) WITH (kafka_topic='t1', value_format='JSON', partitions=1)`);
      await c.query('INSERT INTO t1 (id) VALUES (4)');
      expect((await c.query('SELECT id FROM t1')).rows).toEqual([{ ID: 4 }]);
    } finally {
      await c.end();
    }
  });

  it('refuses a server whose certificate it does not trust', async () => {
    const c = new pg.Client({ host: '127.0.0.1', port: tlsServer.port, user: 'alice', password: 'correct horse', ssl: { rejectUnauthorized: true }, connectionTimeoutMillis: 5000 });
    await expect(c.connect()).rejects.toThrow(/self-signed certificate/);
    await c.end().catch(() => undefined);
  });
});

describe('the TLS negotiation on the wire', () => {
  const request = (code: number): Buffer => { const b = Buffer.alloc(8); b.writeInt32BE(8, 0); b.writeInt32BE(code, 4); return b; };

  it('answers GSSENCRequest with N even with TLS configured, then SSLRequest with S', async () => {
    const socket = connect(tlsServer.port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(request(80877104));
    expect(((await once(socket, 'data')) as [Buffer])[0].toString()).toBe('N');
    socket.write(request(80877103));
    expect(((await once(socket, 'data')) as [Buffer])[0].toString()).toBe('S');
    socket.destroy();
  });

  it('closes a connection whose TLS handshake is garbage, and goes on serving others', async () => {
    const socket = connect(tlsServer.port, '127.0.0.1');
    await once(socket, 'connect');
    const closed = once(socket, 'close');
    socket.write(request(80877103));
    await once(socket, 'data');
    socket.write(Buffer.from('this is not a TLS ClientHello, not even close\r\n'.repeat(4)));
    await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5000))]);
    const r = await psql(tlsServer.port, 'sslmode=require', ['-c', 'SHOW STREAMS;']);
    expect(r.code).toBe(0);
  });
});
