// The extended query protocol: Parse (prepared statements with $n parameters), Bind (portals with
// parameter values and result formats), Describe, Execute (with a row limit: PortalSuspended)
// and Close. What pg-cursor, postgres.js, psycopg and pgjdbc send.
import type { Engine, ScriptStatement } from '../../src/engine/engine.js';
import type { PgSession } from './pg-session.js';
import type { Portal, PortalHost } from './portal.js';
import { MessageReader, expandFormats } from './message-reader.js';
import { parameterCount, inferParameterTypes, bindParameters } from './parameters.js';
import { PgProtocolError } from './sqlstate.js';
import * as m from './backend-messages.js';

/** What the protocol needs from its connection. */
export interface ExtendedHost extends PortalHost {
  readonly engine: Engine;
  readonly session: PgSession;
  /** Runs `f` as the statement a CancelRequest applies to. */
  run<T>(f: () => Promise<T>): Promise<T>;
}

interface Prepared { st: ScriptStatement; types: number[] }
interface BoundPortal { portal: Portal; formats: number[]; done: boolean; text: string }

/** A value of a parameter's type, in text format, for planning a statement before its Bind. */
function sampleValue(oid: number): Buffer {
  switch (oid) {
    case 16: return Buffer.from('false');
    case 26: return Buffer.from('0');
    case 2950: return Buffer.from('00000000-0000-0000-0000-000000000000');
    case 20: case 21: case 23: case 700: case 701: case 1700: return Buffer.from('0');
    case 1082: return Buffer.from('1970-01-01');
    case 1083: return Buffer.from('00:00:00');
    case 1114: case 1184: return Buffer.from('1970-01-01 00:00:00');
    case 17: return Buffer.from('\\x');
    case 114: case 3802: return Buffer.from('{}');
    default: return Buffer.from('');
  }
}

/** The portal of an empty statement: EmptyQueryResponse. */
const EMPTY: Portal = { describe: async () => undefined, execute: async () => 'done', close: async () => undefined };

export class ExtendedQuery {
  private readonly statements = new Map<string, Prepared>();
  private readonly portals = new Map<string, BoundPortal>();
  /** The statement text of the message being handled: error positions point into it. */
  messageText: string | undefined;

  constructor(private readonly host: ExtendedHost) {}

  /** DEALLOCATE: forgets a prepared statement (undefined: all). */
  deallocate(name: string | undefined): void {
    if (name === undefined) this.statements.clear();
    else this.statements.delete(name);
  }

  async handle(code: string, r: MessageReader): Promise<void> {
    switch (code) {
      case 'P': return this.parse(r);
      case 'B': return this.bind(r);
      case 'D': return this.describe(r);
      case 'E': return this.execute(r);
      case 'C': return this.closeMessage(r);
    }
  }

  /** Parse: a prepared statement (one statement; `$n` parameters), checked now when it has none. */
  private async parse(r: MessageReader): Promise<void> {
    const name = r.cstring();
    const text = r.cstring();
    const declared: number[] = [];
    for (let i = r.int16(); i > 0; i--) declared.push(r.int32());
    this.messageText = text;
    if (name !== '' && this.statements.has(name)) throw new PgProtocolError('42P05', `prepared statement "${name}" already exists`);
    const statements = this.host.engine.split(text);
    if (statements.length > 1) throw new PgProtocolError('42601', 'cannot insert multiple commands into a prepared statement');
    const st: ScriptStatement = statements[0] ?? { text: '', line: 1, column: 1, offset: 0 };
    if (st.text.trim() !== '' && parameterCount(st.text) === 0) {
      // Syntax errors come at Parse, as Postgres reports them; a portal is made again at Bind.
      await this.host.session.check(st);
    }
    let types: number[];
    try {
      types = inferParameterTypes(st.text, declared, this.host.engine);
    } catch {
      types = Array.from({ length: Math.max(parameterCount(st.text), declared.length) }, (_, i) => declared[i] || 25);
    }
    this.statements.set(name, { st, types });
    m.parseComplete(this.host.w);
  }

