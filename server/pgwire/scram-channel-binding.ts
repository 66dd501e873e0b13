// SCRAM channel binding over TLS (SCRAM-SHA-256-PLUS), type tls-server-end-point (RFC 5929), the
// one PostgreSQL and its clients use: the hash of the server's certificate. A client that checks it
// knows that no one in the middle terminated its TLS, even when it does not verify the certificate.
import { createHash, X509Certificate } from 'node:crypto';

// The certificate's signature algorithm (its OID, in DER) and the hash that goes with it. RFC 5929:
// MD5 and SHA-1 are replaced by SHA-256.
const HASH_OF_SIGNATURE: Record<string, string> = {
  '2a864886f70d010104': 'sha256', // md5WithRSAEncryption
  '2a864886f70d010105': 'sha256', // sha1WithRSAEncryption
  '2a864886f70d01010e': 'sha224', // sha224WithRSAEncryption
  '2a864886f70d01010b': 'sha256', // sha256WithRSAEncryption
  '2a864886f70d01010c': 'sha384', // sha384WithRSAEncryption
  '2a864886f70d01010d': 'sha512', // sha512WithRSAEncryption
  '2a8648ce3d0401': 'sha256', // ecdsa-with-SHA1
  '2a8648ce3d040301': 'sha224', // ecdsa-with-SHA224
  '2a8648ce3d040302': 'sha256', // ecdsa-with-SHA256
  '2a8648ce3d040303': 'sha384', // ecdsa-with-SHA384
  '2a8648ce3d040304': 'sha512', // ecdsa-with-SHA512
};

/**
 * The tls-server-end-point channel binding data of the server's certificate (the first of a PEM
 * chain), or undefined when its signature algorithm names no single hash (Ed25519, RSA-PSS): then
 * the server offers SCRAM-SHA-256 only, as Postgres does.
 */
export function tlsServerEndPoint(certPem: string | Buffer): Buffer | undefined {
  const der = new X509Certificate(certPem).raw;
  const hash = HASH_OF_SIGNATURE[signatureAlgorithmOid(der) ?? ''];
  return hash === undefined ? undefined : createHash(hash).update(der).digest();
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm SEQUENCE { OID, ... }, signature }. */
function signatureAlgorithmOid(der: Buffer): string | undefined {
  const cert = tlv(der, 0);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = tlv(der, cert.start);
  const algorithm = tbs && tlv(der, tbs.end);
  const oid = algorithm && algorithm.tag === 0x30 ? tlv(der, algorithm.start) : undefined;
  return oid && oid.tag === 0x06 ? der.toString('hex', oid.start, oid.end) : undefined;
}

/** The DER element at `at`: its tag and where its contents start and end. */
function tlv(der: Buffer, at: number): { tag: number; start: number; end: number } | undefined {
  if (at + 2 > der.length) return undefined;
  let length = der[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > der.length) return undefined;
    length = der.readUIntBE(start, bytes);
    start += bytes;
  }
  return start + length > der.length ? undefined : { tag: der[at], start, end: start + length };
}
