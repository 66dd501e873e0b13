// Encodes rows with the sink's formats into records for its topic. Table deletes become
// tombstones; windowed keys carry their window as Kafka Streams encodes it. It copies what it
// needs out of each row before it returns, so the operators feeding it may reuse their rows.
import type { SinkStep, Step } from '../../plan/physical-plan.js';
import type { ProducerRecord } from '../../log/log.js';
import { type Emit, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { rowLayout } from '../../plan/row-layout.js';
import { RowRecord } from '../../log/row-record.js';
import { stepSerdes } from './step-serdes.js';
import { timestampFromColumn } from './timestamp-extractor.js';
import { ReusedRow } from '../reused-row.js';

export function sinkOperator(step: SinkStep, ctx: OperatorContext, out: (rec: ProducerRecord) => void): Emit {
  const lay = rowLayout(step.schema);
  const k = lay.keyCount;
  const v = lay.valueCount;
  const { value: valueSerde, key: keySerde, windowedKey: windowedKeySerde } = stepSerdes(step, ctx.schemaRegistry);
  const topic = step.topic;
  // The columns staged for the serializers, which copy or encode them (one array each, kept young).
  const keyRows = new ReusedRow(k);
  const valueRows = new ReusedRow(v);
  // TIMESTAMP='col' on a CSAS/CTAS: the sink's record time comes from that output column.
  const eventTime = step.timestampColumn
    ? timestampFromColumn([...step.schema.key, ...step.schema.value], step.timestampColumn, step.timestampFormat)
    : undefined;

  const keepNullFields = k > 1 && keyBuiltByPartitionBy(step.input);
  // In process, the rows encoded go with the records: readers of the same codec skip decoding.
  const rowEncoder = valueSerde.rowEncoder;
  const keepRows = ctx.keepRows === true && rowEncoder !== undefined;

  return (row, ts, op) => {
    try {
      if (eventTime && op !== DELETE) ts = eventTime(row, ts);
      // The headers of the record being processed go on with its results (Kafka Streams forwards them).
      const h = ctx.current.headers;
      const headers = h !== undefined && h.length > 0 ? h : undefined;
      const keyRow = keyRows.next();
      let allNull = true;
      for (let i = 0; i < k; i++) { keyRow[i] = row[i]; if (row[i] !== null && row[i] !== undefined) allNull = false; }
      let key: Uint8Array | null = null;
      // A key whose columns are all NULL is a null key, as ksqlDB writes it; but a multi-column
      // key that PARTITION BY built is a key of NULL fields (ksqlDB's new key struct).
      if (k > 0 && !(allNull && !keepNullFields && !windowedKeySerde)) {
        key = windowedKeySerde
          ? windowedKeySerde.serialize(keyRow, { start: row[lay.windowstart] as number, end: row[lay.windowend] as number }, topic)
          : keySerde!.serialize(keyRow, topic);
      }
      let value: Uint8Array | null = null;
      if (op !== DELETE) {
        const valueRow = valueRows.next();
        for (let i = 0; i < v; i++) valueRow[i] = row[k + i];
        if (keepRows) {
          // Kept as the row: encoded only if something reads the bytes (row-record.ts).
          const kept = valueSerde.rowToKeep!(valueRow);
          if (kept !== undefined) { out(new RowRecord(key, kept, rowEncoder!, ts, headers)); return; }
        }
        value = valueSerde.serialize(valueRow, topic);
      }
      out(headers === undefined ? { key, value, timestamp: ts } : { key, value, timestamp: ts, headers });
    } catch (e) {
      logFailure(ctx, 'SERIALIZATION', e);
    }
  };
}

/** Whether the key reaching the sink was computed by a PARTITION BY (not read from a record). */
function keyBuiltByPartitionBy(step: Step): boolean {
  for (let s: Step = step; ;) {
    if (s.kind === 'project') { if (s.rekey) return true; s = s.input; }
    else if (s.kind === 'filter') s = s.input;
    else return false;
  }
}
