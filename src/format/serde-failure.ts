// Internal failure signals of the readers, turned into one SerdeError at the serde boundary. Plain
// objects rather than Errors: no stack is captured while a failure travels up nested values.
import { SerdeError } from './serde.js';

/** A value that does not fit its type. `path` grows as the failure passes up ("$.A[2].B"). */
export class Failure {
  constructor(readonly message: string, readonly path = '', readonly bad?: string) {}
}

/** Prefix a child's failure with where that child sits; anything else thrown becomes a Failure here. */
export function atPath(e: unknown, part: string): unknown {
  if (e instanceof Failure) return new Failure(e.message, part + e.path, e.bad);
  if (typeof e === 'symbol') return e; // control signals (see NEED_EXACT) pass through untouched
  return new Failure(e instanceof Error ? e.message : String(e), part);
}

/** An array converted item by item, a failing item's error naming its index. */
export function mapItems(item: (v: unknown) => unknown): (v: unknown) => unknown[] {
  return (v) => {
    const a = v as unknown[];
    const out = new Array(a.length);
    for (let i = 0; i < a.length; i++) {
      try { out[i] = item(a[i]); } catch (e) { throw atPath(e, `[${i}]`); }
    }
    return out;
  };
}

/** Quoted, shortened text of an offending value for messages. */
export function snippet(text: string): string {
  const t = text.length > 60 ? text.slice(0, 60) + '…' : text;
  return JSON.stringify(t);
}

/** "Failed to deserialize value from topic: t. <what>, path: $.A, value: "x"" (ksqlDB's wording, plus the value). */
export function deserializeError(target: string, topic: string, e: unknown): SerdeError {
  if (e instanceof SerdeError) return e;
  let detail: string;
  if (e instanceof Failure) {
    detail = e.message + (e.path ? `, path: ${e.path}` : '') + (e.bad === undefined ? '' : `, value: ${e.bad}`);
  } else {
    detail = e instanceof Error ? e.message : String(e);
  }
  return new SerdeError(`Failed to deserialize ${target} from topic: ${topic}. ${detail}`, { cause: e });
}

export function serializeError(target: string, topic: string, e: unknown): SerdeError {
  if (e instanceof SerdeError) return e;
  let detail: string;
  if (e instanceof Failure) detail = e.message + (e.path ? `, path: ${e.path}` : '');
  else detail = e instanceof Error ? e.message : String(e);
  return new SerdeError(`Failed to serialize ${target} to topic: ${topic}. ${detail}`, { cause: e });
}

/** SerdeUtils.throwOnColumnCountMismatch's message. */
export function columnCountMismatch(expected: number, got: number, serialization: boolean, topic: string): Failure {
  return new Failure(`Column count mismatch on ${serialization ? 'serialization' : 'deserialization'}. topic: ${topic}, expected: ${expected}, got: ${got}`);
}

/** What a non-conforming engine value is, for serialize errors. */
export function jsTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Uint8Array) return 'Uint8Array';
  if (v instanceof Map) return 'Map';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}
