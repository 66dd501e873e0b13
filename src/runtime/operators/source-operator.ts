// Decodes records of a source topic into rows and starts them down the operator chain.
// A table source materializes its rows by key so changes carry the old row.
import type { SourceStep } from '../../plan/physical-plan.js';
import type { Header, LogRecord } from '../../log/log.js';
import { type Column, isHeaderColumn } from '../../types/schema.js';
import { type Emit, type Row, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { rowLayout } from '../../plan/row-layout.js';
import { keySignature } from '../key-signature.js';
import { stepSerdes } from './step-serdes.js';
import { timestampExtractor } from './timestamp-extractor.js';
import { sharedValueDecoder } from './shared-decode.js';
import { ReusedRow } from '../reused-row.js';

/**
 * Takes one record. `prefetch`, when the source reads a registry format: what must be fetched
 * before the record can be decoded (a schema id not seen yet); the runner awaits it first.
 */
export type RecordHandler = ((rec: LogRecord) => void) & { prefetch?: (rec: LogRecord) => Promise<void> | undefined };

/**
 * `readColumns`: the value columns the query reads (all when undefined; see read-columns.ts).
 * `reuseRow`: `next` is done with each row when it returns, so every record fills one array.
 */
export function sourceOperator(step: SourceStep, ctx: OperatorContext, next: Emit, table: Map<unknown, Row> | undefined,
  readColumns?: readonly boolean[], reuseRow = false): RecordHandler {
  const lay = rowLayout(step.schema);
  const k = lay.keyCount;
  const v = lay.valueCount;
  const { value: valueSerde, key: keySerde, windowedKey: windowedKeySerde } = stepSerdes(step, ctx.schemaRegistry);
  const partial = readColumns ? stepSerdes(step, ctx.schemaRegistry, readColumns).value : undefined;
  const decodeValue = sharedValueDecoder(step, valueSerde, partial, readColumns);
  // Rows kept with records of this codec are the decoded rows (see kept-rows.ts).
  const keptCodec = valueSerde.codec;
  const eventTime = timestampExtractor(step);
  const topic = step.topic;
  const isTable = step.output === 'TABLE';
  const shared = reuseRow && !isTable ? new ReusedRow(lay.width) : undefined;
  const fillHeaders = headerFiller(step.schema.value, k);

  const handler: RecordHandler = (rec) => {
    const c = ctx.current;
    c.topic = rec.topic; c.partition = rec.partition; c.offset = rec.offset; c.headers = rec.headers;
    // Every slot of the row is written below, so a reused one keeps nothing of the last record.
    const row: Row = shared === undefined ? new Array(lay.width) : shared.next();
    let ts: number;
    let hasValue: boolean;
    try {
      if (k > 0) {
        let keyRow: unknown[] | null;
        if (windowedKeySerde) {
          const w = windowedKeySerde.deserialize(rec.key, topic);
          keyRow = w.row;
          row[lay.windowstart] = w.window.start;
          row[lay.windowend] = w.window.end;
        } else {
          keyRow = keySerde!.deserialize(rec.key, topic);
          row[lay.windowstart] = null;
          row[lay.windowend] = null;
        }
        for (let i = 0; i < k; i++) row[i] = keyRow === null ? null : keyRow[i];
      } else {
        row[lay.windowstart] = null;
        row[lay.windowend] = null;
      }
      if (keptCodec !== undefined && rec.valueCodec === keptCodec && rec.copyValues !== undefined) {
        // A row this process keeps by column (MemoryLog) goes straight into this row.
        rec.copyValues(row, k);
        hasValue = true;
      } else {
        const valueRow = decodeValue(rec);
        hasValue = valueRow !== null;
        if (valueRow === null) {
          for (let i = 0; i < v; i++) row[k + i] = null;
        } else {
          for (let i = 0; i < v; i++) row[k + i] = valueRow[i];
        }
      }
      if (fillHeaders !== undefined) fillHeaders(row, rec.headers);
      row[lay.rowtime] = rec.timestamp;
      row[lay.rowpartition] = rec.partition;
      row[lay.rowoffset] = rec.offset;
      ts = eventTime(row, rec.timestamp);
      row[lay.rowtime] = ts;
    } catch (e) {
      logFailure(ctx, 'DESERIALIZATION', e);
      return;
    }
    // A stream record without a value flows on as a DELETE (key only), as ksqlDB passes it through.
    if (!isTable) { next(row, ts, hasValue ? UPSERT : DELETE, null); return; }
    if (keyIsNull(row, k)) {
      // A table row needs its PRIMARY KEY: ksqlDB skips records whose key is null.
      logFailure(ctx, 'NULL_KEY', new Error(`table ${step.sourceName} skips a record with a null key`));
      return;
    }
    const sig = keySignature(row, 0, k);
    const old = table!.get(sig) ?? null;
    if (!hasValue) {
      if (old === null) return;
      table!.delete(sig);
      next(row, ts, DELETE, old);
    } else {
      table!.set(sig, row);
      next(row, ts, UPSERT, old);
    }
  };
  const keyPrefetch = (keySerde ?? windowedKeySerde)?.prefetch;
  const valuePrefetch = valueSerde.prefetch;
  if (keyPrefetch || valuePrefetch) {
    const ks = keySerde ?? windowedKeySerde;
    handler.prefetch = (rec) => {
      const a = k > 0 ? ks?.prefetch?.(rec.key) : undefined;
      const b = valueSerde.prefetch?.(rec.value);
      return a && b ? Promise.all([a, b]).then(() => undefined) : a ?? b;
    };
  }
  return handler;
}

/**
 * Writes a source's header columns from its record's headers: HEADERS all of them (in order, as
 * KEY/VALUE structs), HEADER('k') the value of the last header k (NULL without one). The bytes
 * are copied: a broker's record holds views of its fetch.
 */
function headerFiller(value: readonly Column[], k: number): ((row: Row, headers: readonly Header[]) => void) | undefined {
  const slots = value.flatMap((c, i) => (isHeaderColumn(c) ? [{ at: k + i, key: c.headerKey }] : []));
  if (slots.length === 0) return undefined;
  const copy = (b: Uint8Array | null): Uint8Array | null => (b === null ? null : new Uint8Array(b));
  return (row, headers) => {
    for (const { at, key } of slots) {
      if (key === undefined) { row[at] = headers.map((h) => ({ KEY: h.key, VALUE: copy(h.value) })); continue; }
      let found: Uint8Array | null = null;
      for (const h of headers) if (h.key === key) found = h.value;
      row[at] = copy(found);
    }
  };
}

function keyIsNull(row: Row, k: number): boolean {
  for (let i = 0; i < k; i++) if (row[i] !== null && row[i] !== undefined) return false;
  return true;
}
