// The three ways a query's result is written: /query-stream's delimited lines and JSON array,
// and /query's (v1) chunked JSON array. Each piece is one write, so a row reaches the client as
// soon as it is produced.
import type { ResultColumn } from '../../src/engine/statement-result.js';
import { schemaText, typeText } from './schema-info.js';

export interface QueryFormat {
  contentType: string;
  /** The metadata, first. */
  header(queryId: string | undefined, columns: readonly ResultColumn[]): string;
  /** A row, given as its JSON array text. */
  row(json: string): string;
  /** The end: `limit` when the query's LIMIT was reached. */
  end(limit: boolean): string;
  /** An error after the header: the last piece. */
  error(entity: object): string;
}

const metadata = (queryId: string | undefined, columns: readonly ResultColumn[]): string => JSON.stringify({
  ...(queryId !== undefined ? { queryId } : {}),
  columnNames: columns.map((c) => c.name),
  columnTypes: columns.map((c) => typeText(c.type)),
});

/** application/vnd.ksqlapi.delimited.v1: the metadata object, then one JSON array per line. */
export const DELIMITED: QueryFormat = {
  contentType: 'application/vnd.ksqlapi.delimited.v1',
  header: (id, cols) => metadata(id, cols) + '\n',
  row: (json) => json + '\n',
  end: () => '',
  error: (e) => JSON.stringify(e) + '\n',
};

/** application/json on /query-stream: one JSON array of the metadata and the rows. */
export const JSON_ARRAY: QueryFormat = {
  contentType: 'application/json',
  header: (id, cols) => '[' + metadata(id, cols),
  row: (json) => ',' + json,
  end: () => ']',
  error: (e) => ',' + JSON.stringify(e) + ']',
};

/** /query (v1): a JSON array of {header}, {row: {columns}} ..., then a final message. */
export const QUERY_V1: QueryFormat = {
  contentType: 'application/json',
  header: (id, cols) => '[' + JSON.stringify({ header: { queryId: id ?? '', schema: schemaText(cols) } }),
  row: (json) => ',\n{"row":{"columns":' + json + '}}',
  end: (limit) => (limit ? ',\n' + JSON.stringify({ finalMessage: 'Limit Reached' }) : '') + ']\n',
  error: (e) => ',\n' + JSON.stringify({ errorMessage: e }) + ']\n',
};

/** /query-stream's format from the Accept header (delimited unless JSON is asked for). */
export function streamFormat(accept: string | undefined): QueryFormat {
  return accept && /application\/json/i.test(accept) && !/ksqlapi\.delimited/i.test(accept) ? JSON_ARRAY : DELIMITED;
}
