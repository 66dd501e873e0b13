// A SCRAM-SHA-256 login on the wire, as PostgreSQL runs it: AuthenticationSASL (the mechanisms),
// SASLInitialResponse ('p': mechanism, client-first-message), AuthenticationSASLContinue,
// SASLResponse ('p': client-final-message), AuthenticationSASLFinal; the caller then sends
// AuthenticationOk. The password messages are read here; the startup phase routes them. Over TLS
// SCRAM-SHA-256-PLUS (bound to the server's certificate) is offered first, as Postgres does.
import type { BufferWriter } from './buffer-writer.js';
import { ScramServerExchange, ScramProtocolError } from './scram-exchange.js';
import { mockScramVerifier, type ScramVerifier } from '../auth/scram-verifier.js';

export const SCRAM_MECHANISM = 'SCRAM-SHA-256';
export const SCRAM_PLUS_MECHANISM = 'SCRAM-SHA-256-PLUS';

const AUTH_SASL = 10;
const AUTH_SASL_CONTINUE = 11;
const AUTH_SASL_FINAL = 12;

export type LoginStep = 'continue' | 'ok' | 'failed';

export class ScramLogin {
  private exchange: ScramServerExchange | undefined;
  private readonly verifier: ScramVerifier;
  private readonly known: boolean;
  private step: 'initial' | 'final' | 'done' = 'initial';

  /**
   * `verifier` undefined: no such user; the exchange runs on a mock verifier and fails at the proof.
   * `tlsServerEndPoint`: the connection is TLS and this is its channel binding data (-PLUS is offered).
   */
  constructor(user: string, verifier: ScramVerifier | undefined, private readonly tlsServerEndPoint?: Buffer) {
    this.known = verifier !== undefined;
    this.verifier = verifier ?? mockScramVerifier(user);
  }

  /** The mechanisms offered, preferred first. */
  get mechanisms(): string[] {
    return this.tlsServerEndPoint ? [SCRAM_PLUS_MECHANISM, SCRAM_MECHANISM] : [SCRAM_MECHANISM];
  }

  /** AuthenticationSASL: the mechanisms, the list ended by an empty name. */
  start(w: BufferWriter): void {
    w.begin('R').int32(AUTH_SASL);
    for (const name of this.mechanisms) w.cstring(name);
    w.byte(0).end();
  }

  /**
   * One password message's body: writes the answer into `w`. 'ok' once the password is proved
   * (AuthenticationSASLFinal written), 'failed' for a wrong password or an unknown user. A broken
   * message throws ScramProtocolError.
   */
  receive(body: Buffer, w: BufferWriter): LoginStep {
    switch (this.step) {
      case 'initial': {
        const { mechanism, data } = readInitialResponse(body);
        if (!this.mechanisms.includes(mechanism)) throw new ScramProtocolError(`the client selected the SASL mechanism '${mechanism}', but this server offers ${this.mechanisms.join(' and ')}`);
        this.exchange = new ScramServerExchange(this.verifier, undefined, {
          offered: this.tlsServerEndPoint !== undefined,
          ...(mechanism === SCRAM_PLUS_MECHANISM ? { selected: this.tlsServerEndPoint } : {}),
        });
        const serverFirst = this.exchange.first(data);
        w.begin('R').int32(AUTH_SASL_CONTINUE).text(serverFirst).end();
        this.step = 'final';
        return 'continue';
      }
      case 'final': {
        this.step = 'done';
        const serverFinal = this.exchange!.final(body.toString('utf8'));
        if (serverFinal === undefined || !this.known) return 'failed';
        w.begin('R').int32(AUTH_SASL_FINAL).text(serverFinal).end();
        return 'ok';
      }
      case 'done':
        throw new ScramProtocolError('a password message after the SCRAM exchange ended');
    }
  }
}

/** SASLInitialResponse: the mechanism's name (a C string), then an int32 length and that many bytes. */
function readInitialResponse(body: Buffer): { mechanism: string; data: string } {
  const nul = body.indexOf(0);
  if (nul < 0 || body.length < nul + 5) throw new ScramProtocolError('malformed SASLInitialResponse: expected a mechanism name and a length');
  const mechanism = body.toString('utf8', 0, nul);
  const length = body.readInt32BE(nul + 1);
  const start = nul + 5;
  if (length < 0 || start + length !== body.length) throw new ScramProtocolError('malformed SASLInitialResponse: its length does not match the message');
  return { mechanism, data: body.toString('utf8', start) };
}
