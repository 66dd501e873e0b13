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

interface KafkaJsError { type?: string; message?: string; errors?: unknown[]; cause?: unknown; name?: string; retriable?: boolean }

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

/**
 * kafkajs errors that mean no broker could be reached or asked (one down or restarting), so a
 * later attempt may succeed. kafkajs marks some of them non-retriable: "Failed to find group
 * coordinator" when no broker answered, after which its consumer stops for good.
 */
const UNREACHABLE = new Set([
  'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound', 'KafkaJSBrokerNotFound', 'KafkaJSMetadataNotLoaded', 'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSLockTimeout',
]);
/** Kafka errors that kafkajs calls retriable but that a retry does not cure (the topic is gone). */
const PERMANENT_TYPES = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'UNKNOWN_TOPIC_ID']);

/**
 * Whether `e` is transient: no broker was reachable, or one answered with an error Kafka marks
 * retriable (a coordinator loading or moving, a leader election; an unknown topic excepted).
 * Authorization and configuration errors are not. The first Kafka error type in the chain
 * decides, else any link naming an unreachable broker (kafkajs wraps causes several deep).
 */
export function isTransientKafkaError(e: unknown): boolean {
  for (let cur = e as KafkaJsError | undefined, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.type === 'string') return cur.retriable === true && !PERMANENT_TYPES.has(cur.type);
    if (cur.name && UNREACHABLE.has(cur.name)) return true;
    cur = (Array.isArray(cur.errors) ? cur.errors[0] : cur.cause) as KafkaJsError | undefined;
  }
  return false;
}

/** Kafka errors that refuse a record for good: sending it again gets the same answer. */
const REFUSED_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'INVALID_TIMESTAMP']);

/** The Kafka error type when `e` says the broker refused the records sent for good, else undefined. */
export function refusalType(e: unknown): string | undefined {
  const type = kafkaErrorType(e);
  return type && REFUSED_TYPES.has(type) ? type : undefined;
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
