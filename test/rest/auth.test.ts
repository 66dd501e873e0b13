// HTTP Basic authentication against a users file (`eddy server --users FILE`, written by
// `eddy users add NAME`): 401 with WWW-Authenticate and ksqlDB's error entity without valid
// credentials, on every endpoint but /healthcheck.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import KsqldbClient from 'ksqldb-client';
import { Engine } from '../../src/engine/engine.js';
import { startRestServer, type RestServer } from '../../server/rest/rest-server.js';
import { usersCommand } from '../../server/cli/users-command.js';
import { parseArgs } from '../../server/cli/args.js';
import { eventually } from './rest-fixture.js';
import { makeSelfSignedCert } from './self-signed.js';
import { spawnEddy, isBuilt, BIN, ROOT } from '../cli/cli-helpers.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'eddy-auth-test-'));
const usersFile = join(dir, 'users.txt');
let engine: Engine;
let server: RestServer;

/** `eddy users add NAME --users FILE` with the password piped on stdin, in-process. */
async function addUser(name: string, password: string, file = usersFile): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await usersCommand(parseArgs(['add', name, '--users', file], new Set(['help'])), { stdout: () => undefined, stderr: (s) => stderr.push(s) },
    { stream: Readable.from([`${password}\n`]), prompt: () => undefined });
  return { code, stderr };
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function get(path: string, authorization?: string): Promise<{ status: number; wwwAuthenticate: string | null; body: any }> {
  const r = await fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} });
  const text = await r.text();
  return { status: r.status, wwwAuthenticate: r.headers.get('www-authenticate'), body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  expect((await addUser('alice', 'correct horse')).code).toBe(0);
  expect((await addUser('bob', 'correct horse')).code).toBe(0);
  engine = await Engine.create({});
  server = await startRestServer(engine, { port: 0, usersFile });
});
afterAll(async () => {
  await server?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP Basic authentication', () => {
  test('a request without an Authorization header gets 401 with WWW-Authenticate and ksqlDB\'s error entity', async () => {
    const r = await get('/info');
    expect(r.status).toBe(401);
    expect(r.wwwAuthenticate).toBe('Basic realm="eddy"');
    expect(r.body).toEqual({ '@type': 'generic_error', error_code: 40100, message: 'Unauthorized' });
  });

  test('the web console needs the same credentials', async () => {
    const status = async (path: string, authorization?: string): Promise<number> =>
      (await fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} })).status;
    for (const path of ['/', '/console/main.js']) {
      expect(await status(path)).toBe(401);
      expect(await status(path, basic('alice', 'correct horse'))).not.toBe(401);
    }
  });

  test('a wrong password gets 401', async () => {
    const r = await get('/info', basic('alice', 'wrong'));
    expect(r.status).toBe(401);
    expect(r.wwwAuthenticate).toBe('Basic realm="eddy"');
  });

  test('an unknown user gets 401', async () => {
    expect((await get('/info', basic('mallory', 'correct horse'))).status).toBe(401);
  });

  test('a malformed Authorization header gets 401', async () => {
    expect((await get('/info', 'Basic !!!')).status).toBe(401);
    expect((await get('/info', `Bearer ${Buffer.from('alice:correct horse').toString('base64')}`)).status).toBe(401);
  });

  test('the right password gets 200, twice (the second from the verified cache)', async () => {
    const one = await get('/info', basic('alice', 'correct horse'));
    expect(one.status).toBe(200);
    expect(one.body.KsqlServerInfo).toBeDefined();
    expect((await get('/info', basic('alice', 'correct horse'))).status).toBe(200);
    expect((await get('/info', basic('bob', 'correct horse'))).status).toBe(200);
  });

  test('GET /healthcheck stays open without credentials', async () => {
    const r = await get('/healthcheck');
    expect(r.status).toBe(200);
    expect(r.body.isHealthy).toBe(true);
  });

  test('a statement without credentials is refused and changes nothing; with them it runs', async () => {
    const body = JSON.stringify({ ksql: "CREATE STREAM auth_s (x INT) WITH (kafka_topic='auth_s', partitions=1, value_format='JSON');" });
    const refused = await fetch(`${server.url}/ksql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(refused.status).toBe(401);
    const shown = await fetch(`${server.url}/ksql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic('alice', 'correct horse') }, body: JSON.stringify({ ksql: 'SHOW STREAMS;' }) });
    expect((await shown.json() as any)[0].streams.map((x: { name: string }) => x.name)).not.toContain('AUTH_S');
    const ok = await fetch(`${server.url}/ksql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic('alice', 'correct horse') }, body });
    expect(ok.status).toBe(200);
  });

  test('curl -u over HTTP/1.1 and h2c: right password 200, wrong 401, none 401', async () => {
    for (const proto of ['--http1.1', '--http2-prior-knowledge']) {
      const status = async (...extra: string[]): Promise<string> =>
        (await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', proto, ...extra, `${server.url}/info`])).stdout;
      expect(await status('-u', 'alice:correct horse')).toBe('200');
      expect(await status('-u', 'alice:nope')).toBe('401');
      expect(await status()).toBe('401');
    }
  });

  test('a push query over /query-stream needs credentials too', async () => {
    const r = await fetch(`${server.url}/query-stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql: 'SELECT * FROM auth_s EMIT CHANGES;' }) });
    expect(r.status).toBe(401);
    await r.text();
  });

  test('ksqldb-client 1.0.5 never sends its authorization username/password, so the server answers it 401', async () => {
    // The client reads `this.authorization`, which it never sets (its options hold the
    // credentials), and would append a space to the password: it cannot log in to any server.
    const { port } = new URL(server.url);
    const client = new KsqldbClient({ host: 'http://127.0.0.1', port: Number(port), authorization: { username: 'alice', password: 'correct horse' } });
    await client.connect();
    try {
      const r = await client.executeStatement('SHOW STREAMS;');
      expect(r.status).toBe(401);
      expect(r.error).toMatchObject({ error_code: 40100 });
    } finally {
      await client.disconnect();
    }
  });
});

