// The server's side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), as PostgreSQL runs it:
// channel binding of type tls-server-end-point when the client selected SCRAM-SHA-256-PLUS (over
// TLS), none otherwise (the client's gs2 flag is 'n', or 'y' when it could bind but was not
// offered -PLUS); no authzid; the user name inside the messages ignored (the startup message names
// the user; libpq sends an empty one).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmac, sha256, type ScramVerifier } from '../auth/scram-verifier.js';

/** A message that breaks the SCRAM protocol (as opposed to a wrong password). */
export class ScramProtocolError extends Error {}

/** Channel binding for this exchange. */
export interface ChannelBinding {
  /** SCRAM-SHA-256-PLUS was offered (the connection is TLS): a client answering 'y' was downgraded. */
  offered: boolean;
  /** The tls-server-end-point data, when the client selected SCRAM-SHA-256-PLUS. */
  selected?: Buffer;
}

const NONCE_BYTES = 18;

export class ScramServerExchange {
  private clientFirstBare = '';
  private gs2Header = '';
  private nonce = '';
  private serverFirst = '';

  constructor(private readonly verifier: ScramVerifier, private readonly serverNonce = randomBytes(NONCE_BYTES).toString('base64'),
    private readonly binding: ChannelBinding = { offered: false }) {}

  /** The server-first-message answering the client-first-message. */
  first(clientFirst: string): string {
    const m = /^([ny]|p=[^,]*),([^,]*),(.*)$/s.exec(clientFirst);
    if (!m) throw new ScramProtocolError('malformed SCRAM message: expected a gs2 header (n,, or y,,) first');
    this.checkBindingFlag(m[1]);
    if (m[2] !== '') throw new ScramProtocolError('SCRAM authorization identities (a=) are not supported');
    const attrs = attributes(m[3]);
    if (attrs[0]?.[0] === 'm') throw new ScramProtocolError('SCRAM mandatory extensions (m=) are not supported');
    if (attrs[0]?.[0] !== 'n' || attrs[1]?.[0] !== 'r') throw new ScramProtocolError('malformed SCRAM client-first-message: expected n=USER,r=NONCE');
    const clientNonce = attrs[1][1];
    if (!/^[\x21-\x2b\x2d-\x7e]+$/.test(clientNonce)) throw new ScramProtocolError('malformed SCRAM client nonce: it must be printable ASCII without commas');
    this.gs2Header = `${m[1]},${m[2]},`;
    this.clientFirstBare = m[3];
    this.nonce = clientNonce + this.serverNonce;
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString('base64')},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /** The server-final-message when the client's proof is right; undefined when the password is wrong. */
  final(clientFinal: string): string | undefined {
    if (this.serverFirst === '') throw new ScramProtocolError('SCRAM client-final-message before the client-first-message');
    const at = clientFinal.lastIndexOf(',p=');
    if (at < 0) throw new ScramProtocolError('malformed SCRAM client-final-message: no proof (p=)');
    const withoutProof = clientFinal.slice(0, at);
    const attrs = attributes(withoutProof);
    if (attrs[0]?.[0] !== 'c' || attrs[1]?.[0] !== 'r') throw new ScramProtocolError('malformed SCRAM client-final-message: expected c=...,r=...,p=...');
    // c= is the gs2 header, then the channel binding data when the client bound to the channel.
    const expected = Buffer.concat([Buffer.from(this.gs2Header, 'latin1'), this.binding.selected ?? Buffer.alloc(0)]);
    if (!Buffer.from(attrs[0][1], 'base64').equals(expected)) throw new ScramProtocolError('SCRAM channel binding check failed');
    if (attrs[1][1] !== this.nonce) throw new ScramProtocolError('SCRAM nonce mismatch');
    const proof = Buffer.from(clientFinal.slice(at + 3), 'base64');
    if (proof.length !== this.verifier.storedKey.length) throw new ScramProtocolError('malformed SCRAM proof: wrong length');

    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.verifier.storedKey, authMessage);
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
    if (!timingSafeEqual(sha256(clientKey), this.verifier.storedKey)) return undefined;
    return `v=${hmac(this.verifier.serverKey, authMessage).toString('base64')}`;
  }

  /** The gs2 flag must agree with the mechanism the client selected and what was offered. */
  private checkBindingFlag(flag: string): void {
    if (flag.startsWith('p=')) {
      if (!this.binding.selected) throw new ScramProtocolError('the client asked for SCRAM channel binding, but selected SCRAM-SHA-256 (not SCRAM-SHA-256-PLUS)');
      if (flag !== 'p=tls-server-end-point') throw new ScramProtocolError(`unsupported SCRAM channel binding type '${flag.slice(2)}': this server binds to tls-server-end-point`);
      return;
    }
    if (this.binding.selected) throw new ScramProtocolError('the client selected SCRAM-SHA-256-PLUS, but its message has no channel binding');
    if (flag === 'y' && this.binding.offered) {
      throw new ScramProtocolError('SCRAM channel binding negotiation error: the client supports channel binding and thinks the server does not, but this server offered it');
    }
  }
}

/** `k=v,k=v` as [k, v] pairs, in order; a part without `k=` is an error. */
function attributes(text: string): [string, string][] {
  return text.split(',').map((part) => {
    if (!/^[A-Za-z]=/.test(part)) throw new ScramProtocolError(`malformed SCRAM attribute '${part.slice(0, 40)}'`);
    return [part[0], part.slice(2)];
  });
}
