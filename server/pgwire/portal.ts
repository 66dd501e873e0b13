// A portal: a statement ready to run, whose results the client reads. The simple query
// protocol runs each statement as one portal to its end; the extended protocol's Execute may
// stop after a number of rows (PortalSuspended) and resume; FETCH reads a cursor's portal.
import type { BufferWriter } from './buffer-writer.js';
import type { PgColumn } from './pg-types.js';
import * as m from './backend-messages.js';
import { RowSource, TIMEOUT } from './row-source.js';
import { expandFormats } from './message-reader.js';
import type { CopyIn } from './copy-in.js';
import { PgProtocolError } from './sqlstate.js';
import { csvCell, textCell } from './copy-cells.js';

/** The first 11 bytes of COPY's binary format: PGCOPY\n\377\r\n\0. */
const BINARY_COPY_SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);

/** What a running portal writes to and waits on. */
export interface PortalHost {
  readonly w: BufferWriter;
  /** Sends what is buffered; resolves when the socket can take more (a slow client waits here). */
  flush(): Promise<void>;
  /** Rejects when the statement is cancelled or the client goes away. */
  readonly stop: Promise<never>;
  /**
   * Starts taking the client's CopyData messages (COPY FROM STDIN), until the CopyIn is closed;
   * absent where there is no client connection to read them from.
   */
  copyIn?(): CopyIn;
}

export interface Portal {
  /** The columns of its rows (RowDescription), or undefined when it returns none (NoData). */
  describe(host: PortalHost): Promise<PgColumn[] | undefined>;
  /** Runs it: rows until `maxRows` (0: no limit) then 'suspended', or to its end with CommandComplete. */
  execute(host: PortalHost, maxRows: number): Promise<'suspended' | 'done'>;
  /** Frees it (stops a push query). */
  close(): Promise<void>;
}

/** Bytes buffered before a flush even while more rows are ready. */
const FLUSH_BYTES = 64 * 1024;

const selectTag = (n: number): string => `SELECT ${n}`;

/** Rows written with `formats`; CommandComplete `SELECT n` (n rows in this Execute) unless `tag` says otherwise. */
export class RowsPortal implements Portal {
  /** One format code per column. */
  formats: number[];

  constructor(readonly columns: PgColumn[], readonly source: RowSource, formats: readonly number[] = [], private readonly tag: (n: number) => string = selectTag) {
    this.formats = expandFormats(formats, columns.length);
  }

  async describe(): Promise<PgColumn[]> { return this.columns; }

  async execute(host: PortalHost, maxRows: number): Promise<'suspended' | 'done'> {
    let n = 0;
    for (;;) {
      if (maxRows > 0 && n === maxRows) { m.portalSuspended(host.w); return 'suspended'; }
      if (this.source.live && this.source.ready() === 0 && host.w.length > 0) await host.flush();
      const row = await this.source.next(host.stop);
      if (row === undefined || row === TIMEOUT) break;
      m.dataRow(host.w, this.columns, row, this.formats);
      n++;
      if (host.w.length >= FLUSH_BYTES) await host.flush();
    }
    m.commandComplete(host.w, this.tag(n));
    return 'done';
  }

  /**
   * FETCH/MOVE: up to `count` rows ('all': a finite result's rest, or a push query's rows ready
   * once at least one is), waiting at most `timeoutMs` when given. Returns how many.
   */
  async fetch(host: PortalHost, count: number | 'all', timeoutMs: number | undefined, write: boolean): Promise<number> {
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    let n = 0;
    for (;;) {
      if (count !== 'all' && n >= count) break;
      // FETCH ALL on a push query: after the first row, only what is ready now.
      if (count === 'all' && this.source.live && n > 0 && this.source.ready() === 0) break;
      if (this.source.live && this.source.ready() === 0 && host.w.length > 0) await host.flush();
      const row = await this.source.next(host.stop, deadline);
      if (row === undefined || row === TIMEOUT) break;
      if (write) m.dataRow(host.w, this.columns, row, this.formats);
      n++;
      if (host.w.length >= FLUSH_BYTES) await host.flush();
    }
    return n;
  }

  close(): Promise<void> { return this.source.close(); }
}

/** A statement that returns no rows: runs once, then CommandComplete with its tag. */
export class CommandPortal implements Portal {
  private ran = false;
  constructor(private readonly run: (host: PortalHost) => Promise<string>) {}

