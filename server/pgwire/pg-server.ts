// The Postgres wire endpoint of `eddy server`: psql and Postgres drivers run Eddy SQL on the
// shared engine. Protocol 3.0, trust authentication, the simple query protocol.
import { createServer, type Server } from 'node:net';
import { randomInt } from 'node:crypto';
import type { Engine } from '../../src/engine/engine.js';
import { PgConnection } from './pg-connection.js';

export interface PgServer { port: number; close(): Promise<void> }

export async function startPgServer(engine: Engine, o: { host?: string; port: number }): Promise<PgServer> {
  const connections = new Set<PgConnection>();
  let nextPid = 1;
  const server: Server = createServer((socket) => {
    const c = new PgConnection(socket, engine, nextPid++, randomInt(0x7fffffff));
    connections.add(c);
    socket.on('close', () => connections.delete(c));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : o.port,
    close: () => new Promise<void>((resolve) => {
      for (const c of connections) c.close();
      server.close(() => resolve());
    }),
  };
}
