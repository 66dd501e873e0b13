// One Postgres client connection: startup (pg-startup.ts), then the simple and the extended
// query protocols over a PgSession. Messages are handled one at a time, in arrival order. A
// CancelRequest (from another connection) or the client going away stops what runs now.
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import type { Engine } from '../../src/engine/engine.js';
import { BufferWriter } from './buffer-writer.js';
import { FrameReader, type Frame } from './frame-reader.js';
import { StartupPhase, type StartupSecurity } from './pg-startup.js';
import { PgSession } from './pg-session.js';
import type { PgSessionInfo } from './catalog/postgres-query.js';
import { parameterStatuses } from './startup.js';
import type { Portal } from './portal.js';
import { MessageReader } from './message-reader.js';
import { CopyIn } from './copy-in.js';
import { ExtendedQuery, type ExtendedHost } from './extended-query.js';
import { pgError, PgProtocolError } from './sqlstate.js';
import { duration } from './session-commands.js';
import * as m from './backend-messages.js';

/** Settings psql and drivers follow: a SET of one is reported with ParameterStatus. */
const REPORTED = new Set(['application_name', 'client_encoding', 'datestyle', 'intervalstyle', 'is_superuser', 'server_encoding', 'server_version', 'session_authorization', 'standard_conforming_strings', 'timezone', 'integer_datetimes']);

/** statement_timeout's value ('0', '5s', '1min', '250ms'; a bare number is ms) in ms; 0: none. */
function statementTimeoutMs(v: string | undefined): number {
  if (v === undefined || v === '0') return 0;
  try { return /^\d+$/.test(v) ? Number(v) : duration(v); } catch { return 0; }
}

/** Copy data held for a COPY not yet running (see early) beyond which the socket pauses. */
const EARLY_HIGH_WATER = 8 << 20;
/** How long a stopping server lets a client's socket take its last message (see shutdown). */
const SHUTDOWN_LINGER_MS = 1000;
const CANCELLED = (): PgProtocolError => new PgProtocolError('57014', 'canceling statement due to user request');

export class PgConnection implements ExtendedHost {
  private readonly reader = new FrameReader();
  readonly w = new BufferWriter();
  private socket: Socket;
  private startup: StartupPhase | undefined;
  private pgSession: PgSession | undefined;
  private ext: ExtendedQuery | undefined;
  /** Frames are handled in arrival order, each after the previous one finished. */
  private chain: Promise<void> = Promise.resolve();
  /** After an error in an extended-protocol message: everything is skipped until Sync. */
  private skippingUntilSync = false;
  /** True while a Query or Execute runs (a cancel applies to it). */
  private running = false;
  private stopper!: { promise: Promise<never>; reject: (e: Error) => void };
  private closed = false;
  /** Frames received and not yet handled (the one being handled included). */
  private queued = 0;
  /** The running COPY FROM STDIN's data: CopyData, CopyDone and CopyFail go straight to it. */
  private copying: CopyIn | undefined;
  /**
   * Copy messages that came before their COPY asked for them (pgx sends its data right after the
   * COPY statement, without waiting for CopyInResponse), each with the number of other frames
   * received before it: those after frame n are for frame n's COPY, if it is one, else dropped
   * once frame n is handled (Postgres ignores copy messages outside COPY).
   */
  private early: { frame: Frame; after: number }[] = [];
  private earlyBytes = 0;
  private earlyPaused = false;
  /** Frames other than copy messages received so far, and the number of the one being handled. */
  private framesIn = 0;
  private handling = -1;

  constructor(socket: Socket, readonly engine: Engine, readonly pid: number, readonly secret: number,
    security: StartupSecurity, private readonly cancelOther: (pid: number, secret: number) => void) {
    this.socket = socket;
    this.newStopper();
    this.startup = new StartupPhase({
      w: this.w, pid, secret,
      send: () => this.flush(),
      writeRaw: (b) => { this.socket.write(b); },
      close: () => this.close(),
      cancel: (p, s) => this.cancelOther(p, s),
      ready: (params) => this.ready(params),
      startTls: (context) => this.startTls(context),
    }, security);
    socket.setNoDelay(true);
    this.listen(socket);
    socket.on('close', () => this.close());
  }

  /** The session, once the client is in (queries come only then). */
  get session(): PgSession { return this.pgSession!; }

  /** Rejects when the running statement is cancelled or the client goes away. */
  get stop(): Promise<never> { return this.stopper.promise; }

  /** A CancelRequest matched this connection: stops the running statement, if any. */
  cancel(): void {
    if (this.running) this.stopper.reject(CANCELLED());
  }

