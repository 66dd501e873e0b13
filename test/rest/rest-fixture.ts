// A REST server on a free port over an embedded engine, and small HTTP/1.1 helpers (fetch).
import { Engine } from '../../src/engine/engine.js';
import { startRestServer, type RestServer } from '../../server/rest/rest-server.js';

export interface Fixture { engine: Engine; server: RestServer; url: string; close(): Promise<void> }

export async function startFixture(properties: Record<string, string> = {}): Promise<Fixture> {
  const engine = await Engine.create({ properties });
  const server = await startRestServer(engine, { port: 0 });
  return {
    engine, server, url: server.url,
    close: async () => { await server.close(); await engine.close(); },
  };
}

/** POST a JSON body; the status and the parsed JSON answer. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; contentType: string | null }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : JSON.parse(text), contentType: r.headers.get('content-type') };
}

/** Runs statements through /ksql and fails the test on an error answer. */
export async function ksql(url: string, statements: string, streamsProperties: Record<string, string> = {}): Promise<any[]> {
  const r = await postJson(`${url}/ksql`, { ksql: statements, streamsProperties });
  if (r.status !== 200) throw new Error(`/ksql answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Resolves when `cond` holds, checking every 20 ms, or rejects after `ms`. */
export async function eventually(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
