// The REST API over TLS: one port, HTTP/2 or HTTP/1.1 as the client's ALPN asks (a client that
// offers no ALPN gets HTTP/1.1). Node's secure HTTP/2 server does the fallback itself.
import http2 from 'node:http2';
import type net from 'node:net';
import type { Handler, SniffingServer } from './protocol-sniffer.js';

export interface TlsFiles {
  /** PEM certificate chain. */
  cert: string | Buffer;
  /** PEM private key. */
  key: string | Buffer;
}

export function createTlsServer(handler: Handler, tls: TlsFiles): SniffingServer {
  const server = http2.createSecureServer({ cert: tls.cert, key: tls.key, allowHTTP1: true }, handler as never);
  // Rows of a push query are written as they come, and /inserts-stream bodies last as long as
  // their client: no timeout closes a quiet stream (the HTTP/1.1 fallback reads these as http.Server does).
  server.setTimeout(0);
  Object.assign(server, { requestTimeout: 0, keepAliveTimeout: 72000 });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that fails the handshake (wrong CA, plain HTTP) costs its connection only.
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  return {
    server,
    destroyConnections: () => { for (const s of sockets) s.destroy(); },
  };
}