  /**
   * The server is stopping: a client that is in gets FATAL 57P01, as from a Postgres shut down
   * (psql prints "terminating connection due to administrator command" rather than "server closed
   * the connection unexpectedly"), then the connection ends as close() ends it.
   */
  shutdown(): void {
    if (this.closed) return;
    if (this.pgSession === undefined || this.socket.destroyed) { this.close(); return; }
    // Behind what is buffered: every message in it is whole (they are built within one turn).
    m.errorResponse(this.w, { severity: 'FATAL', code: '57P01', message: 'terminating connection due to administrator command' });
    const socket = this.socket;
    socket.end(this.w.flush());
    // A client that does not read (its buffer full) is not waited for.
    setTimeout(() => socket.destroy(), SHUTDOWN_LINGER_MS).unref();
    this.close(false);
  }

  /** Ends the connection, its running statement and every query it holds. */
  close(destroy = true): void {
    if (this.closed) return;
    this.closed = true;
    this.stopper.reject(new PgProtocolError('08006', 'the client went away'));
    this.startup?.dispose();
    if (destroy) this.socket.destroy();
    void this.ext?.closePortals(() => true);
    void this.pgSession?.close();
  }

  /** Writes what is buffered; waits while the socket's buffer is full (a slow client). */
  async flush(): Promise<void> {
    if (this.w.length === 0 || this.closed) return;
    if (this.socket.write(this.w.flush())) return;
    await new Promise<void>((resolve) => {
      const done = (): void => { this.socket.off('drain', done); this.socket.off('close', done); resolve(); };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }

  private newStopper(): void {
    let reject!: (e: Error) => void;
    const promise = new Promise<never>((_, r) => { reject = r; });
    promise.catch(() => undefined); // only racing waits observe it
    this.stopper = { promise, reject };
  }

  private listen(s: Socket): void {
    s.on('data', (chunk: Buffer) => this.received(chunk));
    s.on('error', () => undefined); // 'close' follows
  }

  /** SSLRequest with TLS configured: 'S', then the rest of the connection over TLS. */
  private startTls(context: SecureContext): void {
    const raw = this.socket;
    // Bytes sent after SSLRequest before the handshake would pass as if encrypted: Postgres refuses them.
    if (this.queued > 1 || this.reader.pendingBytes > 0) {
      raw.write('S');
      m.errorResponse(this.w, { code: '08P01', message: 'received unencrypted data after SSL request', severity: 'FATAL' });
      void this.flush().finally(() => this.close());
      return;
    }
    raw.write('S');
    raw.removeAllListeners('data');
    const tls = new TLSSocket(raw, { isServer: true, secureContext: context });
    this.socket = tls;
    this.listen(tls);
    tls.on('close', () => this.close());
  }

  private ready(params: Map<string, string>): void {
    this.startup = undefined;
    const settings = new Map<string, string>();
    for (const [name, value] of parameterStatuses(params)) settings.set(name.toLowerCase(), value);
    const info: PgSessionInfo = {
      user: params.get('user') ?? 'eddy',
      database: params.get('database') ?? params.get('user') ?? 'eddy',
      get applicationName() { return settings.get('application_name') ?? ''; },
      settings,
      pid: this.pid,
    };
    this.pgSession = new PgSession(this.engine, info, {
      deallocate: (name) => this.ext?.deallocate(name),
      reported: (host, name, value) => { if (REPORTED.has(name.toLowerCase())) m.parameterStatus(host.w, name, value); },
    });
    this.ext = new ExtendedQuery(this);
    m.readyForQuery(this.w);
    void this.flush();
  }

  private received(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch {
      this.close(); // a broken length: nothing after it can be framed
      return;
    }
    for (const f of frames) {
      // The COPY running now waits for its data: it cannot wait its turn behind itself.
      const c = this.copying;
      if (c !== undefined && f.kind === 'typed' && (f.code === 'd' || f.code === 'c' || f.code === 'f')) {
        this.toCopy(c, f);
        continue;
      }
      if (f.kind === 'typed' && (f.code === 'd' || f.code === 'c' || f.code === 'f') && this.framesIn > 0) {
        this.early.push({ frame: f, after: this.framesIn });
        this.earlyBytes += f.body.length;
        if (this.earlyBytes > EARLY_HIGH_WATER && !this.earlyPaused) { this.earlyPaused = true; this.socket.pause(); }
        continue;
      }
      const n = this.framesIn++;
      this.queued++;
      this.chain = this.chain.then(() => {
        this.handling = n;
        return this.closed ? undefined : this.handle(f);
      }).catch(() => this.close()).finally(() => {
        this.queued--;
        this.dropEarly(n + 1);
      });
    }
  }

  /** Copy messages sent after frame `upTo - 1` that no COPY took: gone, as Postgres ignores them. */
  private dropEarly(upTo: number): void {
    let k = 0;
    while (k < this.early.length && this.early[k].after <= upTo) { this.earlyBytes -= this.early[k].frame.body.length; k++; }
    if (k > 0) this.early.splice(0, k);
    if (this.earlyPaused && this.earlyBytes <= EARLY_HIGH_WATER) { this.earlyPaused = false; this.socket.resume(); }
  }

  /** Sends a copy message to the COPY it is for. */
  private toCopy(c: CopyIn, f: Extract<Frame, { kind: 'typed' }>): void {
    if (f.code === 'd') c.data(f.body);
    else if (f.code === 'c') c.done();
    else {
      // CopyFail's reason, to its terminator if it has one (a broken one must not throw here).
      const end = f.body.indexOf(0);
      c.fail(f.body.toString('utf8', 0, end < 0 ? f.body.length : end));
    }
  }

  private async handle(f: Frame): Promise<void> {
    if (this.startup) return this.startup.handle(f);
    if (f.kind !== 'typed') return this.close();
    switch (f.code) {
      case 'Q': return this.simpleQuery(f.body.toString('utf8', 0, Math.max(0, f.body.length - 1)));
      case 'X': this.close(); return;
      case 'S': return this.sync();
      case 'H': return this.flush();
      case 'P': case 'B': case 'D': case 'E': case 'C':
        if (this.skippingUntilSync) return;
        this.ext!.messageText = undefined;
        try {
          await this.ext!.handle(f.code, new MessageReader(f.body));
        } catch (e) {
          this.fail(e, this.ext!.messageText);
          this.skippingUntilSync = true;
        }
        return;
      case 'd': case 'c': case 'f': return; // COPY FROM data before any statement: Postgres ignores it outside COPY
      default:
        m.errorResponse(this.w, { code: '08P01', message: `unexpected message type '${f.code}'` });
        m.readyForQuery(this.w, this.session.status);
        return this.flush();
    }
  }

  /** COPY FROM STDIN: the client's CopyData messages go to the CopyIn until it is closed. */
  copyIn(): CopyIn {
    const c: CopyIn = new CopyIn(() => this.socket.pause(), () => this.socket.resume(), () => { if (this.copying === c) this.copying = undefined; });
    this.copying = c;
    // What the client sent right after this COPY, before it was asked for, comes first.
    const mine = this.handling + 1;
    while (this.early.length > 0 && this.early[0].after <= mine) {
      const { frame, after } = this.early.shift()!;
      this.earlyBytes -= frame.body.length;
      if (after === mine && frame.kind === 'typed') this.toCopy(c, frame);
    }
    if (this.earlyPaused && this.earlyBytes <= EARLY_HIGH_WATER) { this.earlyPaused = false; this.socket.resume(); }
    return c;
  }

  /** An error as ErrorResponse; a transaction block becomes failed. */
  private fail(e: unknown, text: string | undefined): void {
    m.errorResponse(this.w, pgError(e, text));
    this.pgSession?.failed();
  }

  /** Runs an extended-protocol message, or a Query's statements (each then timed by `timed`). */
  async run<T>(f: () => Promise<T>, timed = true): Promise<T> {
    this.running = true;
    try {
      return await (timed ? this.timed(f) : f());
    } finally {
      this.running = false;
      if (!this.closed) this.newStopper(); // a cancel applies to one statement only
    }
  }

  /** SET statement_timeout: a statement (a push query too) running longer is cancelled, as in Postgres. */
  private async timed<T>(f: () => Promise<T>): Promise<T> {
    const limitMs = statementTimeoutMs(this.pgSession?.info.settings.get('statement_timeout'));
    if (limitMs <= 0) return f();
    const stopper = this.stopper;
    const timer = setTimeout(() => stopper.reject(new PgProtocolError('57014', 'canceling statement due to statement timeout')), limitMs);
    try {
      return await f();
    } finally {
      clearTimeout(timer);
    }
  }

  /** A Query: its statements in order; the first error ends it. Always ends with ReadyForQuery. */
  private async simpleQuery(text: string): Promise<void> {
    const session = this.session;
    await this.ext!.closePortal('');
    await this.run(async () => {
      let portal: Portal | undefined;
      try {
        const statements = this.engine.split(text);
        if (statements.length === 0) m.emptyQueryResponse(this.w);
        for (const st of statements) {
          if (this.closed) return;
          const p = portal = session.portal(st, [], { simpleQuery: true });
          await this.timed(async () => {
            const columns = await p.describe(this);
            if (columns) m.rowDescription(this.w, columns);
            await p.execute(this, 0);
          });
          await p.close();
          portal = undefined;
        }
      } catch (e) {
        await portal?.close();
        this.fail(e, text);
      }
    }, false);
    if (this.closed) return;
    m.readyForQuery(this.w, session.status);
    await this.flush();
  }

  private async sync(): Promise<void> {
    this.skippingUntilSync = false;
    // Outside a transaction block every Sync ends the implicit transaction, and its portals.
    if (this.session.status === 'I') await this.ext!.closePortals(() => true);
    m.readyForQuery(this.w, this.session.status);
    await this.flush();
  }

}