  /** Bind: a portal of a prepared statement with its parameter values and result formats. */
  private async bind(r: MessageReader): Promise<void> {
    const portalName = r.cstring();
    const statementName = r.cstring();
    const paramFormats = r.int16s();
    const values: (Buffer | null)[] = [];
    for (let i = r.int16(); i > 0; i--) values.push(r.value());
    const resultFormats = r.int16s();
    const prepared = this.statement(statementName);
    if (values.length !== prepared.types.length) {
      throw new PgProtocolError('08P01', `bind message supplies ${values.length} parameters, but prepared statement "${statementName}" requires ${prepared.types.length}`);
    }
    if (portalName !== '' && this.portals.has(portalName)) throw new PgProtocolError('42P03', `portal "${portalName}" already exists`);
    await this.closePortal(portalName);
    const text = values.length === 0 ? prepared.st.text : bindParameters(prepared.st.text, values, expandFormats(paramFormats, values.length), prepared.types);
    const st = { ...prepared.st, text };
    this.messageText = text;
    const portal: Portal = text.trim() === '' ? EMPTY : this.host.session.portal(st, resultFormats, { simpleQuery: false });
    this.portals.set(portalName, { portal, formats: resultFormats, done: false, text });
    m.bindComplete(this.host.w);
  }

  /** Describe: a statement's parameter types and columns, or a portal's columns (in its formats). */
  private async describe(r: MessageReader): Promise<void> {
    const kind = String.fromCharCode(r.byte());
    const name = r.cstring();
    if (kind === 'S') {
      const prepared = this.statement(name);
      m.parameterDescription(this.host.w, prepared.types);
      // Columns are planned with a sample value of each parameter's type (NULL would not type-check).
      const st = prepared.types.length === 0 ? prepared.st
        : { ...prepared.st, text: bindParameters(prepared.st.text, prepared.types.map(sampleValue), prepared.types.map(() => 0), prepared.types) };
      const columns = st.text.trim() === '' ? undefined : await this.host.run(() => this.host.session.describe(st, this.host));
      if (columns) m.rowDescription(this.host.w, columns);
      else m.noData(this.host.w);
      return;
    }
    if (kind !== 'P') throw new PgProtocolError('08P01', `invalid DESCRIBE message subtype ${kind}`);
    // A cursor made by DECLARE is a portal too (psycopg's named cursors Describe it by name).
    const cursor = this.portals.has(name) ? undefined : this.host.session.declaredCursor(name);
    if (cursor) { m.rowDescription(this.host.w, cursor.columns, cursor.formats); return; }
    const p = this.boundPortal(name);
    const columns = await this.host.run(() => p.portal.describe(this.host));
    if (columns) m.rowDescription(this.host.w, columns, expandFormats(p.formats, columns.length));
    else m.noData(this.host.w);
  }

  /** Execute: the portal's rows up to the row limit (then PortalSuspended), or to its end. */
  private async execute(r: MessageReader): Promise<void> {
    const name = r.cstring();
    const maxRows = r.int32();
    const p = this.boundPortal(name);
    this.messageText = p.text;
    if (p.portal === EMPTY) { m.emptyQueryResponse(this.host.w); return; }
    if (p.done) { m.commandComplete(this.host.w, 'SELECT 0'); return; }
    try {
      const outcome = await this.host.run(() => p.portal.execute(this.host, Math.max(0, maxRows)));
      if (outcome === 'done') p.done = true;
    } catch (e) {
      // A failed portal cannot resume: its query stops now.
      this.portals.delete(name);
      await p.portal.close();
      throw e;
    }
  }

  private async closeMessage(r: MessageReader): Promise<void> {
    const kind = String.fromCharCode(r.byte());
    const name = r.cstring();
    if (kind === 'S') this.statements.delete(name);
    else if (kind === 'P') await this.closePortal(name);
    else throw new PgProtocolError('08P01', `invalid CLOSE message subtype ${kind}`);
    m.closeComplete(this.host.w);
  }

  private statement(name: string): Prepared {
    const p = this.statements.get(name);
    if (!p) throw new PgProtocolError('26000', name === '' ? 'unnamed prepared statement does not exist' : `prepared statement "${name}" does not exist`);
    return p;
  }

  private boundPortal(name: string): BoundPortal {
    const p = this.portals.get(name);
    if (!p) throw new PgProtocolError('34000', name === '' ? 'unnamed portal does not exist' : `portal "${name}" does not exist`);
    return p;
  }

  async closePortal(name: string): Promise<void> {
    const p = this.portals.get(name);
    if (!p) return;
    this.portals.delete(name);
    await p.portal.close();
  }

  async closePortals(which: (name: string) => boolean): Promise<void> {
    for (const name of [...this.portals.keys()]) if (which(name)) await this.closePortal(name);
  }
}
