// Encodes operator state (group keys, accumulators, rows) as JSON text that decodes to equal
// values, in the tagged JSON of src/types/tagged-json.ts (SQL values and the plain data aggregate
// accumulators hold). An object with a toJSON method (the streaming-statistics accumulators:
// src/ml's TDigest, Adwin, Cusum) is stored as what it returns and decodes to that plain data;
// its aggregator turns it back into the object.
import { fromTaggedJson, toTaggedJson } from '../../types/tagged-json.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeState(v: unknown): Uint8Array {
  return enc.encode(JSON.stringify(toTaggedJson(v)));
}

export function decodeState(bytes: Uint8Array): unknown {
  return fromTaggedJson(JSON.parse(dec.decode(bytes)));
}
