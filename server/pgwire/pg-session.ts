// A Postgres client's session: its Eddy SET properties and DEFINE variables, its Postgres
// settings, its cursors and its transaction status. Turns one statement's text (parameters
// bound) into a portal: a session command, a catalog answer, or an Eddy statement.
import type { Engine, ScriptStatement } from '../../src/engine/engine.js';
import { RequestScope } from '../rest/request-scope.js';
import { answerPostgresQuery, type PgSessionInfo, type CatalogAnswer } from './catalog/postgres-query.js';
import { sessionCommand, type SessionCommand } from './session-commands.js';
import { CommandPortal, CopyInPortal, CopyOutPortal, RowsPortal, type Portal, type PortalHost } from './portal.js';
import { badNote, copyLines } from '../../src/engine/execute-copy.js';
import { EddyPortal, ROW_KINDS } from './eddy-portal.js';
import { RowSource } from './row-source.js';
import { OID, pgColumn, textColumn, type PgColumn } from './pg-types.js';
import { oidOf } from './parameters.js';
import { binaryCopyLines } from './copy-binary.js';
import { postgresName, postgresNames } from './postgres-names.js';
import { PgProtocolError } from './sqlstate.js';
import { expandFormats } from './message-reader.js';
import * as m from './backend-messages.js';

/** What the session asks of its connection. */
export interface SessionHooks {
  /** DEALLOCATE: forget a prepared statement (undefined: all of them). */
  deallocate(name: string | undefined): void;
  /** A setting the client tracks changed: send ParameterStatus. */
  reported(host: PortalHost, name: string, value: string): void;
}

/** Where a statement came from: psql's plain push queries get a hint about live output. */
export interface PortalOrigin { simpleQuery: boolean }

export class PgSession {
  readonly scope = new RequestScope(undefined, undefined);
  /** Cursors by name; `inTransaction` ones close when the transaction ends. */
  private readonly cursors = new Map<string, { portal: RowsPortal; inTransaction: boolean }>();
  status: m.TxStatus = 'I';

  constructor(readonly engine: Engine, readonly info: PgSessionInfo, private readonly hooks: SessionHooks) {}

  /** A portal for one statement. Throws (PgProtocolError, SqlError) for one that cannot run. */
  portal(st: ScriptStatement, formats: number[], origin: PortalOrigin): Portal {
    const cmd = sessionCommand(st);
    if (this.status === 'E' && cmd?.kind !== 'commit' && cmd?.kind !== 'rollback') {
      throw new PgProtocolError('25P02', 'current transaction is aborted, commands ignored until end of transaction block');
    }
    if (cmd) return this.command(cmd, formats);
    const answer = answerPostgresQuery(st.text, { engine: this.engine, session: this.info });
    if (answer) return this.catalogPortal(answer, formats);
    const s = this.engine.parse(postgresNames(st, this.engine.state), this.scope.variables);
    return new EddyPortal(this.engine, this.scope, s, formats, { hintLiveOutput: origin.simpleQuery && this.info.applicationName === 'psql' });
  }

  /** Checks a statement as Parse does: syntax, and for a query its names and types (planned, not run). */
  async check(st: ScriptStatement): Promise<void> {
    const p = this.portal(st, [], { simpleQuery: false });
    if (p instanceof EddyPortal && p.statement.kind === 'Query') this.engine.queryColumns(p.statement, this.scope.properties);
    await p.close();
  }

