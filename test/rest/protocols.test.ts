// One port serves HTTP/1.1 and cleartext HTTP/2 with prior knowledge (h2c).
import http2 from 'node:http2';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFixture, type Fixture } from './rest-fixture.js';

const run = promisify(execFile);
let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.close(); });

test('curl over HTTP/1.1 and over h2c prior knowledge get the same answer on one port', async () => {
  const one = await run('curl', ['-sS', '-w', '\\n%{http_version}', '--http1.1', `${f.url}/info`]);
  const two = await run('curl', ['-sS', '-w', '\\n%{http_version}', '--http2-prior-knowledge', `${f.url}/info`]);
  const [body1, v1] = one.stdout.split('\n');
  const [body2, v2] = two.stdout.split('\n');
  expect([v1, v2]).toEqual(['1.1', '2']);
  expect(JSON.parse(body2)).toEqual(JSON.parse(body1));
});

test('Node\'s HTTP/2 client runs several requests, with bodies, over one h2c session', async () => {
  const session = http2.connect(f.url);
  try {
    const post = (path: string, body: string): Promise<{ status: number; text: string }> => new Promise((resolve, reject) => {
      const req = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/json' });
      let status = 0;
      let text = '';
      req.on('response', (h) => { status = Number(h[':status']); });
      req.on('data', (d: Buffer) => { text += d.toString(); });
      req.on('end', () => resolve({ status, text }));
      req.on('error', reject);
      req.end(body);
    });
    const created = await post('/ksql', JSON.stringify({ ksql: "CREATE STREAM h2 (x INT) WITH (kafka_topic='h2', partitions=1, value_format='JSON');" }));
    expect(created.status).toBe(200);
    expect(JSON.parse(created.text)[0].commandId).toBe('stream/H2/create');
    const big = await post('/ksql', JSON.stringify({ ksql: `SHOW STREAMS; -- ${'x'.repeat(200000)}` }));
    expect(big.status).toBe(200);
    expect(JSON.parse(big.text)[0].streams.map((s: { name: string }) => s.name)).toEqual(['H2']);
  } finally {
    session.close();
  }
});
