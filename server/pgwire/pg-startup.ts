// The start of a connection, before any query: SSLRequest/GSSENCRequest, CancelRequest, the
// startup message and authentication. Frames come here until the client is in (`host.ready`).
// Without a users file every client is trusted (the endpoint listens on loopback by default);
// with one, the client logs in with SCRAM-SHA-256 as a user of that file. With TLS configured,
// an SSLRequest gets 'S' and the connection goes on over TLS; a plain connection still works.
import type { SecureContext } from 'node:tls';
import type { BufferWriter } from './buffer-writer.js';
import type { Frame } from './frame-reader.js';
import { readStartup, parameterStatuses } from './startup.js';
import * as m from './backend-messages.js';
import { ScramLogin } from './scram-login.js';
import { ScramProtocolError } from './scram-exchange.js';
import { parseScramVerifier } from '../auth/scram-verifier.js';

/** What the startup phase needs from its connection. */
export interface StartupHost {
  readonly w: BufferWriter;
  readonly pid: number;
  readonly secret: number;
  /** Writes what is buffered in `w`. */
  send(): Promise<void>;
  /** Writes raw bytes (the one-byte answer to SSLRequest). */
  writeRaw(bytes: string | Buffer): void;
  /** Writes 'S' and goes on over TLS: from now on the connection reads and writes through a TLSSocket (pg-tls.ts). */
  startTls(context: SecureContext): void;
  close(): void;
  /** A CancelRequest: cancels what the connection with that pid and secret runs (no reply). */
  cancel(pid: number, secret: number): void;
  /** The client is in, with the parameters of its startup message; queries follow. */
  ready(params: Map<string, string>): void;
}

/** Where logins find their users: the users file of `--users` (UsersFile in auth-users-file.ts). */
export interface PgUserDirectory {
  /** The user's SCRAM-SHA-256 verifier (Postgres's format) if it has one; undefined: no such user. */
  lookup(name: string): Promise<{ scram?: string } | undefined>;
}

/** How connections are secured. Neither TLS nor users: plain text, every client trusted. */
export interface StartupSecurity {
  /** Answer SSLRequest with 'S' and TLS with this context. */
  tls?: SecureContext;
  /** Its certificate's channel binding data: over TLS, logins offer SCRAM-SHA-256-PLUS too. */
  tlsServerEndPoint?: Buffer;
  /** Require a SCRAM-SHA-256 login as one of these users. */
  users?: PgUserDirectory;
  /** A client that is not in after this long is dropped (default 30 s), wherever it stopped. */
  timeoutMs?: number;
}

export const STARTUP_TIMEOUT_MS = 30_000;

export class StartupPhase {
  private login: { scram: ScramLogin; user: string; params: Map<string, string> } | undefined;
  private tlsStarted = false;
  private finished = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly host: StartupHost, private readonly security: StartupSecurity = {}) {
    this.timer = setTimeout(() => this.timedOut(), security.timeoutMs ?? STARTUP_TIMEOUT_MS);
    this.timer.unref(); // a connection gone before it fires must not keep the process alive
  }

  /** Stops the startup timeout (the connection closed). */
  dispose(): void {
    this.finished = true;
    clearTimeout(this.timer);
  }

  async handle(f: Frame): Promise<void> {
    if (this.finished) return;
    if (f.kind === 'typed') return this.typed(f.code, f.body);
    const h = this.host;
    const req = readStartup(f.body);
    switch (req.kind) {
      case 'ssl':
        if (this.security.tls && !this.tlsStarted) {
          this.tlsStarted = true;
          h.startTls(this.security.tls);
        } else {
          h.writeRaw('N'); // no TLS: the client goes on in plain text (or fails, with sslmode=require)
        }
        return;
      case 'gssenc':
        h.writeRaw('N'); // no GSSAPI encryption
        return;
      case 'cancel':
        // Postgres tells the sender nothing, and closes: libpq waits for EOF.
        h.cancel(req.pid, req.secret);
        this.dispose();
        h.close();
        return;
      case 'unsupported':
        return this.fail('0A000', `unsupported frontend protocol ${req.version >>> 16}.${req.version & 0xffff}: Eddy speaks 3.0`);
      case 'startup': {
        // A newer 3.x client (or protocol options `_pq_.*`): say we speak 3.0 and know no options,
        // as Postgres does; the client goes on with 3.0.
        const options = [...req.params.keys()].filter((k) => k.startsWith('_pq_.'));
        if (req.minor > 0 || options.length > 0) {
          for (const o of options) req.params.delete(o);
          m.negotiateProtocolVersion(h.w, 0, options);
        }
        if (!this.security.users) return this.admit(req.params);
        return this.startLogin(req.params, this.security.users);
      }
    }
  }

  /** Asks for a SCRAM-SHA-256 login as the startup message's user. */
  private async startLogin(params: Map<string, string>, users: PgUserDirectory): Promise<void> {
    const user = params.get('user');
    if (!user) return this.fail('28000', 'no user name in the startup message: connect as a user of the users file (psql -U NAME)');
    const entry = await users.lookup(user);
    if (entry && entry.scram === undefined) {
      // No verifier, no way to check a SCRAM proof; the user can fix it, so say how.
      return this.fail('28000', `user "${user}" has no SCRAM-SHA-256 verifier in the users file, so it cannot log in over Postgres`,
        `It was added before Eddy's Postgres endpoint checked passwords: add it again with 'eddy users add ${user} --users FILE'.`);
    }
    // Unknown users go through the same exchange, on a mock verifier, and fail at the proof.
    const verifier = entry?.scram !== undefined ? parseScramVerifier(entry.scram) : undefined;
    const scram = new ScramLogin(user, verifier, this.tlsStarted ? this.security.tlsServerEndPoint : undefined);
    this.login = { scram, user, params };
    scram.start(this.host.w);
    await this.host.send();
  }

  /** A typed message: only password messages ('p') during a login; Terminate ends it. */
  private async typed(code: string, body: Buffer): Promise<void> {
    const login = this.login;
    if (code === 'X' && login) { this.dispose(); this.host.close(); return; }
    if (!login) return this.fail('08P01', `unexpected message type '${code}' before startup`);
    if (code !== 'p') return this.fail('08P01', `expected a password message during authentication, not message type '${code}'`);
    let step;
    try {
      step = login.scram.receive(body, this.host.w);
    } catch (e) {
      if (e instanceof ScramProtocolError) return this.fail('08P01', e.message);
      throw e;
    }
    if (step === 'continue') return this.host.send();
    if (step === 'failed') return this.fail('28P01', `password authentication failed for user "${login.user}"`);
    return this.admit(login.params);
  }

  /** AuthenticationOk, the session's parameters and its cancel key; then queries. */
  private admit(params: Map<string, string>): void {
    const h = this.host;
    this.dispose();
    m.authenticationOk(h.w);
    for (const [name, value] of parameterStatuses(params)) m.parameterStatus(h.w, name, value);
    m.backendKeyData(h.w, h.pid, h.secret);
    h.ready(params);
  }

  /** An ErrorResponse, then the connection closes (Postgres's FATAL before startup ends). */
  private async fail(code: string, message: string, hint?: string): Promise<void> {
    this.dispose();
    m.errorResponse(this.host.w, { code, message, severity: 'FATAL', ...(hint === undefined ? {} : { hint }) });
    await this.host.send();
    this.host.close();
  }

  private timedOut(): void {
    if (this.finished) return;
    // Best effort: a client that stopped reading gets the socket closed all the same.
    void this.fail('57014', 'canceling authentication due to timeout').catch(() => undefined);
    this.host.close();
  }
}
