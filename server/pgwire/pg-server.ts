// The Postgres wire endpoint of `eddy server`: psql and Postgres drivers run Eddy SQL on the
// shared engine. Protocol 3.0; trust, or SCRAM-SHA-256 logins against the users file; TLS on
// SSLRequest when given a certificate.
import { createServer, type Server } from 'node:net';
import { randomInt } from 'node:crypto';
import type { SecureContext } from 'node:tls';
import type { Engine } from '../../src/engine/engine.js';
import type { TlsFiles } from '../rest/tls-server.js';
import { PgConnection } from './pg-connection.js';
import type { PgUserDirectory, StartupSecurity } from './pg-startup.js';
import { pgTls } from './pg-tls.js';

export interface PgServer { port: number; close(): Promise<void> }

export interface PgServerOptions {
  /** Default 127.0.0.1: without `users`, every client that reaches the port is trusted. */
  host?: string;
  port: number;
  /** TLS for clients that ask (SSLRequest): the REST API's certificate and key, or a ready context. */
  tls?: SecureContext | TlsFiles;
  /** Require SCRAM-SHA-256 logins as these users (a UsersFile, auth-users-file.ts). */
  users?: PgUserDirectory;
  /** A client not logged in after this long is dropped (default 30 s). */
  startupTimeoutMs?: number;
}

export async function startPgServer(engine: Engine, o: PgServerOptions): Promise<PgServer> {
  const tls = o.tls ? pgTls(o.tls) : undefined;
  const security: StartupSecurity = {
    ...(tls ? { tls: tls.context } : {}),
    ...(tls?.serverEndPoint ? { tlsServerEndPoint: tls.serverEndPoint } : {}),
    ...(o.users ? { users: o.users } : {}),
    ...(o.startupTimeoutMs !== undefined ? { timeoutMs: o.startupTimeoutMs } : {}),
  };
  // By pid: a CancelRequest names the connection to cancel, with its secret.
  const connections = new Map<number, PgConnection>();
  const cancel = (pid: number, secret: number): void => {
    const c = connections.get(pid);
    if (c && c.secret === secret) c.cancel();
  };
  let nextPid = 1;
  const server: Server = createServer((socket) => {
    const pid = nextPid++;
    const c = new PgConnection(socket, engine, pid, randomInt(1, 0x7fffffff), security, cancel);
    connections.set(pid, c);
    socket.on('close', () => connections.delete(pid));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : o.port,
    close: () => new Promise<void>((resolve) => {
      for (const c of connections.values()) c.shutdown();
      server.close(() => resolve());
    }),
  };
}
