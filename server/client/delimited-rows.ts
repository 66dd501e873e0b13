// /query-stream's application/vnd.ksqlapi.delimited.v1 answer, read as it arrives: the metadata
// object on the first line, then one JSON array per row; a JSON object after the metadata is an
// error entity (the query failed while running) and ends the rows with a KsqlRestError.
import { KsqlRestError, restErrorFromBody } from './ksql-rest-error.js';

export interface QueryMetadata {
  /** Push queries only. */
  queryId?: string;
  columnNames: string[];
  columnTypes: string[];
}

export async function readDelimitedRows(body: ReadableStream<Uint8Array>): Promise<{ metadata: QueryMetadata; rows: AsyncIterable<unknown[]> }> {
  const lines = splitLines(body)[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new KsqlRestError('/query-stream ended before its metadata', 200);
  const metadata = JSON.parse(first.value) as QueryMetadata;
  if (!Array.isArray(metadata.columnNames)) throw restErrorFromBody(200, metadata);
  async function* rows(): AsyncIterable<unknown[]> {
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      const v = JSON.parse(next.value) as unknown;
      if (!Array.isArray(v)) throw restErrorFromBody(200, v);
      yield v;
    }
  }
  return { metadata, rows: rows() };
}

/** The body's non-empty lines, decoded as UTF-8 across chunk boundaries. */
async function* splitLines(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line !== '') yield line;
    }
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield pending.trim();
}
