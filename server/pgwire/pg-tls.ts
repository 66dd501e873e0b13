// TLS on the Postgres endpoint: a client asks with SSLRequest, the server answers 'S', and the
// TLS handshake follows on the same socket (Postgres has no separate TLS port; PgConnection
// swaps its socket). The certificate and key are those of the REST API (--tls-cert, --tls-key).
import { createSecureContext, type SecureContext } from 'node:tls';
import type { TlsFiles } from '../rest/tls-server.js';
import { tlsServerEndPoint } from './scram-channel-binding.js';

export interface PgTls {
  /** Made once for every connection. */
  context: SecureContext;
  /** SCRAM channel binding data of the certificate; none with a ready-made context (its certificate is not known). */
  serverEndPoint?: Buffer;
}

export function pgTls(tls: SecureContext | TlsFiles): PgTls {
  if ('context' in tls) return { context: tls };
  const serverEndPoint = tlsServerEndPoint(tls.cert);
  return { context: createSecureContext({ cert: tls.cert, key: tls.key }), ...(serverEndPoint ? { serverEndPoint } : {}) };
}
