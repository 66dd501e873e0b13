// Records between the Log's shape and kafkajs's. Bytes are not copied: a Uint8Array is wrapped as
// a Buffer over the same memory, and fetched Buffers (which are Uint8Arrays) are handed out as is.

import type { IHeaders, Message } from 'kafkajs';
import type { Header, LogRecord, ProducerRecord } from './log.js';

/** A record as kafkajs's consumer hands it out (its KafkaMessage, typed for the fields used here). */
export interface RawMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | (Buffer | null)[]>;
}

export function toBuffer(b: Uint8Array): Buffer;
export function toBuffer(b: Uint8Array | null): Buffer | null;
export function toBuffer(b: Uint8Array | null): Buffer | null {
  if (b === null) return null;
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

const EMPTY = Buffer.alloc(0);

/**
 * kafkajs takes headers as an object of key → value(s). Repeated keys keep their relative order,
 * but headers with different keys come out grouped by key in first-seen order (a [a, b, a] list
 * is written as [a, a, b]). kafkajs cannot write a null header value: it is written empty.
 */
export function toKafkaHeaders(headers: Header[] | undefined): IHeaders | undefined {
  if (!headers || headers.length === 0) return undefined;
  const out: Record<string, Buffer[]> = Object.create(null);
  for (const h of headers) (out[h.key] ??= []).push(h.value === null ? EMPTY : toBuffer(h.value));
  return out;
}

export function fromKafkaHeaders(headers: RawMessage['headers'] | undefined): Header[] {
  const out: Header[] = [];
  if (!headers) return out;
  for (const key of Object.keys(headers)) {
    const v = headers[key];
    for (const value of Array.isArray(v) ? v : [v]) out.push({ key, value: value ?? null });
  }
  return out;
}

export function toKafkaMessage(r: ProducerRecord, partition: number): Message {
  return {
    key: toBuffer(r.key),
    value: toBuffer(r.value),
    partition,
    headers: toKafkaHeaders(r.headers),
    timestamp: String(r.timestamp ?? Date.now()),
  };
}

export function toLogRecord(topic: string, partition: number, m: RawMessage): LogRecord {
  return {
    topic,
    partition,
    offset: Number(m.offset),
    key: m.key,
    value: m.value,
    timestamp: Number(m.timestamp),
    headers: fromKafkaHeaders(m.headers),
  };
}

/** Keeps each produce request well under the broker's default 1 MB message.max.bytes. */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** Rough wire size of a record, to keep produce requests under the broker's size limit. */
export function approxSize(r: ProducerRecord): number {
  let n = 32 + (r.key?.byteLength ?? 0) + (r.value?.byteLength ?? 0);
  for (const h of r.headers ?? []) n += 8 + h.key.length * 3 + (h.value?.byteLength ?? 0);
  return n;
}