  /** The columns a statement would return, without running it when it has effects (Describe of a statement). */
  async describe(st: ScriptStatement, host: PortalHost): Promise<PgColumn[] | undefined> {
    const cmd = sessionCommand(st);
    if (cmd) return cmd.kind === 'fetch' && !cmd.move ? this.cursor(cmd.name).columns : undefined;
    const answer = answerPostgresQuery(st.text, { engine: this.engine, session: this.info });
    if (answer) return answer.kind === 'rows' ? answer.result.columns.map((c) => textColumn(c.name, c.oid)) : undefined;
    const s = this.engine.parse(postgresNames(st, this.engine.state), this.scope.variables);
    if (s.kind === 'Query') return this.engine.queryColumns(s, this.scope.properties).map((c) => pgColumn(c.name, c.type));
    if (!ROW_KINDS.has(s.kind)) return undefined;
    const p = new EddyPortal(this.engine, this.scope, s); // SHOW, DESCRIBE, EXPLAIN: no effects
    try { return await p.describe(host); } finally { await p.close(); }
  }

  /** The statement failed: a transaction block can only be ended now. */
  failed(): void { if (this.status === 'T') this.status = 'E'; }

  /** Ends the session: every cursor's query stops. */
  async close(): Promise<void> {
    for (const c of this.cursors.values()) await c.portal.close();
    this.cursors.clear();
  }

  private command(c: SessionCommand, formats: number[]): Portal {
    switch (c.kind) {
      case 'begin': return new CommandPortal(async (host) => {
        if (this.status !== 'I') m.noticeResponse(host.w, 'WARNING', '25001', 'there is already a transaction in progress');
        this.status = 'T';
        return 'BEGIN';
      });
      case 'commit': case 'rollback': return new CommandPortal(async (host) => {
        if (this.status === 'I') m.noticeResponse(host.w, 'WARNING', '25P01', 'there is no transaction in progress');
        const tag = c.kind === 'commit' && this.status !== 'E' ? 'COMMIT' : 'ROLLBACK';
        this.status = 'I';
        await this.closeCursors((x) => x.inTransaction);
        return tag;
      });
      case 'declare': return new CommandPortal(async (host) => {
        if (this.cursors.has(c.name)) throw new PgProtocolError('42P03', `cursor "${c.name}" already exists`);
        const s = this.engine.parse(postgresNames(c.query, this.engine.state), this.scope.variables);
        if (!ROW_KINDS.has(s.kind)) throw new PgProtocolError('42601', 'DECLARE CURSOR needs a statement that returns rows (a SELECT)');
        const rows = await new EddyPortal(this.engine, this.scope, s, formats).rows(host);
        this.cursors.set(c.name, { portal: rows, inTransaction: this.status === 'T' });
        return 'DECLARE CURSOR';
      });
      case 'fetch': {
        const cursor = this.cursor(c.name);
        const word = c.move ? 'MOVE' : 'FETCH';
        return {
          describe: async () => (c.move ? undefined : cursor.columns),
          execute: async (host) => {
            const saved = cursor.formats;
            cursor.formats = expandFormats(formats, cursor.columns.length);
            try {
              const n = await cursor.fetch(host, c.count, c.timeoutMs, !c.move);
              m.commandComplete(host.w, `${word} ${n}`);
            } finally {
              cursor.formats = saved;
            }
            return 'done';
          },
          close: async () => undefined,
        };
      }
      case 'close': return new CommandPortal(async () => {
        if (c.name === undefined) { await this.closeCursors(() => true); return 'CLOSE CURSOR ALL'; }
        const x = this.cursors.get(c.name);
        if (!x) throw new PgProtocolError('34000', `cursor "${c.name}" does not exist`);
        this.cursors.delete(c.name);
        await x.portal.close();
        return 'CLOSE CURSOR';
      });
      case 'copyOut': return new CopyOutPortal(async (host) => {
        const s = this.engine.parse(postgresNames(c.query, this.engine.state), this.scope.variables);
        if (!ROW_KINDS.has(s.kind)) throw new PgProtocolError('42601', 'COPY (...) TO STDOUT needs a statement that returns rows');
        return new EddyPortal(this.engine, this.scope, s).rows(host);
      }, c.format, c.header, c.delimiter, c.nullString);
      case 'copyIn': return this.copyIn(c);
      case 'discard': return new CommandPortal(async () => {
        await this.closeCursors(() => true);
        this.hooks.deallocate(undefined);
        return 'DISCARD ALL';
      });
      case 'deallocate': return new CommandPortal(async () => {
        this.hooks.deallocate(c.name);
        return c.name === undefined ? 'DEALLOCATE ALL' : 'DEALLOCATE';
      });
    }
  }

