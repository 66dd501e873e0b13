// Writes a query's result to a client as it comes: a pull query's rows, or a push query's rows
// until its LIMIT, a /close-query, or the client going away — then the query is cancelled, so
// no query, consumer or buffered row stays behind.
//
// A slow client: rows are written one by one; when the connection's buffer is full we stop
// taking rows from the query until it drains. The query itself pauses once
// `eddy.push.buffer.rows` rows wait for us (the engine's bounded queue): memory stays bounded
// and no row is dropped, however long the client takes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { StatementResult } from '../../src/engine/statement-result.js';
import type { RestContext } from './rest-context.js';
import type { QueryFormat } from './query-formats.js';
import { rowWriter } from './json-values.js';
import { genericError, errorMessage, SERVER_ERROR } from './errors.js';
import { pushRowBatches } from '../../src/engine/push-row-batches.js';

export type RawResponse = ServerResponse | Http2ServerResponse;
export type RawRequest = IncomingMessage | Http2ServerRequest;

/** What both protocols' responses offer (their own write overloads do not unite). */
interface Out {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(chunk?: string): unknown;
  on(event: 'close' | 'drain', f: () => void): unknown;
  once(event: 'close' | 'drain', f: () => void): unknown;
  off(event: 'close' | 'drain', f: () => void): unknown;
  readonly destroyed: boolean;
}

type QueryResult = Extract<StatementResult, { kind: 'rows' | 'stream' }>;

export async function writeResult(ctx: RestContext, raw: RawResponse, result: QueryResult, format: QueryFormat, limit: number | undefined): Promise<void> {
  const res = raw as unknown as Out;
  res.writeHead(200, { 'content-type': format.contentType });
  const row = rowWriter(result.columns.map((c) => c.type));
  if (result.kind === 'rows') {
    res.write(format.header(undefined, result.columns));
    for (const r of result.rows) {
      if (!res.write(format.row(row(r)))) await drained(res);
      if (res.destroyed) return;
    }
    res.end(format.end(false));
    return;
  }
  const { rows, queryId } = result;
  let gone = false;
  const onClose = (): void => {
    gone = true;
    void rows.cancel();
  };
  res.on('close', onClose);
  ctx.streaming.set(queryId, { close: () => rows.cancel() });
  let count = 0;
  try {
    res.write(format.header(queryId, result.columns));
    // Rows that wait are written without an await each (a client reading a backlog).
    outer: for await (const batch of pushRowBatches(rows)) {
      for (const r of batch) {
        if (gone) break outer;
        count++;
        if (!res.write(format.row(row(r)))) await drained(res);
      }
    }
    if (!gone) res.end(format.end(limit !== undefined && count >= limit));
  } catch (e) {
    if (!gone) res.end(format.error(genericError(SERVER_ERROR, errorMessage(e))));
  } finally {
    res.off('close', onClose);
    ctx.streaming.delete(queryId);
    await rows.cancel();
  }
}

function drained(res: Out): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => { res.off('drain', done); res.off('close', done); resolve(); };
    res.once('drain', done);
    res.once('close', done);
  });
}
