// One Postgres client connection: startup, then the simple query protocol. Statements run
// through the Engine API with the connection's own SET properties and DEFINE variables (its
// session). Messages are handled one at a time, in order; a push query streams its rows until
// LIMIT, an error, or the client going away (which cancels it).
import type { Socket } from 'node:net';
import type { Engine } from '../../src/engine/engine.js';
import type { StatementResult, PushRows } from '../../src/engine/statement-result.js';
import type { Statement } from '../../grammar/ast.js';
import { RequestScope } from '../rest/request-scope.js';
import { BufferWriter } from './buffer-writer.js';
import { FrameReader, type Frame } from './frame-reader.js';
import { readStartup, parameterStatuses } from './startup.js';
import * as m from './backend-messages.js';
import { pgColumn, type PgColumn } from './pg-types.js';
import { pgError, type PgError } from './sqlstate.js';
import { commandTag } from './command-tag.js';

/** Extended-protocol messages: answered with one error, then skipped until Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

const SAID_BY_TAG = /^(Stream|Table) created$/;

export class PgConnection {
  private readonly reader = new FrameReader();
  private readonly w = new BufferWriter();
  private readonly scope = new RequestScope(undefined, undefined);
  /** Frames are handled in arrival order, each after the previous one finished. */
  private chain: Promise<void> = Promise.resolve();
  private skippingUntilSync = false;
  private push: PushRows | undefined;
  private closed = false;

  constructor(private readonly socket: Socket, private readonly engine: Engine, private readonly pid: number, private readonly secret: number) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => this.close());
  }

  /** Ends the connection and its running push query. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.push?.cancel().catch(() => undefined);
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch {
      this.close(); // a broken length: nothing after it can be framed
      return;
    }
    for (const f of frames) this.chain = this.chain.then(() => (this.closed ? undefined : this.handle(f))).catch(() => this.close());
  }

  private async handle(f: Frame): Promise<void> {
    if (f.kind === 'startup') return this.startup(f.body);
    switch (f.code) {
      case 'Q': return this.simpleQuery(f.body.toString('utf8', 0, Math.max(0, f.body.length - 1)));
      case 'X': this.close(); return;
      case 'S':
        this.skippingUntilSync = false;
        m.readyForQuery(this.w);
        return this.send();
      default:
        if (this.skippingUntilSync) return;
        if (EXTENDED.has(f.code)) {
          // The error goes out now: some clients wait for it before they send Sync.
          this.skippingUntilSync = true;
          m.errorResponse(this.w, { code: '0A000', message: 'extended query protocol not supported yet: use the simple query protocol' });
          return this.send();
        }
        m.errorResponse(this.w, { code: '08P01', message: `unexpected message type '${f.code}'` });
        m.readyForQuery(this.w);
        return this.send();
    }
  }

  private async startup(body: Buffer): Promise<void> {
    const req = readStartup(body);
    switch (req.kind) {
      case 'ssl': case 'gssenc':
        this.socket.write('N'); // no TLS yet: the client goes on in plain text
        return;
      case 'cancel':
        this.close(); // not supported yet: the client waits for EOF
        return;
      case 'unsupported':
        m.errorResponse(this.w, { code: '0A000', message: `unsupported frontend protocol ${req.version >>> 16}.${req.version & 0xffff}: Eddy speaks 3.0` });
        await this.send();
        this.close();
        return;
      case 'startup':
        m.authenticationOk(this.w);
        for (const [name, value] of parameterStatuses(req.params)) m.parameterStatus(this.w, name, value);
        m.backendKeyData(this.w, this.pid, this.secret);
        m.readyForQuery(this.w);
        return this.send();
    }
  }

  /** A Query: its statements in order; the first error ends it. Always ends with ReadyForQuery. */
  private async simpleQuery(text: string): Promise<void> {
    try {
      const statements = this.engine.split(text);
      if (statements.length === 0) m.emptyQueryResponse(this.w);
      for (const st of statements) {
        if (this.closed) return;
        const s = this.engine.parse(st, this.scope.variables);
        if (this.scope.apply(s)) { m.commandComplete(this.w, commandTag(s)); continue; }
        await this.engine.settle();
        await this.result(s, await this.engine.execute(s, { properties: this.scope.properties }));
      }
    } catch (e) {
      this.error(pgError(e, text));
    }
    if (this.closed) return;
    m.readyForQuery(this.w);
    await this.send();
  }

  private async result(s: Statement, r: StatementResult): Promise<void> {
    if (r.kind === 'message') {
      // The tag already says "created"; anything more (a query id, "already exists") is news.
      if (r.message && !SAID_BY_TAG.test(r.message)) this.notice(r.message);
      m.commandComplete(this.w, commandTag(s));
      return;
    }
    const columns = r.columns.map((c) => pgColumn(c.name, c.type));
    m.rowDescription(this.w, columns);
    if (r.kind === 'rows') {
      for (const row of r.rows) m.dataRow(this.w, columns, row);
      m.commandComplete(this.w, `SELECT ${r.rows.length}`);
      return;
    }
    await this.stream(r.rows, columns);
  }

  /** A push query's rows, each sent as it arrives, until it ends or the client goes away. */
  private async stream(rows: PushRows, columns: PgColumn[]): Promise<void> {
    this.push = rows;
    let n = 0;
    try {
      await this.send();
      for await (const row of rows) {
        if (this.closed) break;
        m.dataRow(this.w, columns, row);
        n++;
        await this.send();
      }
    } finally {
      this.push = undefined;
      if (this.closed) await rows.cancel().catch(() => undefined);
    }
    m.commandComplete(this.w, `SELECT ${n}`);
  }

  private error(e: PgError): void { m.errorResponse(this.w, e); }

  private notice(message: string): void {
    this.w.begin('N').byte(0x53).cstring('NOTICE').byte(0x56).cstring('NOTICE').byte(0x43).cstring('00000').byte(0x4d).cstring(message).byte(0).end();
  }

  /** Writes what is buffered; waits while the socket's buffer is full (a slow client). */
  private async send(): Promise<void> {
    if (this.w.length === 0 || this.closed) return;
    if (this.socket.write(this.w.flush())) return;
    await new Promise<void>((resolve) => {
      const done = (): void => { this.socket.off('drain', done); this.socket.off('close', done); resolve(); };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }
}
