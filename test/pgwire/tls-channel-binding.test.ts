// SCRAM-SHA-256-PLUS over TLS: the login is bound to the server's certificate (tls-server-end-point),
// so a client that requires channel binding (psql channel_binding=require) knows no one in the
// middle terminated its TLS. The certificate's hash follows its signature algorithm; a certificate
// whose algorithm names no hash (Ed25519) gets plain SCRAM-SHA-256, as from Postgres.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Engine } from '../../src/engine/engine.js';
import { startPgServer, type PgServer } from '../../server/pgwire/pg-server.js';
import { UsersFile, setUser } from '../../server/rest/auth-users-file.js';
import { tlsServerEndPoint } from '../../server/pgwire/scram-channel-binding.js';

const KINDS = {
  'ECDSA P-256 with SHA-256': ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
  'RSA with SHA-384': ['-newkey', 'rsa:2048', '-sha384'],
  'Ed25519': ['-newkey', 'ed25519'],
} as const;
type Kind = keyof typeof KINDS;

const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-cbind-'));
let engine: Engine;
const servers = new Map<Kind, { server: PgServer; cert: Buffer }>();

beforeAll(async () => {
  const usersFile = join(dir, 'users.txt');
  await setUser(usersFile, 'alice', 'correct horse');
  const users = await UsersFile.load(usersFile);
  engine = await Engine.create();
  for (const [kind, keyArgs] of Object.entries(KINDS) as [Kind, readonly string[]][]) {
    const certFile = join(dir, `${servers.size}-cert.pem`);
    const keyFile = join(dir, `${servers.size}-key.pem`);
    await promisify(execFile)('openssl', ['req', '-x509', ...keyArgs, '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
    const cert = readFileSync(certFile);
    servers.set(kind, { cert, server: await startPgServer(engine, { port: 0, tls: { cert, key: readFileSync(keyFile) }, users }) });
  }
}, 60_000);
afterAll(async () => {
  for (const { server } of servers.values()) await server.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

function psql(kind: Kind, conninfo: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('psql', [`host=127.0.0.1 port=${servers.get(kind)!.server.port} user=alice dbname=eddy ${conninfo}`, '-X', '-A', '-t', '-w', '-c', 'SHOW STREAMS;'],
      { timeout: 20_000, env: { ...process.env, PGPASSWORD: 'correct horse', PGCONNECT_TIMEOUT: '5' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

/** node-postgres over TLS; with enableChannelBinding it uses SCRAM-SHA-256-PLUS when offered, else says y (it could bind). */
async function pgLogin(kind: Kind, enableChannelBinding: boolean): Promise<void> {
  const { server, cert } = servers.get(kind)!;
  const c = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'alice', password: 'correct horse', database: 'eddy',
    ssl: { ca: cert, servername: 'localhost' }, enableChannelBinding, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    expect((await c.query('SHOW STREAMS')).command).toBeDefined();
  } finally {
    await c.end();
  }
}

describe('the certificate hash (tls-server-end-point)', () => {
  it('is SHA-256 of the certificate for ECDSA with SHA-256, SHA-384 for RSA with SHA-384, and none for Ed25519', () => {
    const der = (kind: Kind): Buffer => new X509Certificate(servers.get(kind)!.cert).raw;
    expect(tlsServerEndPoint(servers.get('ECDSA P-256 with SHA-256')!.cert)).toEqual(createHash('sha256').update(der('ECDSA P-256 with SHA-256')).digest());
    expect(tlsServerEndPoint(servers.get('RSA with SHA-384')!.cert)).toEqual(createHash('sha384').update(der('RSA with SHA-384')).digest());
    expect(tlsServerEndPoint(servers.get('Ed25519')!.cert)).toBeUndefined();
  });
});

describe.each(['ECDSA P-256 with SHA-256', 'RSA with SHA-384'] as Kind[])('a server with an %s certificate', (kind) => {
  it('logs psql in with channel_binding=require', async () => {
    const r = await psql(kind, 'sslmode=require channel_binding=require');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('logs node-postgres in with SCRAM-SHA-256-PLUS (it hashes the certificate itself), and without binding', async () => {
    await pgLogin(kind, true);
    await pgLogin(kind, false);
  });

  it('still lets psql in without channel binding, in plain text', async () => {
    expect((await psql(kind, 'sslmode=disable')).code).toBe(0);
  });
});

describe('a server with an Ed25519 certificate', () => {
  it('offers no channel binding: psql requiring it refuses to go on, psql preferring it logs in', async () => {
    const required = await psql('Ed25519', 'sslmode=require channel_binding=require');
    expect(required.code).toBe(2);
    expect(required.stderr).toContain('channel binding is required, but server did not offer an authentication method that supports channel binding');
    expect((await psql('Ed25519', 'sslmode=require')).code).toBe(0);
  });

  it('logs node-postgres in with SCRAM-SHA-256 when it could bind but was not offered -PLUS (gs2 flag y)', async () => {
    await pgLogin('Ed25519', true);
  });
});
