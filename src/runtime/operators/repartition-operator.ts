// An exchange through an internal repartition topic: the rows of a step's input are written
// keyed by the step's new key (GROUP BY), so that all rows of one key meet in one partition —
// one task, on whichever instance owns it — and read back from there into the step.
//
// Table inputs carry the old row: when old and new row have the same key they travel as one
// record (one update downstream); when the key changed, the old row goes to its key's partition
// as a retraction and the new row to its own as an addition, as Kafka Streams does.
import type { LogRecord, ProducerRecord } from '../../log/log.js';
import { type Emit, type Row, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import type { RecordHandler } from './source-operator.js';
import { decodeState, encodeState } from '../state/state-codec.js';
import { keySignature } from '../key-signature.js';

/**
 * What travels: the row, its op, (tables) the old row, and (GROUP BY) the key it was written
 * under, so the reading side does not evaluate the GROUP BY expressions a second time.
 */
interface Exchanged { r: Row; d: number; o: Row | null; k?: unknown[] }

/**
 * `encodeKey` gives the record key's bytes, which pick the partition: by default the state
 * codec's; a join side uses the other side's key format, so that a key lands in the partition
 * where the other side's topic keeps it.
 */
export function repartitionWriter(
  ctx: OperatorContext, keyOf: (row: Row) => unknown[] | null, topic: string, produce: (topic: string, rec: ProducerRecord) => void,
  encodeKey: (key: unknown[]) => Uint8Array | null = encodeState, sendKey = false,
): Emit {
  const write = messageWriter(ctx, topic, produce);
  const send = (key: unknown[], row: Row, ts: number, op: number, old: Row | null): void => {
    const msg: Exchanged = sendKey ? { r: row, d: op, o: old, k: key } : { r: row, d: op, o: old };
    write(encodeKey(key), msg, ts);
  };
  return (row, ts, op, old) => {
    const newKey = op === DELETE ? null : keyOf(row);
    if (old === null) {
      if (newKey !== null) send(newKey, row, ts, op, null);
      return;
    }
    const oldKey = keyOf(old);
    if (oldKey !== null && newKey !== null && keySignature(oldKey, 0, oldKey.length) === keySignature(newKey, 0, newKey.length)) {
      send(newKey, row, ts, op, old);
      return;
    }
    if (oldKey !== null) send(oldKey, old, ts, DELETE, old);
    if (newKey !== null) send(newKey, row, ts, UPSERT, null);
  };
}

/** `onKey` hears the key a row was written under (or null) just before the row goes on. */
export function repartitionReader(ctx: OperatorContext, next: Emit, onKey?: (key: unknown[] | null) => void): RecordHandler {
  return messageReader<Exchanged>(ctx, (m, ts) => {
    onKey?.(m.k ?? null);
    next(m.r, ts, m.d === DELETE ? DELETE : UPSERT, m.o);
  });
}

/**
 * Reads an internal topic whose records each carry one message in the state codec (not a row:
 * a foreign-key join's subscriptions and responses), handing it on with the record's time.
 */
export function messageReader<M>(ctx: OperatorContext, onMessage: (m: M, ts: number) => void): RecordHandler {
  return (rec: LogRecord) => {
    const c = ctx.current;
    c.topic = rec.topic; c.partition = rec.partition; c.offset = rec.offset; c.headers = rec.headers;
    let m: M;
    try {
      m = decodeState(rec.value!) as M;
    } catch (e) {
      logFailure(ctx, 'DESERIALIZATION', e);
      return;
    }
    onMessage(m, rec.timestamp);
  };
}

/**
 * Writes one message (see messageReader) keyed by `key`. The current record's headers travel with
 * it, as through a Kafka Streams repartition topic.
 */
export function messageWriter(ctx: OperatorContext, topic: string, produce: (topic: string, rec: ProducerRecord) => void): (key: Uint8Array | null, m: unknown, ts: number) => void {
  return (key, m, ts) => {
    const headers = ctx.current.headers;
    produce(topic, { key, value: encodeState(m), timestamp: ts, ...(headers !== undefined && headers.length > 0 ? { headers } : {}) });
  };
}