  /**
   * COPY name FROM STDIN: the client's lines load into the stream's topic as COPY name FROM
   * 'file' loads a file's (a bad line goes to the processing log, the rest load; a NOTICE says
   * how many were bad). The target is checked before the data is asked for.
   */
  private copyIn(c: Extract<SessionCommand, { kind: 'copyIn' }>): Portal {
    const state = this.engine.state;
    const target = state.catalog.require(postgresName(c.target, (n) => state.catalog.get(n) !== undefined));
    if (target.readOnly || target.system) throw new PgProtocolError('42809', `cannot copy into read-only ${target.name}`);
    const all = [...target.schema.key, ...target.schema.value];
    const has = (n: string): boolean => all.some((col) => col.name === n);
    const names = c.columns?.map((n) => postgresName(n, has));
    const listed = names?.map((n) => all.find((col) => col.name === n) ?? n);
    const columns = listed ?? all;
    const binary = c.format === 'BINARY';
    // Binary rows are read as the columns' types and loaded as text-format lines (copy-binary.ts).
    const oids = binary ? columns.map((col) => (typeof col === 'string' ? OID.TEXT : oidOf(col.type))) : [];
    return new CopyInPortal(c.format === 'JSON' ? 0 : columns.length, async (data, host) => {
      const lines = binary ? binaryCopyLines(data.chunks(host.stop), oids, columns.map((col) => (typeof col === 'string' ? col : col.name))) : data.lines(host.stop);
      const copy = await copyLines(state, target, {
        format: c.format === 'BINARY' ? 'PG_TEXT' : c.format, header: c.header, columns: names, delimiter: binary ? undefined : c.delimiter,
        nullString: binary ? undefined : c.nullString, lines, where: 'STDIN',
      });
      if (copy.copied === 0 && copy.bad > 0) {
        throw new PgProtocolError('22P04', `no line of the COPY data could be loaded into ${target.name}${badNote(copy.bad)}; the first: ${copy.firstBad}`);
      }
      if (copy.bad > 0) m.noticeResponse(host.w, 'WARNING', '22P04', `${copy.bad} bad line${copy.bad === 1 ? '' : 's'} sent to the processing log; the first: ${copy.firstBad}`);
      return copy.copied;
    }, binary);
  }

  /** A cursor DECLAREd in this session, if there is one by this name. */
  declaredCursor(name: string): RowsPortal | undefined { return this.cursors.get(name)?.portal; }

  private cursor(name: string): RowsPortal {
    const x = this.cursors.get(name);
    if (!x) throw new PgProtocolError('34000', `cursor "${name}" does not exist`);
    return x.portal;
  }

  private async closeCursors(which: (c: { inTransaction: boolean }) => boolean): Promise<void> {
    for (const [name, c] of this.cursors) {
      if (!which(c)) continue;
      this.cursors.delete(name);
      await c.portal.close();
    }
  }

  private catalogPortal(a: CatalogAnswer, formats: number[]): Portal {
    switch (a.kind) {
      case 'error': throw new PgProtocolError(a.code, a.message, a.hint);
      case 'command': return new CommandPortal(async (host) => {
        for (const [name, value] of a.reported ?? []) this.hooks.reported(host, name, value);
        return a.tag;
      });
      case 'rows': {
        const columns = a.result.columns.map((c) => textColumn(c.name, c.oid));
        const tag = a.result.tag;
        return new RowsPortal(columns, new RowSource(a.result.rows), formats, tag.startsWith('SELECT') ? undefined : () => tag);
      }
    }
  }
}
