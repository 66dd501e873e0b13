// The ksqlDB-compatible REST API on fastify: `startRestServer(engine, {port})` serves /ksql,
// /query, /query-stream, /close-query, /inserts-stream, the info endpoints and the web console
// (at /, console-endpoint.ts) on one port, over HTTP/1.1 and cleartext HTTP/2, or with `tls`
// over HTTPS (h2 by ALPN, and HTTP/1.1); with `usersFile`, behind HTTP Basic authentication. It
// uses only the Engine API.
import Fastify, { type FastifyError } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../../src/engine/engine.js';
import { createSniffingServer, type Handler, type SniffingServer } from './protocol-sniffer.js';
import { createTlsServer, type TlsFiles } from './tls-server.js';
import { BasicAuth, registerBasicAuth } from './auth-basic.js';
import { RestContext } from './rest-context.js';
import { acceptAnyBody } from './request-body.js';
import { registerKsqlEndpoint } from './ksql-endpoint.js';
import { registerQueryEndpoints } from './query-endpoints.js';
import { registerCloseQueryEndpoint } from './close-query-endpoint.js';
import { registerInsertsStreamEndpoint } from './inserts-stream-endpoint.js';
import { registerInfoEndpoints } from './info-endpoints.js';
import { registerConsole } from './console-endpoint.js';
import { ClusterMembership } from './cluster-membership.js';
import { RestError, genericError, engineError, NOT_FOUND } from './errors.js';

export interface RestServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0: a free port. */
  port: number;
  /** Serve HTTPS with this certificate and key (PEM) instead of cleartext. */
  tls?: TlsFiles;
  /** Require HTTP Basic credentials of a user in this file (auth-users-file.ts) on every endpoint but /healthcheck. */
  usersFile?: string;
  /** What the engine runs on, for /info ("Kafka at 127.0.0.1:9092, service X"). */
  log?: string;
}

export interface RestServer {
  /** http://host:port, or https:// with TLS */
  url: string;
  /** Ends the push queries being streamed, the connections, then the server (not the engine). */
  close(): Promise<void>;
}

export async function startRestServer(engine: Engine, opts: RestServerOptions): Promise<RestServer> {
  const host = opts.host ?? '127.0.0.1';
  const auth = opts.usersFile === undefined ? undefined : await BasicAuth.load(opts.usersFile);
  let sniffer: SniffingServer | undefined;
  const app = Fastify({
    logger: false,
    serverFactory: (handler) => (sniffer = opts.tls
      ? createTlsServer(handler as unknown as Handler, opts.tls)
      : createSniffingServer(handler as unknown as Handler)).server as never,
  });
  const ctx = new RestContext(engine);
  if (auth) registerBasicAuth(app, auth);
  acceptAnyBody(app);
  app.setErrorHandler((err: FastifyError | RestError, _req, reply) => {
    if (err instanceof RestError) return reply.code(err.status).send(err.body);
    if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
      return reply.code(err.statusCode).send(genericError(err.statusCode * 100, err.message));
    }
    const { status, body } = engineError(err);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(genericError(NOT_FOUND, `No endpoint ${req.method} ${req.url}`)));
  let port = 0;
  registerKsqlEndpoint(app, ctx);
  registerQueryEndpoints(app, ctx);
  registerCloseQueryEndpoint(app, ctx);
  registerInsertsStreamEndpoint(app, ctx);
  let membership: ClusterMembership | undefined;
  registerInfoEndpoints(app, ctx, () => membership!, opts.log);
  registerConsole(app);
  await app.listen({ host, port: opts.port });
  port = (sniffer!.server.address() as AddressInfo).port;
  const url = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // The service's other instances learn of this one (and it of them) by heartbeats.
  membership = new ClusterMembership(engine, { url, hostPort: `${host}:${port}` });
  await membership.start();
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => (closing ??= (async () => {
      await membership!.stop();
      await ctx.closeAll();
      sniffer!.destroyConnections();
      await app.close();
    })()),
  };
}
