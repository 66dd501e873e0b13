// Queries that read the same topic with the same value columns and format decode each record
// once. A model's training query and the query scoring with PREDICT read every record in
// lockstep, one after the other, so the second finds the first one's row here. In process, a
// record's value is the same bytes object for every consumer; from a broker each consumer gets
// its own copy, so a record at the same partition and offset whose bytes are equal is the same
// record too (compared only then: a topic deleted and made again reuses offsets). Only rows of
// immutable values are shared (no query can change a value another sees), and only of formats
// that decode bytes alone (a registry format's bytes name a schema id, which two engines in one
// process may give different schemas).
import { Buffer } from 'node:buffer';
import type { SourceStep } from '../../plan/physical-plan.js';
import type { RowSerde } from '../../format/index.js';
import type { LogRecord } from '../../log/log.js';
import { formatType } from '../../types/sql-type.js';

interface LastDecoded {
  bytes: Uint8Array | null;
  /** Where `bytes` came from. */
  partition: number;
  offset: number;
  row: unknown[] | null;
  /** The value columns `row` holds (undefined: all; the others are null). */
  read: readonly boolean[] | undefined;
  /** The decoder that read through this slot last. */
  lastReader: number;
  /** Reads left before a decoder reading alone decodes only its columns again (see below). */
  mixed: number;
}

/** The last record decoded, per topic, format and columns. */
const slots = new Map<string, LastDecoded>();
const MAX_SLOTS = 1000;
const SELF_CONTAINED = new Set(['JSON', 'DELIMITED', 'KAFKA']);
/** Values an operator could change in place (BYTES are Uint8Arrays). */
const MUTABLE_KINDS = new Set(['ARRAY', 'MAP', 'STRUCT', 'BYTES']);
/** After another query read the slot, this many reads by one query alone before it decodes partially. */
const ALONE_AFTER = 4096;
let decoders = 0;

/**
 * A record's value row (never to be changed; valid until the next call of any decoder of its
 * topic: it may be an array its serde fills again, see RowSerde.deserializeTransient).
 */
export type ValueDecoder = (rec: LogRecord) => unknown[] | null;

/**
 * `whole` decodes every value column; `partial`, when given, only the `read` ones (see
 * read-columns.ts). A query alone on its topic decodes what it reads; while other queries of the
 * process read the same topic, each decodes whole rows and they share them (a model's trainer and
 * its scoring query read different columns of every record one after the other).
 */
export function sharedValueDecoder(step: SourceStep, whole: RowSerde, partial?: RowSerde, read?: readonly boolean[]): ValueDecoder {
  const topic = step.topic;
  // A record this process encoded with the same codec carries its row (see kept-rows.ts).
  const codec = whole.codec;
  if (!SELF_CONTAINED.has(step.valueFormat.format) || step.schema.value.some((c) => MUTABLE_KINDS.has(c.type.kind))) {
    const serde = partial ?? whole;
    return (rec) => (codec !== undefined && rec.valueCodec === codec ? rec.valueRow as unknown[] : serde.deserialize(rec.value, topic));
  }
  const signature = `${step.topic}\u0000${JSON.stringify(step.valueFormat)}\u0000${step.schema.value.map((c) => `${c.name} ${formatType(c.type)}`).join(',')}`;
  let slot = slots.get(signature);
  if (!slot) {
    if (slots.size >= MAX_SLOTS) slots.clear();
    slots.set(signature, (slot = { bytes: null, partition: -1, offset: -1, row: null, read: undefined, lastReader: 0, mixed: 0 }));
  }
  const last = slot;
  const me = ++decoders;
  // The source operator copies the row's values out before the next record: no array per record.
  const decodeWhole = transientDecode(whole);
  const decodePartial = partial && transientDecode(partial);
  return (rec) => {
    if (codec !== undefined && rec.valueCodec === codec) return rec.valueRow as unknown[];
    const bytes = rec.value;
    if (last.lastReader !== me) { last.lastReader = me; last.mixed = ALONE_AFTER; } else if (last.mixed > 0) last.mixed--;
    if (bytes !== null && (bytes === last.bytes || sameRecord(rec, bytes, last)) && covers(last.read, read)) return last.row;
    const alone = last.mixed === 0 && partial !== undefined;
    const row = alone ? decodePartial!(bytes, topic) : decodeWhole(bytes, topic);
    last.bytes = bytes;
    last.partition = rec.partition;
    last.offset = rec.offset;
    last.row = row;
    last.read = alone ? read : undefined;
    return row;
  };
}

function transientDecode(serde: RowSerde): (bytes: Uint8Array | null, topic: string) => unknown[] | null {
  return serde.deserializeTransient ? (b, t) => serde.deserializeTransient!(b, t) : (b, t) => serde.deserialize(b, t);
}

/** A copy of the last record decoded: the same partition and offset, and equal bytes. */
function sameRecord(rec: LogRecord, bytes: Uint8Array, last: LastDecoded): boolean {
  const had = last.bytes;
  return rec.offset === last.offset && rec.partition === last.partition && had !== null && had.length === bytes.length && Buffer.compare(had, bytes) === 0;
}

/** Whether a row decoded for `had` holds every column `need` reads. */
function covers(had: readonly boolean[] | undefined, need: readonly boolean[] | undefined): boolean {
  if (had === undefined) return true;
  if (need === undefined) return false;
  for (let i = 0; i < need.length; i++) if (need[i] && !had[i]) return false;
  return true;
}
