// The REST API over TLS: a self-signed certificate made here with the openssl CLI; curl, Node's
// https and http2 clients and ksqldb-client trust it through its CA file.
import http2 from 'node:http2';
import https from 'node:https';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import KsqldbClient, { type ClientOptionsAuthorizationSsl } from 'ksqldb-client';
import { Engine } from '../../src/engine/engine.js';
import { startRestServer, type RestServer } from '../../server/rest/rest-server.js';
import { makeSelfSignedCert } from './self-signed.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'eddy-tls-test-'));
const certFile = join(dir, 'cert.pem');
let engine: Engine;
let server: RestServer;
let ca: Buffer;

beforeAll(async () => {
  await makeSelfSignedCert(dir);
  ca = readFileSync(certFile);
  engine = await Engine.create({});
  server = await startRestServer(engine, { port: 0, tls: { cert: ca, key: readFileSync(join(dir, 'key.pem')) } });
});
afterAll(async () => {
  await server?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the server\'s URL is https', () => {
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
});

test('curl trusting the certificate gets the same answer over HTTP/1.1 and over HTTP/2 (ALPN) on one port', async () => {
  const get = (v: string) => run('curl', ['-sS', '--cacert', certFile, '-w', '\\n%{http_version}', v, `${server.url}/info`]);
  const [body1, v1] = (await get('--http1.1')).stdout.split('\n');
  const [body2, v2] = (await get('--http2')).stdout.split('\n');
  expect([v1, v2]).toEqual(['1.1', '2']);
  expect(JSON.parse(body1).KsqlServerInfo).toBeDefined();
  expect(JSON.parse(body2)).toEqual(JSON.parse(body1));
});

test('curl without the CA refuses the self-signed certificate', async () => {
  await expect(run('curl', ['-sS', `${server.url}/info`])).rejects.toThrow(/certificate/i);
});

test('a statement over HTTPS/1.1 (Node https with the CA) creates a stream that HTTP/2 over TLS then lists', async () => {
  const created = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = https.request(`${server.url}/ksql`, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ ksql: "CREATE STREAM tls_s (x INT) WITH (kafka_topic='tls_s', partitions=1, value_format='JSON');" }));
  });
  expect(created.status).toBe(200);
  expect(JSON.parse(created.body)[0].commandId).toBe('stream/TLS_S/create');

  const session = http2.connect(server.url, { ca });
  try {
    const listed = await new Promise<{ status: number; body: string; alpn: string | false | undefined }>((resolve, reject) => {
      const req = session.request({ ':method': 'POST', ':path': '/ksql', 'content-type': 'application/json' });
      let status = 0;
      let body = '';
      req.on('response', (h) => { status = Number(h[':status']); });
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => resolve({ status, body, alpn: session.alpnProtocol }));
      req.on('error', reject);
      req.end(JSON.stringify({ ksql: 'SHOW STREAMS;' }));
    });
    expect(listed.alpn).toBe('h2');
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)[0].streams.map((s: { name: string }) => s.name)).toContain('TLS_S');
  } finally {
    session.close();
  }
});

test('a push query over HTTPS/1.1 streams its rows to curl (chunked)', async () => {
  await insertTwoRows();
  const curl = run('curl', ['-sS', '-N', '--http1.1', '--cacert', certFile, '-X', 'POST', '-H', 'content-type: application/json',
    '--data', JSON.stringify({ sql: "SELECT x FROM tls_s EMIT CHANGES LIMIT 2;", properties: { 'auto.offset.reset': 'earliest' } }),
    `${server.url}/query-stream`]);
  const lines = (await curl).stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[0].columnNames).toEqual(['X']);
  expect(lines.slice(1)).toEqual([[1], [2]]);
});

test('ksqldb-client connects over TLS with the CA (authorization.ssl) and runs statements', async () => {
  const { port } = new URL(server.url);
  const client = new KsqldbClient({ host: 'https://127.0.0.1', port: Number(port), authorization: { ssl: { ca: ca.toString() } as ClientOptionsAuthorizationSsl } });
  await client.connect();
  try {
    const r = await client.executeStatement("CREATE STREAM tls_client (x INT) WITH (kafka_topic='tls_client', partitions=1, value_format='JSON');");
    expect(r.status).toBe(200);
    expect(await client.listStreams()).toContainEqual(expect.objectContaining({ name: 'TLS_CLIENT' }));
  } finally {
    await client.disconnect();
  }
});

test('a cleartext request to the TLS port fails and the server keeps serving', async () => {
  const plain = server.url.replace('https:', 'http:');
  await expect(run('curl', ['-sS', '--max-time', '5', `${plain}/info`])).rejects.toThrow();
  const again = await run('curl', ['-sS', '--cacert', certFile, `${server.url}/healthcheck`]);
  expect(JSON.parse(again.stdout).isHealthy).toBe(true);
});

/** Two rows into tls_s through /inserts-stream over HTTPS/1.1. */
async function insertTwoRows(): Promise<void> {
  const r = await run('curl', ['-sS', '--http1.1', '--cacert', certFile, '-X', 'POST', '-H', 'content-type: application/json',
    '--data-binary', '{"target":"tls_s"}\n{"x":1}\n{"x":2}\n', `${server.url}/inserts-stream`]);
  expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).status)).toEqual(['ok', 'ok']);
}
