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

/** The last record of one partition decoded through a topic's slot. */
interface LastDecoded {
  bytes: Uint8Array | null;
  /** Where `bytes` came from. */
  partition: number;
  offset: number;
  row: unknown[] | null;
  /** The value columns `row` holds (undefined: all; the others are null). */
  read: readonly boolean[] | undefined;
  /** The array the next decode of this partition fills (see fresh), and its uses so far. */
  own: unknown[] | undefined;
  uses: number;
}

/** Per topic, format and columns: the last record decoded of each partition. */
interface Slot {
  parts: (LastDecoded | undefined)[];
  /** The decoder that read through this slot last. */
  lastReader: number;
  /** Reads left before a decoder reading alone decodes only its columns again (see below). */
  mixed: number;
  /** Lookups left in this window, the hits in it, and windows left of decoding own columns (see below). */
  window: number;
  hits: number;
  unshared: number;
}

const slots = new Map<string, Slot>();
const MAX_SLOTS = 1000;
/**
 * Partitions with a place of their own in a slot (beyond, partitions share places). The queries
 * sharing rows go in lockstep per partition (test-then-train), not across partitions: the
 * scoring query may take records of other partitions before the trainer reaches this one's, so
 * one place for the whole topic missed on most records of a topic with several partitions.
 */
const PART_PLACES = 256;
/** Rows a place fills into one array before it takes a new one: it stays in the young generation. */
const RENEW_EVERY = 128;
const SELF_CONTAINED = new Set(['JSON', 'DELIMITED', 'KAFKA']);
/** Values an operator could change in place (BYTES are Uint8Arrays). */
const MUTABLE_KINDS = new Set(['ARRAY', 'MAP', 'STRUCT', 'BYTES']);
/** After another query read the slot, this many reads by one query alone before it decodes partially. */
const ALONE_AFTER = 4096;
/**
 * Queries reading one topic need not go in step: a model learning per task (its parts merged)
 * reads a poll's records after the scoring query took them all, so no kept record is the one
 * asked for, and whole rows were decoded for nothing (every string made). Lookups are counted in
 * windows of PROBE: after a window with under one hit in HIT_RATE, decoders read only their
 * columns for UNSHARED_WINDOWS windows, then decode whole rows for one window again to see.
 */
const PROBE = 4096;
const HIT_RATE = 8;
const UNSHARED_WINDOWS = 15;
let decoders = 0;

/**
 * A record's value row (never to be changed; valid until the next call of any decoder of its
 * topic: the array is filled again by a later decode of its partition).
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
    slots.set(signature, (slot = { parts: [], lastReader: 0, mixed: 0, window: PROBE, hits: 0, unshared: 0 }));
  }
  const shared = slot;
  const width = step.schema.value.length;
  const me = ++decoders;
  return (rec) => {
    if (codec !== undefined && rec.valueCodec === codec) return rec.valueRow as unknown[];
    const bytes = rec.value;
    if (shared.lastReader !== me) { shared.lastReader = me; shared.mixed = ALONE_AFTER; } else if (shared.mixed > 0) shared.mixed--;
    if (--shared.window === 0) endWindow(shared);
    const place = rec.partition % PART_PLACES;
    let last = shared.parts[place];
    if (last === undefined) shared.parts[place] = last = { bytes: null, partition: -1, offset: -1, row: null, read: undefined, own: undefined, uses: 0 };
    if (bytes !== null && (bytes === last.bytes || sameRecord(rec, bytes, last)) && covers(last.read, read)) {
      shared.hits++;
      return last.row;
    }
    const alone = partial !== undefined && (shared.mixed === 0 || shared.unshared > 0);
    // The source operator copies the row's values out before the next record: the place's own
    // array is filled (no array per record) where the serde can (RowSerde.deserializeInto).
    const serde = alone ? partial : whole;
    // Emptied first: a decode that fails partway has written part of the array.
    last.bytes = null;
    last.row = null;
    const row = serde.deserializeInto ? serde.deserializeInto(bytes, topic, fresh(last, width)) : serde.deserialize(bytes, topic);
    last.bytes = bytes;
    last.partition = rec.partition;
    last.offset = rec.offset;
    last.row = row;
    last.read = alone ? read : undefined;
    return row;
  };
}

/** A window of lookups ends: whether the next ones decode whole rows (see PROBE). */
function endWindow(slot: Slot): void {
  if (slot.unshared > 0) slot.unshared--;
  else if (slot.hits * HIT_RATE < PROBE) slot.unshared = UNSHARED_WINDOWS;
  slot.hits = 0;
  slot.window = PROBE;
}

/**
 * The array a place's next decode fills, renewed every RENEW_EVERY uses: an array kept for long
 * is promoted to the old generation, and then every number stored into it (a new heap object)
 * takes the write barrier's slow path.
 */
function fresh(last: LastDecoded, width: number): unknown[] {
  if (last.own === undefined || ++last.uses === RENEW_EVERY) {
    last.uses = 0;
    last.own = new Array<unknown>(width);
  }
  return last.own;
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