describe('the users file and eddy users add', () => {
  test('the file holds salted scrypt hashes, never the password', () => {
    const text = readFileSync(usersFile, 'utf8');
    expect(text).not.toContain('correct horse');
    const hashes = text.split('\n').filter((l) => /^(alice|bob):/.test(l)).map((l) => l.slice(l.indexOf(':') + 1));
    expect(hashes).toHaveLength(2);
    for (const h of hashes) expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(hashes[0]).not.toBe(hashes[1]); // same password, different salts
  });

  test('adding a user again changes its password; the running server picks the change up', async () => {
    const r = await addUser('bob', 'new secret');
    expect(r).toEqual({ code: 0, stderr: [`Changed the password of bob in ${usersFile}.`] });
    await eventually(async () => (await get('/info', basic('bob', 'new secret'))).status === 200);
    expect((await get('/info', basic('bob', 'correct horse'))).status).toBe(401);
  });

  test('a name with a colon or an empty password is refused and the file is unchanged', async () => {
    const before = readFileSync(usersFile, 'utf8');
    const colon = await addUser('a:b', 'pw');
    expect(colon.code).toBe(1);
    expect(colon.stderr.join('\n')).toMatch(/user name must be non-empty, without ':'/);
    const empty = await addUser('carol', '');
    expect(empty.code).toBe(1);
    expect(empty.stderr.join('\n')).toMatch(/password is empty/);
    expect(readFileSync(usersFile, 'utf8')).toBe(before);
  });

  test('a server given a missing users file does not start, and says which file', async () => {
    await expect(startRestServer(engine, { port: 0, usersFile: join(dir, 'nope.txt') })).rejects.toThrow(/cannot read the users file .*nope\.txt/);
  });

  test('a server given a malformed users file does not start, and names the line', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '# users\nalice:plaintext-password\n');
    await expect(startRestServer(engine, { port: 0, usersFile: bad })).rejects.toThrow(/bad\.txt:2: expected NAME:scrypt/);
  });
});

describe('eddy users add and eddy server --users --tls-cert --tls-key (the built CLI)', () => {
  test('a password piped to `eddy users add` logs in over HTTPS; no or wrong credentials get 401', async () => {
    if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
    const file = join(dir, 'cli-users.txt');
    const added = await spawnEddy(['users', 'add', 'dana', '--users', file], 's3cret pass\n');
    expect(added).toMatchObject({ code: 0, stderr: `Added user dana in ${file}.\n` });
    const { certFile, keyFile } = await makeSelfSignedCert(dir);
    const child = spawn(process.execPath, [BIN, 'server', '--http-port', '0', '--pg-port', '0', '--users', file, '--tls-cert', certFile, '--tls-key', keyFile], { cwd: ROOT });
    try {
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      await eventually(() => /REST API at https:\/\//.test(stderr), 15000);
      const url = /REST API at (https:\/\/\S+)/.exec(stderr)![1];
      const status = async (...extra: string[]): Promise<string> =>
        (await run('curl', ['-sS', '--cacert', certFile, '-o', '/dev/null', '-w', '%{http_code}', ...extra, `${url}/info`])).stdout;
      expect(await status('-u', 'dana:s3cret pass')).toBe('200');
      expect(await status('--http2', '-u', 'dana:s3cret pass')).toBe('200');
      expect(await status('-u', 'dana:wrong')).toBe('401');
      expect(await status()).toBe('401');
    } finally {
      const exited = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('eddy server with only --tls-cert refuses to start and says both files are needed', async () => {
    if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
    const r = await spawnEddy(['server', '--http-port', '0', '--pg-port', '0', '--tls-cert', join(dir, 'cert.pem')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--tls-cert and --tls-key go together/);
  });

  test('eddy server with a file that is not a PEM certificate refuses to start and names the files', async () => {
    if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate\n');
    const r = await spawnEddy(['server', '--http-port', '0', '--pg-port', '0', '--tls-cert', junk, '--tls-key', junk]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--tls-cert ${junk} --tls-key ${junk}: not a PEM certificate and its private key`);
  });
});
