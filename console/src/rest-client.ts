// The console speaks to Eddy only through its REST API, as any client: statements on /ksql,
// queries on /query-stream (newline-delimited JSON: a header, then one array per row), stopped
// with /close-query. The browser sends the page's credentials (HTTP Basic) itself.

export interface RestErrorBody { message: string; error_code?: number; statementText?: string }

export class StatementFailed extends Error {
  constructor(readonly body: RestErrorBody) { super(body.message); }
}

/** Runs one statement that is not a query; the entities ksqlDB's /ksql answers with. */
export async function runStatement(ksql: string, properties: Record<string, string>): Promise<unknown[]> {
  const res = await fetch('/ksql', {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.ksql.v1+json', accept: 'application/vnd.ksql.v1+json' },
    body: JSON.stringify({ ksql, streamsProperties: properties }),
  });
  const body = await res.json() as unknown;
  if (!res.ok) throw new StatementFailed(body as RestErrorBody);
  return body as unknown[];
}

export interface QueryHeader { queryId?: string; columnNames: string[]; columnTypes: string[] }

export interface RunningQuery {
  /** Resolves when the query ended (its LIMIT, a pull query's last row, or stop()). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts a query; rows arrive through onRow until it ends or stop() is called. */
export async function streamQuery(sql: string, properties: Record<string, string>,
  onHeader: (h: QueryHeader) => void, onRow: (row: unknown[]) => void): Promise<RunningQuery> {
  const abort = new AbortController();
  const res = await fetch('/query-stream', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.ksqlapi.delimited.v1' },
    body: JSON.stringify({ sql, properties }),
    signal: abort.signal,
  });
  if (!res.ok || !res.body) throw new StatementFailed(await res.json().catch(() => ({ message: `HTTP ${res.status}` })) as RestErrorBody);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let queryId: string | undefined;
  let headerSeen = false;
  const pump = async (): Promise<void> => {
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += value;
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, nl).trim();
        rest = rest.slice(nl + 1);
        if (line.length === 0) continue;
        const item = JSON.parse(line) as unknown;
        if (!headerSeen) {
          headerSeen = true;
          const h = item as QueryHeader;
          queryId = h.queryId;
          onHeader(h);
        } else if (Array.isArray(item)) {
          onRow(item);
        } else if (item && typeof item === 'object' && 'message' in item) {
          throw new StatementFailed(item as RestErrorBody);
        }
      }
    }
  };
  const done = pump().catch((e: unknown) => { if (!abort.signal.aborted) throw e; });
  return {
    done,
    stop: async () => {
      if (queryId !== undefined) {
        await fetch('/close-query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queryId }) }).catch(() => undefined);
      }
      abort.abort();
      await done.catch(() => undefined);
    },
  };
}
