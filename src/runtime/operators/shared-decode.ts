// Queries that read the same topic with the same value columns and format decode each record
// once. A model's training query and the query scoring with PREDICT read every record in
// lockstep, one after the other, so the second finds the first one's row here (in process, a
// record is the same object for every consumer; records from a broker are new objects, and
// simply miss). Only rows of immutable values are shared (no query can change a value another
// sees), and only of formats that decode bytes alone (a registry format's bytes name a schema id,
// which two engines in one process may give different schemas).
import type { SourceStep } from '../../plan/physical-plan.js';
import type { RowSerde } from '../../format/index.js';
import { formatType } from '../../types/sql-type.js';

interface LastDecoded { bytes: Uint8Array | null; row: unknown[] | null }

/** The last record decoded, per topic, format and columns. */
const slots = new Map<string, LastDecoded>();
const MAX_SLOTS = 1000;
const SELF_CONTAINED = new Set(['JSON', 'DELIMITED', 'KAFKA']);
/** Values an operator could change in place (BYTES are Uint8Arrays). */
const MUTABLE_KINDS = new Set(['ARRAY', 'MAP', 'STRUCT', 'BYTES']);

export type ValueDecoder = (bytes: Uint8Array | null, topic: string) => unknown[] | null;

export function sharedValueDecoder(step: SourceStep, serde: RowSerde): ValueDecoder {
  if (!SELF_CONTAINED.has(step.valueFormat.format) || step.schema.value.some((c) => MUTABLE_KINDS.has(c.type.kind))) {
    return (bytes, topic) => serde.deserialize(bytes, topic);
  }
  const signature = `${step.topic}\u0000${JSON.stringify(step.valueFormat)}\u0000${step.schema.value.map((c) => `${c.name} ${formatType(c.type)}`).join(',')}`;
  let slot = slots.get(signature);
  if (!slot) {
    if (slots.size >= MAX_SLOTS) slots.clear();
    slots.set(signature, (slot = { bytes: null, row: null }));
  }
  const last = slot;
  return (bytes, topic) => {
    if (bytes !== null && bytes === last.bytes) return last.row;
    const row = serde.deserialize(bytes, topic);
    last.bytes = bytes;
    last.row = row;
    return row;
  };
}