  async describe(): Promise<undefined> { return undefined; }

  async execute(host: PortalHost): Promise<'done'> {
    if (this.ran) throw new Error('the portal has already run');
    this.ran = true;
    m.commandComplete(host.w, await this.run(host));
    return 'done';
  }

  async close(): Promise<void> { /* nothing held */ }
}

/**
 * COPY ... FROM STDIN: CopyInResponse, then `load` reads the client's data and says how many
 * rows it loaded (COPY n); a failure (CopyFail, a bad target) is the statement's error.
 */
export class CopyInPortal implements Portal {
  constructor(private readonly columns: number, private readonly load: (data: CopyIn, host: PortalHost) => Promise<number>, private readonly binary = false) {}

  async describe(): Promise<undefined> { return undefined; }

  async execute(host: PortalHost): Promise<'done'> {
    if (!host.copyIn) throw new PgProtocolError('0A000', 'COPY FROM STDIN needs a client connection');
    const data = host.copyIn();
    try {
      m.copyInResponse(host.w, this.columns, this.binary);
      await host.flush();
      const n = await this.load(data, host);
      m.commandComplete(host.w, `COPY ${n}`);
      return 'done';
    } finally {
      data.close(); // later CopyData, CopyDone and CopyFail are dropped, as Postgres drops them
    }
  }

  async close(): Promise<void> { /* the data is closed by execute */ }
}

/** COPY (query) TO STDOUT: CopyOutResponse, a CopyData per row, CopyDone, `COPY n`. */
export class CopyOutPortal implements Portal {
  private readonly csv: boolean;
  private readonly delimiter: string;
  private readonly nullString: string;

  constructor(private readonly rows: (host: PortalHost) => Promise<RowsPortal>, private readonly format: 'text' | 'csv' | 'binary', private readonly header: boolean,
    delimiter?: string, nullString?: string) {
    this.csv = format === 'csv';
    this.delimiter = delimiter ?? (this.csv ? ',' : '\t');
    this.nullString = nullString ?? (this.csv ? '' : '\\N');
  }

  async describe(): Promise<undefined> { return undefined; }

  async execute(host: PortalHost): Promise<'done'> {
    const p = await this.rows(host);
    try {
      const cols = p.columns;
      const binary = this.format === 'binary';
      m.copyOutResponse(host.w, cols.length, binary);
      // Binary: the file header goes in the first row's CopyData (or the trailer's), as Postgres
      // sends it; psycopg reads a tuple after the header in the same message.
      let header = binary;
      const binaryHeader = (): void => {
        if (header) host.w.bytes(BINARY_COPY_SIGNATURE).int32(0).int32(0); // no flags, no header extension
        header = false;
      };
      if (!binary && this.header) m.copyData(host.w, this.line(cols.map((c) => c.name)));
      await host.flush();
      const cells: (string | null)[] = new Array(cols.length);
      let n = 0;
      for (;;) {
        if (p.source.ready() === 0 && host.w.length > 0) await host.flush();
        const row = await p.source.next(host.stop);
        if (row === undefined || row === TIMEOUT) break;
        if (binary) {
          // A tuple: its field count, then each field's length (-1: NULL) and bytes in the column type's binary format.
          host.w.begin('d');
          binaryHeader();
          const w = host.w.int16(cols.length);
          for (let i = 0; i < cols.length; i++) w.bytesField(cols[i].binary(row[i]));
          w.end();
        } else {
          for (let i = 0; i < cols.length; i++) cells[i] = cols[i].write(row[i]);
          m.copyData(host.w, this.line(cells));
        }
        n++;
        if (host.w.length >= FLUSH_BYTES) await host.flush();
      }
      if (binary) {
        host.w.begin('d');
        binaryHeader();
        host.w.int16(-1).end(); // the file trailer
      }
      m.copyDone(host.w);
      m.commandComplete(host.w, `COPY ${n}`);
      return 'done';
    } finally {
      await p.close();
    }
  }

  /** One row in COPY's text format (backslash escapes) or CSV, with the COPY's delimiter and NULL. */
  private line(cells: readonly (string | null)[]): string {
    const d = this.delimiter;
    const n = this.nullString;
    let out = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) out += d;
      out += this.csv ? csvCell(cells[i], d, n) : textCell(cells[i], d, n);
    }
    return out + '\n';
  }

  async close(): Promise<void> { /* the rows are closed by execute */ }
}
