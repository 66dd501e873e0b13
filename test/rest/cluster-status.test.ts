// /clusterStatus lists the instances of a service (the console's Server page shows them): each
// server's heartbeats on the service's log, alive while they keep coming; an instance that
// stops leaves the list at once (its tombstone). An embedded server lists itself.
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { startRestServer, type RestServer } from '../../server/rest/rest-server.js';

interface Host { hostAlive: boolean; eddy: { instanceId: string; url: string; self: boolean } }
const status = async (s: RestServer): Promise<Record<string, Host>> =>
  ((await (await fetch(`${s.url}/clusterStatus`)).json()) as { clusterStatus: Record<string, Host> }).clusterStatus;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const o of open.splice(0).reverse()) await o.close(); });

async function instance(log: MemoryLog, durable = true): Promise<{ engine: Engine; server: RestServer }> {
  const engine = await Engine.create({ log, durable, serviceId: 'svc' });
  const server = await startRestServer(engine, { port: 0 });
  open.push(engine, server);
  return { engine, server };
}

describe('/clusterStatus', () => {
  it('lists every instance of a durable service, and drops one that stops', async () => {
    const log = new MemoryLog();
    const a = await instance(log);
    const b = await instance(log);
    const fromA = await status(a.server);
    expect(Object.keys(fromA).sort()).toEqual([a.server.url, b.server.url].map((u) => u.replace('http://', '')).sort());
    expect(Object.values(fromA).every((h) => h.hostAlive)).toBe(true);
    expect(fromA[a.server.url.replace('http://', '')].eddy).toMatchObject({ instanceId: a.engine.state.instanceId, self: true });
    expect(fromA[b.server.url.replace('http://', '')].eddy).toMatchObject({ instanceId: b.engine.state.instanceId, url: b.server.url, self: false });
    await b.server.close();
    expect(Object.keys(await status(a.server))).toEqual([a.server.url.replace('http://', '')]);
  });

  it('an embedded server lists itself', async () => {
    const { server } = await instance(new MemoryLog(), false);
    const hosts = await status(server);
    expect(Object.keys(hosts)).toEqual([server.url.replace('http://', '')]);
    expect(Object.values(hosts)[0]).toMatchObject({ hostAlive: true, eddy: { self: true } });
  });
});
