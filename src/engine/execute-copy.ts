// COPY stream FROM 'file' [WITH (FORMAT='CSV'|'JSON', HEADER=true)]: loads a CSV or JSON-lines
// file into the stream's topic, one record per line. A bad line goes to the processing log with
// its line number; the rest still load. With no FORMAT, the extension says (.csv, .json, .jsonl,
// .ndjson); a file where no line loads is an error. A listener can follow a large file's progress.
// The file is read and written a batch at a time, so a large file needs no more memory than a small one.
// copyLines does the loading for any source of lines: the Postgres endpoint's COPY ... FROM STDIN
// (psql's \copy) feeds it the client's data, in Postgres's text format too.
import { resolve } from 'node:path';
import type { Copy } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import type { Column } from '../types/schema.js';
import type { ProducerRecord } from '../log/log.js';
import { RowRecord } from '../log/row-record.js';
import { createRowSerde } from '../format/index.js';
import { prepareAvroWrites } from '../format/avro/avro-registration.js';
import { prepareJsonSrWrites } from '../format/json-sr/json-sr-registration.js';
import { SqlError } from '../types/sql-error.js';
import { BIGINT } from '../types/sql-type.js';
import { fileLines, isBlank, lineAt, type LineChunk } from './file-lines.js';
import type { SourceDef } from '../plan/catalog.js';
import { pgTextLine } from './pg-text-line.js';
import { pgCsvLine } from './pg-csv-line.js';

/** Progress of a COPY: lines read that loaded and that failed, since it started. */
export interface CopyProgress { rows: number; bad: number; elapsedMs: number; done: boolean }

const listeners = new WeakMap<EngineState, (p: CopyProgress) => void>();
/** How often, in lines, the listener hears of progress. */
const PROGRESS_EVERY = 10_000;
/**
 * Records written per produce call: in process, few, so that a record's line, row and views die
 * before the next young collection instead of being copied by it (a chunk's worth, ~45k records,
 * held until the chunk was done cost a quarter of COPY's time in collections); to a broker, more,
 * as each call is a round trip.
 */
const PRODUCE_EVERY_IN_PROCESS = 1000;
const PRODUCE_EVERY_TO_BROKER = 5000;

/** Calls `listener` as COPY statements of this engine advance (the CLI shows rows and rows/s). */
export function onCopyProgress(state: EngineState, listener: ((p: CopyProgress) => void) | undefined): void {
  if (listener) listeners.set(state, listener); else listeners.delete(state);
}

function formatFromExtension(path: string): 'CSV' | 'JSON' | undefined {
  if (/\.csv$/i.test(path)) return 'CSV';
  if (/\.(json|jsonl|ndjson)$/i.test(path)) return 'JSON';
  return undefined;
}

export async function executeCopy(state: EngineState, s: Copy): Promise<StatementResult> {
  const target = state.catalog.require(s.target, s.span);
  if (target.readOnly || target.system) throw new SqlError('INVALID_STATEMENT', `Cannot copy into read-only ${target.name}`, { position: s.span });
  const fmtProp = s.properties.FORMAT?.value;
  const path = resolve(state.baseDir, s.file);
  const format = typeof fmtProp === 'string' ? fmtProp.toUpperCase() : formatFromExtension(path);
  if (format === undefined) {
    throw new SqlError('INVALID_PROPERTY', `Cannot tell the format of '${s.file}' from its extension: name it .csv, .json or .jsonl, or add WITH (FORMAT='CSV') or WITH (FORMAT='JSON')`, { position: s.span });
  }
  if (format !== 'CSV' && format !== 'JSON') {
    throw new SqlError('INVALID_PROPERTY', `COPY FORMAT must be 'CSV' or 'JSON', not '${String(fmtProp)}'`, { position: s.properties.FORMAT.span });
  }
  for (const k of Object.keys(s.properties)) {
    if (k !== 'FORMAT' && k !== 'HEADER') throw new SqlError('INVALID_PROPERTY', `Unknown COPY property ${k}: expected FORMAT or HEADER`, { position: s.properties[k].span });
  }
  const header = s.properties.HEADER?.value === true || String(s.properties.HEADER?.value).toLowerCase() === 'true';
  const lines = fileLines(path);
  const copy = await copyLines(state, target, {
    format, header, lines, where: path, position: s.span,
    readError: (e) => new SqlError('IO_ERROR', `Cannot read '${path}': ${e.message}`, { position: s.span }),
  });
  if (copy.copied === 0 && copy.bad > 0) {
    throw new SqlError('SERDE_ERROR', `No line of '${s.file}' could be loaded as ${format}: ${copy.bad} bad line${copy.bad === 1 ? '' : 's'} sent to the processing log; the first: ${copy.firstBad}`, { position: s.span });
  }
  return { kind: 'message', statement: s.text, message: `Copied ${copy.copied} records into ${target.name}${badNote(copy.bad)}.` };
}

