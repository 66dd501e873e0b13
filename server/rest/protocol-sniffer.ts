// One port, two protocols: a connection that opens with HTTP/2's preface ("PRI * HTTP/2.0", h2c
// with prior knowledge, as ksqlDB's clients speak) goes to an HTTP/2 server, any other to an
// HTTP/1.1 server; both hand requests to the same handler. Node's HTTP/2 server cannot fall
// back to HTTP/1 without TLS, hence the look at the first bytes.
import net from 'node:net';
import http from 'node:http';
import http2 from 'node:http2';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export type Handler = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => void;

export interface SniffingServer {
  /** The listening server (fastify's serverFactory returns it). */
  server: net.Server;
  /** Ends every open connection (streaming responses included). */
  destroyConnections(): void;
}

export function createSniffingServer(handler: Handler): SniffingServer {
  const h1 = http.createServer(handler as http.RequestListener);
  // Rows of a push query are written as they come: no timeout closes a quiet stream.
  h1.requestTimeout = 0;
  h1.keepAliveTimeout = 72000;
  const h2 = http2.createServer(handler as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const n = Math.min(head.length, PREFACE.length);
      const isH2 = head.subarray(0, n).equals(PREFACE.subarray(0, n));
      if (isH2 && head.length < PREFACE.length) return; // wait for the whole preface
      socket.removeListener('data', onData);
      socket.pause();
      socket.unshift(head);
      if (isH2) {
        h2.emit('connection', socket); // the session reads what was unshifted itself
      } else {
        h1.emit('connection', socket);
        process.nextTick(() => socket.resume());
      }
    };
    socket.on('data', onData);
  });
  return {
    server,
    destroyConnections: () => { for (const s of sockets) s.destroy(); },
  };
}
