// A portal running one Eddy statement through the engine, with the connection's SET properties
// and DEFINE variables. It starts on first need: Execute, or Describe for statements that return
// rows (their columns are known only once planned; SHOW and pull queries are cheap to run).
import type { Statement } from '../../grammar/ast.js';
import type { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import type { RequestScope } from '../rest/request-scope.js';
import type { PgColumn } from './pg-types.js';
import { pgColumn } from './pg-types.js';
import { RowsPortal, type Portal, type PortalHost } from './portal.js';
import { RowSource } from './row-source.js';
import { commandTag } from './command-tag.js';
import * as m from './backend-messages.js';

/** Statement kinds whose result is rows (RowDescription), not a message (NoData). */
export const ROW_KINDS: ReadonlySet<Statement['kind']> = new Set(['Query', 'Show', 'Describe', 'DescribeFunction', 'DescribeModel', 'DescribeConnector', 'Explain', 'Print']);

const SAID_BY_TAG = /^(Stream|Table) created$/;

type Started = { kind: 'command'; tag: string; message?: string } | { kind: 'rows'; portal: RowsPortal };

export interface EddyPortalOptions {
  /** psql buffers a plain push query's rows until it ends: tell its user how to see them live. */
  hintLiveOutput?: boolean;
}

export class EddyPortal implements Portal {
  private started: Promise<Started> | undefined;
  private closed = false;

  constructor(private readonly engine: Engine, private readonly scope: RequestScope, readonly statement: Statement,
    private readonly formats: number[] = [], private readonly options: EddyPortalOptions = {}) {}

  get returnsRows(): boolean { return ROW_KINDS.has(this.statement.kind); }

  async describe(host: PortalHost): Promise<PgColumn[] | undefined> {
    if (!this.returnsRows) return undefined;
    const s = await this.start(host);
    return s.kind === 'rows' ? s.portal.columns : undefined;
  }

  async execute(host: PortalHost, maxRows: number): Promise<'suspended' | 'done'> {
    const s = await this.start(host);
    if (s.kind === 'rows') return s.portal.execute(host, maxRows);
    // The tag already says "created"; anything more (a query id, "already exists") is news.
    if (s.message && !SAID_BY_TAG.test(s.message)) m.noticeResponse(host.w, 'NOTICE', '00000', s.message);
    m.commandComplete(host.w, s.tag);
    return 'done';
  }

  /** Its rows, started (DECLARE and COPY read a query's rows themselves). */
  async rows(host: PortalHost): Promise<RowsPortal> {
    const s = await this.start(host);
    if (s.kind !== 'rows') throw new Error('the statement returns no rows');
    return s.portal;
  }

  async close(): Promise<void> {
    this.closed = true;
    const s = await this.started?.catch(() => undefined);
    if (s?.kind === 'rows') await s.portal.close();
  }

  private start(host: PortalHost): Promise<Started> {
    this.started ??= this.run(host);
    return this.started;
  }

  private async run(host: PortalHost): Promise<Started> {
    const s = this.statement;
    if (this.scope.apply(s)) return { kind: 'command', tag: commandTag(s) };
    // Reads see what earlier statements caused (settle); an INSERT reads nothing and need not wait.
    const settled = s.kind === 'InsertValues' ? Promise.resolve() : this.engine.settle();
    const running = settled.then(() => this.engine.execute(s, { properties: this.scope.properties }));
    let abandoned = false;
    // A cancel or disconnect stops waiting; a push query that starts anyway is stopped.
    void running.then((r) => { if ((abandoned || this.closed) && r.kind === 'stream') void r.rows.cancel(); }, () => undefined);
    let r: StatementResult;
    try {
      r = await Promise.race([running, host.stop]);
    } catch (e) {
      abandoned = true;
      throw e;
    }
    if (r.kind === 'message') return { kind: 'command', tag: commandTag(s), message: r.message };
    const columns = r.columns.map((c) => pgColumn(c.name, c.type));
    if (r.kind === 'stream' && r.warning) for (const w of r.warning.split('\n')) m.noticeResponse(host.w, 'WARNING', '01000', w.replace(/^Warning: /, ''));
    if (r.kind === 'stream' && this.options.hintLiveOutput) {
      m.noticeResponse(host.w, 'WARNING', '01000', 'psql shows a push query\'s rows only when it ends (LIMIT, or Ctrl-C loses them)',
        `To see rows as they arrive, run COPY (${s.text.trim().replace(/;$/, '')}) TO STDOUT; or \\set FETCH_COUNT 1 first.`);
    }
    return { kind: 'rows', portal: new RowsPortal(columns, new RowSource(r.rows), this.formats) };
  }
}