/** " (n bad lines sent to the processing log)", or nothing. */
export const badNote = (bad: number): string => (bad > 0 ? ` (${bad} bad line${bad === 1 ? '' : 's'} sent to the processing log)` : '');

/** What copyLines reads and how. */
export interface CopySource {
  /**
   * CSV and JSON as COPY FROM 'file' reads them; PG_TEXT is Postgres's COPY text format
   * (tab-separated, \N for NULL, backslash escapes; an empty field is NULL, as in CSV).
   */
  format: 'CSV' | 'JSON' | 'PG_TEXT';
  /** The first line names the columns (CSV). */
  header: boolean;
  /** The columns each line holds, in order (CSV, PG_TEXT), instead of a header or all columns. */
  columns?: string[];
  /**
   * COPY FROM STDIN's DELIMITER and NULL (CSV, PG_TEXT; Postgres's defaults: ',' and an empty
   * field in CSV, a tab and \N in text).
   */
  delimiter?: string;
  nullString?: string;
  lines: AsyncGenerator<LineChunk>;
  /** Where the lines come from, for the processing log's messages ('path', 'STDIN'). */
  where: string;
  position?: Copy['span'];
  /** The error to throw when reading the lines fails. */
  readError?: (e: Error) => Error;
}

/** Loads lines into `target`'s topic, one record per line; a bad line goes to the processing log. */
export async function copyLines(state: EngineState, target: SourceDef, src: CopySource): Promise<{ copied: number; bad: number; firstBad: string }> {
  const { format, lines } = src;
  let copied = 0;
  let bad = 0;
  let firstBad = '';
  const listener = listeners.get(state);
  const started = Date.now();
  const pgText = format === 'PG_TEXT';
  const delimiter = src.delimiter ?? (pgText ? '\t' : ',');
  const nullString = src.nullString ?? (pgText ? '\\N' : '');
  // CSV with a NULL string of its own has its NULL fields emptied first (see pg-csv-line.ts).
  const csvNulls = format === 'CSV' && nullString !== '' ? pgCsvLine(delimiter, nullString) : undefined;
  try {
    const readChunk = async (): Promise<LineChunk | undefined> => {
      try {
        const r = await lines.next();
        return r.done ? undefined : r.value;
      } catch (e) {
        throw src.readError ? src.readError(e as Error) : e;
      }
    };
    // The header line, if any, is read first: it says which columns the lines hold.
    let chunk = await readChunk();
    let lineNo = 0;
    const all: Column[] = [...target.schema.key, ...target.schema.value];
    const columnNamed = (n: string): Column => {
      if (n === 'ROWTIME') return { name: 'ROWTIME', type: BIGINT, namespace: 'VALUE' as const };
      const c = all.find((x) => x.name === n);
      if (!c) throw new SqlError('UNKNOWN_COLUMN', `${src.columns ? 'COPY column' : 'CSV header column'} ${n} is not a column of ${target.name}: ${all.map((x) => x.name).join(', ')}`, { position: src.position });
      return c;
    };
    let fileCols: Column[] = src.columns ? src.columns.map(columnNamed) : all;
    if (format !== 'JSON' && src.header && chunk) {
      lineNo = 1;
      const names = lineAt(chunk, 0).toString('utf8').split(delimiter).map((n) => n.trim().replace(/^"|"$/g, '').toUpperCase());
      if (!src.columns) fileCols = names.map(columnNamed);
    }
    const readCols = format === 'JSON' ? [...all, { name: 'ROWTIME', type: BIGINT, namespace: 'VALUE' as const }] : fileCols;
    const reader = createRowSerde(format === 'JSON' ? { format: 'JSON' } : { format: 'DELIMITED', options: { delimiter: pgText ? 'TAB' : delimiter } }, readCols, { isKey: false });
    const readRange = reader.deserializeRange?.bind(reader);
    // Where each target column is in a line's row (the last column of that name, -1: absent).
    const indexOf = (name: string): number => readCols.map((c) => c.name).lastIndexOf(name);
    const keyAt = target.schema.key.map((c) => indexOf(c.name));
    const valueAt = target.schema.value.map((c) => indexOf(c.name));
    const rowtimeAt = indexOf('ROWTIME');
    // JSON lines of a stream without key columns: a line's row is the value row, then ROWTIME.
    const valuesFirst = format === 'JSON' && keyAt.length === 0 && valueAt.every((at, j) => at === j) && rowtimeAt === valueAt.length;
    const registry = state.schemaRegistry;
    await prepareAvroWrites(registry, target);
    await prepareJsonSrWrites(registry, target);
    const keySerde = createRowSerde(target.keyFormat, target.schema.key, { isKey: true, registry });
    const valueSerde = createRowSerde(target.valueFormat, target.schema.value, { isKey: false, registry });
    // The key and value rows handed to the serdes, reused line after line (as the sink operator
    // does: serializing keeps no reference to them).
    const keyRow = new Array(keyAt.length);
    const valueRow = new Array(valueAt.length);
    const pick = (row: unknown[], at: number[], out: unknown[]): unknown[] => {
      for (let j = 0; j < at.length; j++) out[j] = at[j] < 0 ? null : row[at[j]] ?? null;
      return out;
    };
    let records: ProducerRecord[] = [];
    const keepRows = state.log.keepsRows === true && valueSerde.rowEncoder !== undefined;
    const produceEvery = state.log.keepsRows === true ? PRODUCE_EVERY_IN_PROCESS : PRODUCE_EVERY_TO_BROKER;
    const hasKey = target.schema.key.length > 0;
    let skip = lineNo; // the header line, read above
    for (; chunk; chunk = await readChunk(), skip = 0) {
      const { data, starts, ends } = chunk;
      for (let j = skip; j < chunk.count; j++) {
        const i = lineNo++;
        if (listener && i % PROGRESS_EVERY === 0 && i > 0) listener({ rows: copied + records.length, bad, elapsedMs: Date.now() - started, done: false });
        if (isBlank(data, starts[j], ends[j])) continue;
        try {
          // Read in place where the format can (JSON): no view object per line.
          const row = pgText ? reader.deserialize(pgTextLine(lineAt(chunk, j), delimiter, nullString), target.topic)
            : csvNulls ? reader.deserialize(csvNulls(lineAt(chunk, j)), target.topic)
            : readRange ? readRange(data, starts[j], ends[j], target.topic) : reader.deserialize(lineAt(chunk, j), target.topic);
          if (row === null) throw new Error('empty record');
          const ts = rowtimeAt < 0 ? undefined : row[rowtimeAt];
          const key = hasKey ? keySerde.serialize(pick(row, keyAt, keyRow), target.topic) : null;
          const timestamp = typeof ts === 'number' ? ts : undefined;
          // The line's row is the value row followed by ROWTIME: cut, it is the value row itself.
          let values: unknown[];
          if (valuesFirst) {
            row.pop(); // ROWTIME, the one column after them (pop is inlined; setting length is a runtime call)
            values = row;
          } else {
            values = pick(row, valueAt, valueRow);
          }
          // In process the record keeps the row and is encoded only if read as bytes (row-record.ts).
          const kept = keepRows ? valueSerde.rowToKeep!(values, valuesFirst) : undefined;
          records.push(kept !== undefined
            ? new RowRecord(key, kept, valueSerde.rowEncoder!, timestamp)
            : { key, value: valueSerde.serialize(values, target.topic), timestamp });
        } catch (e) {
          bad++;
          const message = `${src.where}:${i + 1}: ${(e as Error).message}`;
          if (!firstBad) firstBad = message;
          const line = lineAt(chunk, j);
          state.processingLog.log({ queryId: 'COPY', type: 'DESERIALIZATION', message, record: Buffer.from(line.subarray(0, 4000)).toString('utf8').slice(0, 1000) });
        }
        if (records.length >= produceEvery) {
          await state.log.append(target.topic, records);
          copied += records.length;
          records = [];
        }
      }
    }
    if (records.length > 0) {
      await state.log.append(target.topic, records);
      copied += records.length;
    }
  } finally {
    await lines.return(undefined); // closes the file, also when a write failed
  }
  listener?.({ rows: copied, bad, elapsedMs: Date.now() - started, done: true });
  return { copied, bad, firstBad };
}
