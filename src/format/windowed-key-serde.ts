// Keys of windowed sources, as Kafka Streams' windowed serdes lay them out:
//   TUMBLING/HOPPING (TimeWindowedSerializer): inner key bytes + 8-byte big-endian window start;
//     the end is not stored, so reading needs the window size (end = start + size).
//   SESSION (SessionWindowedSerializer): inner key bytes + 8-byte end + 8-byte start.
import type { RowSerde, WindowBounds, WindowedKeySerde, WindowType } from './serde.js';
import { SerdeError } from './serde.js';
import { allocBytes, view } from './bytes.js';

const LONG_MAX = 2 ** 63 - 1;

export function windowedKeySerde(inner: RowSerde, windowType: WindowType, windowSizeMs?: number): WindowedKeySerde {
  if (windowType === 'SESSION') return new SessionKeySerde(inner);
  if (windowSizeMs === undefined || !(windowSizeMs > 0)) {
    throw new RangeError(`${windowType} windowed keys need the window size (got ${windowSizeMs})`);
  }
  return new TimeKeySerde(inner, windowSizeMs);
}

const NO_WINDOW: WindowBounds = Object.freeze({ start: 0, end: 0 });

function innerBytes(inner: RowSerde, row: readonly unknown[], topic: string): Uint8Array {
  const bytes = inner.serialize(row, topic);
  if (bytes === null) throw new SerdeError(`Failed to serialize key to topic: ${topic}. A windowed key cannot be null`);
  return bytes;
}

function writeLong(out: Buffer, at: number, v: number, topic: string): void {
  if (!Number.isSafeInteger(v)) throw new SerdeError(`Failed to serialize key to topic: ${topic}. Bad window bound: ${v}`);
  out.writeBigInt64BE(BigInt(v), at);
}

function readLong(bytes: Uint8Array, at: number): number {
  return Number(new DataView(bytes.buffer, bytes.byteOffset + at, 8).getBigInt64(0));
}

function tooShort(topic: string, got: number, need: number, layout: string): SerdeError {
  return new SerdeError(`Failed to deserialize key from topic: ${topic}. Windowed key has ${got} bytes; ` +
    `expected at least ${need} (${layout})`);
}

// The messages are built outside the per-record functions: a template literal that formats a
// double (a window bound) makes V8's optimized code for its function cost ~150 ns more per call.
function negativeStart(topic: string, start: number): SerdeError {
  return new SerdeError(`Failed to deserialize key from topic: ${topic}. Window startMs time cannot be negative (got ${start})`);
}

function endBeforeStart(topic: string, start: number, end: number): SerdeError {
  return new SerdeError(`Failed to deserialize key from topic: ${topic}. Window endMs time cannot be smaller than window startMs time (start ${start}, end ${end})`);
}

class TimeKeySerde implements WindowedKeySerde {
  constructor(private readonly inner: RowSerde, private readonly sizeMs: number) {}

  prefetch(bytes: Uint8Array | null): Promise<void> | undefined { return this.inner.prefetch?.(bytes); }

  serialize(row: readonly unknown[] | null, window: WindowBounds, topic: string): Uint8Array | null {
    if (row === null) return null;
    const key = innerBytes(this.inner, row, topic);
    const out = allocBytes(key.length + 8);
    out.set(key);
    writeLong(out, key.length, window.start, topic);
    return view(out);
  }

  deserialize(bytes: Uint8Array | null, topic: string): { row: unknown[] | null; window: WindowBounds } {
    if (bytes === null || bytes.length === 0) return { row: null, window: NO_WINDOW };
    if (bytes.length < 8) throw tooShort(topic, bytes.length, 8, 'key + 8-byte window start');
    const start = readLong(bytes, bytes.length - 8);
    if (start < 0) throw negativeStart(topic, start);
    const end = start + this.sizeMs;
    const row = this.inner.deserialize(bytes.subarray(0, bytes.length - 8), topic);
    return { row, window: { start, end: end > LONG_MAX ? LONG_MAX : end } };
  }
}

class SessionKeySerde implements WindowedKeySerde {
  constructor(private readonly inner: RowSerde) {}

  prefetch(bytes: Uint8Array | null): Promise<void> | undefined { return this.inner.prefetch?.(bytes); }

  serialize(row: readonly unknown[] | null, window: WindowBounds, topic: string): Uint8Array | null {
    if (row === null) return null;
    const key = innerBytes(this.inner, row, topic);
    const out = allocBytes(key.length + 16);
    out.set(key);
    writeLong(out, key.length, window.end, topic);
    writeLong(out, key.length + 8, window.start, topic);
    return view(out);
  }

  deserialize(bytes: Uint8Array | null, topic: string): { row: unknown[] | null; window: WindowBounds } {
    if (bytes === null || bytes.length === 0) return { row: null, window: NO_WINDOW };
    if (bytes.length < 16) throw tooShort(topic, bytes.length, 16, 'key + 8-byte window end + 8-byte window start');
    const end = readLong(bytes, bytes.length - 16);
    const start = readLong(bytes, bytes.length - 8);
    if (start < 0) throw negativeStart(topic, start);
    if (end < start) throw endBeforeStart(topic, start, end);
    const row = this.inner.deserialize(bytes.subarray(0, bytes.length - 16), topic);
    return { row, window: { start, end } };
  }
}
