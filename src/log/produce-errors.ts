// How Log.produce reports a batch it could write only in part. A record the topic can never take
// (over its max.message.bytes, malformed) is refused alone: the rest of its batch is appended.
// A batch that fails partway (KafkaLog sends large ones in chunks) says how far it got, so a
// retry does not append again what is already in the log.
import { LogError } from './log-error.js';
import { kafkaErrorType } from './kafka-errors.js';
import { RowRecord } from './row-record.js';
import type { ProducerRecord } from './log.js';

export interface RefusedRecord {
  /** The record's index in the batch given to produce. */
  index: number;
  reason: string;
}

/** Some records were refused for good; every other record of the batch was appended. */
export class RecordsRefused extends LogError {
  constructor(readonly topic: string, readonly refused: RefusedRecord[]) {
    super('RECORD_REFUSED', `topic '${topic}' refused ${refused.length === 1 ? 'a record' : `${refused.length} records`}: ${refused[0].reason}`);
  }
}

/**
 * The batch failed (with `cause`) after its first `settled` records were dealt with: appended,
 * or refused for good (`refused`, indexes below `settled`). The records from `settled` on are not
 * in the log, except perhaps some of the one request that failed.
 */
export class PartialProduce extends Error {
  constructor(readonly settled: number, readonly refused: RefusedRecord[], override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PartialProduce';
  }
}

/** Kafka's default max.message.bytes (and the broker's message.max.bytes): 1 MB plus batch overhead. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
/** A v2 record batch's header; one record's framing is a few varints more. */
const BATCH_OVERHEAD = 61;
const RECORD_OVERHEAD = 21;

/** A record's size in a batch of its own, as the broker compares it with max.message.bytes. */
export function recordBatchBytes(r: { key: Uint8Array | null; value: Uint8Array | null; headers?: { key: string; value: Uint8Array | null }[] }): number {
  return batchBytes(r.key, r.value?.byteLength ?? 0, r.headers);
}

/** The record's recordBatchBytes when it is over `max`, else undefined (a row is encoded only if it may be over). */
export function sizeOver(r: ProducerRecord, max: number): number | undefined {
  // A bound of a row's bytes, found without encoding it; only a row that may be over is encoded.
  if (r instanceof RowRecord && r.encoded === undefined && batchBytes(r.key, r.sizes().bound, r.headers) <= max) return undefined;
  const size = recordBatchBytes(r);
  return size > max ? size : undefined;
}

function batchBytes(key: Uint8Array | null, valueBytes: number, headers: { key: string; value: Uint8Array | null }[] | undefined): number {
  let n = BATCH_OVERHEAD + RECORD_OVERHEAD + (key?.byteLength ?? 0) + valueBytes;
  if (headers) for (const h of headers) n += 10 + Buffer.byteLength(h.key) + (h.value?.byteLength ?? 0);
  return n;
}

/** The size limit a topic's config sets on one record batch. */
export function maxMessageBytes(config: Record<string, string>): number {
  const v = Number(config['max.message.bytes']);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_MESSAGE_BYTES;
}

/** Kafka errors that no retry of a write cures (the client may not write the topic). */
const UNWRITABLE_TYPES = new Set(['TOPIC_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED']);

/**
 * Whether a failed write can never succeed as it is: the topic does not exist (KafkaLog says so
 * only after asking the broker), a partition it does not have, or no authorization.
 */
export function isUnwritable(e: unknown): boolean {
  if (e instanceof PartialProduce) return isUnwritable(e.cause);
  if (e instanceof LogError) return e.code === 'UNKNOWN_TOPIC' || e.code === 'INVALID_PARTITION';
  const type = kafkaErrorType(e);
  return type !== undefined && UNWRITABLE_TYPES.has(type);
}
