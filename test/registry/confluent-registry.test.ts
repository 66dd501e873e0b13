// What the Confluent client does when the registry is away, slow, or wants credentials: a
// SchemaRegistryError naming the registry within the time limit, and basic auth sent as
// configured. Small local servers stand in for the broken registries (a real one does not
// hang on purpose); the wrong-path case uses the real registry.
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfluentRegistry } from '../../src/format/registry/confluent-registry.js';
import { SchemaRegistryError } from '../../src/format/registry/schema-registry.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from './registry-fixture.js';

const STRING_SCHEMA = { schemaType: 'AVRO' as const, schema: '"string"' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function listen<S extends HttpServer | TcpServer>(server: S): Promise<number> {
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  cleanups.push(() => new Promise((res) => server.close(() => res())));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createTcpServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

/** How a call failed, and after how long. */
async function failure(p: Promise<unknown>): Promise<{ error: SchemaRegistryError; ms: number }> {
  const t0 = Date.now();
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SchemaRegistryError);
  return { error: error as SchemaRegistryError, ms: Date.now() - t0 };
}

describe('a registry that is not there', () => {
  it('is a clear error naming its URL, at once', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const registry = new ConfluentRegistry({ urls: [url], timeoutMs: 5000 });
    const { error, ms } = await failure(registry.latest('orders-value'));
    expect(error.message).toContain(`Schema registry at ${url} is not reachable (ECONNREFUSED)`);
    expect(error.message).toContain('orders-value');
    expect(ms).toBeLessThan(3000); // a few quick retries, not the whole limit
  });

  it('that accepts connections but never answers fails within the time limit', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((s) => sockets.push(s));
    const port = await listen(silent);
    cleanups.unshift(async () => { for (const s of sockets) s.destroy(); });
    const registry = new ConfluentRegistry({ urls: [`http://127.0.0.1:${port}`], timeoutMs: 800 });
    const { error, ms } = await failure(registry.register('orders-value', STRING_SCHEMA));
    expect(error.message).toBe(`Schema registry at http://127.0.0.1:${port} did not answer within 800 ms (registering a schema under subject "orders-value")`);
    expect(ms).toBeGreaterThanOrEqual(750);
    expect(ms).toBeLessThan(2000);
  });
});

describe('basic auth', () => {
  /** A registry that records each request's Authorization header and registers anything as id 7. */
  async function recordingRegistry(): Promise<{ port: number; auth: (string | undefined)[] }> {
    const auth: (string | undefined)[] = [];
    const server = createHttpServer((req: IncomingMessage, res) => {
      auth.push(req.headers.authorization);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        res.end(JSON.stringify({ id: 7 }));
      });
    });
    return { port: await listen(server), auth };
  }
  const basic = (userInfo: string): string => `Basic ${Buffer.from(userInfo).toString('base64')}`;

  it('sends USER_INFO credentials with each request', async () => {
    const { port, auth } = await recordingRegistry();
    const registry = new ConfluentRegistry({ urls: [`http://127.0.0.1:${port}`], basicAuth: { source: 'USER_INFO', userInfo: 'eddy:s3cret:with-colon' } });
    expect(await registry.register('orders-value', STRING_SCHEMA)).toBe(7);
    expect(auth).toEqual([basic('eddy:s3cret:with-colon')]);
  });

  it('takes URL credentials from the URL, and never shows the password', async () => {
    const { port, auth } = await recordingRegistry();
    const url = `http://eddy:s3cret@127.0.0.1:${port}`;
    const registry = new ConfluentRegistry({ urls: [url], basicAuth: { source: 'URL', userInfo: url } });
    expect(registry.describe).toBe(`http://127.0.0.1:${port}`);
    expect(await registry.register('orders-value', STRING_SCHEMA)).toBe(7);
    expect(auth).toEqual([basic('eddy:s3cret')]);

    // Nor does an error, printed whole as a log would print it.
    const down = `http://eddy:s3cret@127.0.0.1:${await closedPort()}`;
    const { error } = await failure(new ConfluentRegistry({ urls: [down], basicAuth: { source: 'URL', userInfo: down } }).byId(1));
    const printed = inspect(error, { depth: 20 });
    expect(printed).toContain('is not reachable');
    expect(printed).not.toContain('s3cret');
    expect(printed).not.toContain(basic('eddy:s3cret').slice('Basic '.length));
  });

  it('names the credentials when the registry refuses them', async () => {
    const server = createHttpServer((req, res) => { req.resume(); res.writeHead(401); res.end(); });
    const port = await listen(server);
    const registry = new ConfluentRegistry({ urls: [`http://127.0.0.1:${port}`], basicAuth: { source: 'USER_INFO', userInfo: 'eddy:wrong' } });
    const { error } = await failure(registry.latest('orders-value'));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/answered HTTP 401 .*basic\.auth\.user\.info/);
  });
});

describe.runIf(registryEnabled)('a real registry at the wrong path', () => {
  it('says the URL may not be the API base, instead of "no schema"', async () => {
    const api = await registryUrl();
    // Only the run's own Apicurio has a known wrong path (its root).
    if (!api.endsWith('/apis/ccompat/v7')) return;
    const root = api.slice(0, -'/apis/ccompat/v7'.length);
    const { error } = await failure(new ConfluentRegistry({ urls: [root] }).latest('orders-value'));
    expect(error.status).toBe(404);
    expect(error.message).toContain('Confluent-compatible API');
  }, REGISTRY_START_MS);
});
