// kafkajs errors as LogErrors where the Log interface has a code for them; anything else
// (connection, authorization, timeouts) is passed on as kafkajs raised it.

import { LogError, type LogErrorCode } from './log-error.js';

const CODES: Record<string, LogErrorCode> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'UNKNOWN_TOPIC',
  UNKNOWN_TOPIC_ID: 'UNKNOWN_TOPIC',
  TOPIC_ALREADY_EXISTS: 'TOPIC_EXISTS',
  INVALID_TOPIC_EXCEPTION: 'INVALID_TOPIC',
  INVALID_PARTITIONS: 'INVALID_TOPIC',
  INVALID_REPLICATION_FACTOR: 'INVALID_TOPIC',
  INVALID_REPLICA_ASSIGNMENT: 'INVALID_TOPIC',
  INVALID_CONFIG: 'INVALID_TOPIC',
  POLICY_VIOLATION: 'INVALID_TOPIC',
};

interface KafkaJsError { type?: string; message?: string; errors?: unknown[]; cause?: unknown; name?: string }

/** The Kafka error type (e.g. 'UNKNOWN_TOPIC_OR_PARTITION') inside a kafkajs error, if any. */
export function kafkaErrorType(e: unknown): string | undefined {
  for (let cur = e as KafkaJsError | undefined, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.type === 'string') return cur.type;
    // Aggregate errors (createTopics) hold one error per topic; retry wrappers hold the cause.
    cur = (Array.isArray(cur.errors) ? cur.errors[0] : cur.cause) as KafkaJsError | undefined;
  }
  return undefined;
}

/** A LogError for `e` with the given context, or `e` itself when no Log code fits. */
export function toLogError(e: unknown, context: string): unknown {
  if (e instanceof LogError) return e;
  const type = kafkaErrorType(e);
  const code = type ? CODES[type] : undefined;
  if (!code) return e;
  const detail = deepestMessage(e);
  return new LogError(code, `${context}: ${detail}`);
}

function deepestMessage(e: unknown): string {
  let cur = e as KafkaJsError | undefined;
  let msg = cur?.message ?? String(e);
  for (let depth = 0; cur && depth < 5; depth++) {
    if (cur.message) msg = cur.message;
    cur = (Array.isArray(cur.errors) ? cur.errors[0] : cur.cause) as KafkaJsError | undefined;
  }
  return msg;
}

/**
 * Whether `e` says a transactional producer's epoch is stale: a newer producer with the same
 * transactional id initialized (or the coordinator aborted the producer's transaction after its
 * timeout, which bumps the epoch too: the broker does not say which). Kafka answers
 * INVALID_PRODUCER_EPOCH, or PRODUCER_FENCED (code 90), which kafkajs 2.2.4 does not know and
 * reports as "Unknown error code 90".
 */
export function isProducerFenced(e: unknown): boolean {
  for (let cur = e as KafkaJsError | undefined, depth = 0; cur && depth < 5; depth++) {
    if (cur.type === 'INVALID_PRODUCER_EPOCH' || cur.type === 'PRODUCER_FENCED') return true;
    if (cur.type === 'KAFKAJS_UNKNOWN_ERROR_CODE' && /\b90\b/.test(cur.message ?? '')) return true;
    cur = (Array.isArray(cur.errors) ? cur.errors[0] : cur.cause) as KafkaJsError | undefined;
  }
  return false;
}
