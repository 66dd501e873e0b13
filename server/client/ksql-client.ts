// A small client of a ksqlDB REST server (Eddy's or ksqlDB's), over HTTP/1.1 with Node's fetch:
// statements through POST /ksql (the entity list, or a thrown KsqlRestError), queries through
// POST /query-stream (delimited rows, read as they arrive) and POST /close-query.
import { KsqlRestError, restErrorFromBody } from './ksql-rest-error.js';
import { readDelimitedRows, type QueryMetadata } from './delimited-rows.js';

/** One entity of /ksql's answer: `@type` and the fields of its kind. */
export type KsqlEntity = { '@type': string; statementText?: string; warnings?: { message: string }[] } & Record<string, unknown>;

export interface RequestOptions {
  /** streamsProperties (SET) for this request only. */
  properties?: Record<string, string>;
  /** sessionVariables (DEFINE): substituted by the server. */
  variables?: Record<string, string>;
}

export interface QueryStream extends QueryMetadata {
  /** The rows as they arrive; ends at the query's LIMIT, close(), or the server ending it. */
  rows: AsyncIterable<unknown[]>;
  /** Asks the server to end the query (push queries) and stops reading. */
  close(): Promise<void>;
}

export interface KsqlClientOptions {
  /** How long a request may wait for its answer (a push query: for its first line). Default 120 s. */
  requestTimeoutMs?: number;
  /** HTTP Basic credentials (else any user:password@ in the URL). */
  user?: string;
  password?: string;
}

export class KsqlClient {
  readonly url: string;
  private readonly timeoutMs: number;

  private readonly headers: Record<string, string> = {};

  constructor(url: string, opts: KsqlClientOptions = {}) {
    // "localhost:8088" means http; user:password@ in the URL becomes HTTP Basic (fetch refuses it).
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    const user = opts.user ?? (u.username ? decodeURIComponent(u.username) : undefined);
    if (user !== undefined) {
      const password = opts.user !== undefined ? opts.password ?? '' : decodeURIComponent(u.password);
      const basic = Buffer.from(`${user}:${password}`).toString('base64');
      this.headers.authorization = `Basic ${basic}`;
      u.username = u.password = '';
    }
    this.url = u.toString().replace(/\/+$/, '');
    this.timeoutMs = opts.requestTimeoutMs ?? 120_000;
  }

  /** Runs statements through /ksql; the server's entities, or a KsqlRestError for its error entity. */
  async executeStatement(ksql: string, opts: RequestOptions = {}): Promise<KsqlEntity[]> {
    const res = await this.post('/ksql', { ksql, streamsProperties: opts.properties ?? {}, sessionVariables: opts.variables ?? {} },
      'application/json', AbortSignal.timeout(this.timeoutMs));
    const text = await res.text();
    const body = parseJson(text);
    if (!res.ok) throw restErrorFromBody(res.status, body ?? text);
    if (!Array.isArray(body)) throw new KsqlRestError(`/ksql answered something that is not an entity list: ${text.slice(0, 200)}`, res.status);
    return body as KsqlEntity[];
  }

  /** Starts a query through /query-stream; resolves once its metadata (column names, types) arrived. */
  async streamQuery(sql: string, opts: RequestOptions = {}): Promise<QueryStream> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const res = await this.post('/query-stream', { sql, properties: opts.properties ?? {}, sessionVariables: opts.variables ?? {} },
        'application/vnd.ksqlapi.delimited.v1', abort.signal);
      if (!res.ok || !res.body) {
        const text = await res.text();
        throw restErrorFromBody(res.status, parseJson(text) ?? text);
      }
      const { metadata, rows } = await readDelimitedRows(res.body);
      clearTimeout(timer);
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        if (metadata.queryId) await this.closeQuery(metadata.queryId).catch(() => undefined);
        abort.abort();
      };
      return { ...metadata, rows: endsOnClose(rows, () => closed), close };
    } catch (e) {
      clearTimeout(timer);
      abort.abort();
      throw e;
    }
  }

  /** Ends a push query this or another client is streaming. */
  async closeQuery(queryId: string): Promise<void> {
    const res = await this.post('/close-query', { queryId }, 'application/json', AbortSignal.timeout(this.timeoutMs));
    const text = await res.text();
    if (!res.ok) throw restErrorFromBody(res.status, parseJson(text) ?? text);
  }

  private async post(path: string, body: unknown, accept: string, signal: AbortSignal): Promise<Response> {
    try {
      return await fetch(this.url + path, {
        method: 'POST', signal,
        headers: { ...this.headers, 'content-type': 'application/json', accept },
        body: JSON.stringify(body),
      });
    } catch (e) {
      throw new KsqlRestError(`cannot reach ${this.url}: ${causeText(e)}`, 0);
    }
  }
}

function parseJson(text: string): unknown {
  try { return text === '' ? undefined : JSON.parse(text); } catch { return undefined; }
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED ...) in its cause. */
function causeText(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

/** After close(), the aborted body's error is the expected end, not a failure. */
async function* endsOnClose(rows: AsyncIterable<unknown[]>, closed: () => boolean): AsyncIterable<unknown[]> {
  try {
    for await (const r of rows) {
      if (closed()) return;
      yield r;
    }
  } catch (e) {
    if (!closed()) throw e;
  }
}
