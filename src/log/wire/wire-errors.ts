// Errors of Eddy's own Kafka wire client, shaped as kafkajs's (a `type` naming the Kafka error
// and `retriable`), so kafka-errors.ts reads both alike. The codes are Kafka's
// (org.apache.kafka.common.protocol.Errors); only the ones this client can meet are named.

const ERRORS: Record<number, [type: string, retriable: boolean]> = {
  [-1]: ['UNKNOWN_SERVER_ERROR', false],
  1: ['OFFSET_OUT_OF_RANGE', false],
  2: ['CORRUPT_MESSAGE', true],
  3: ['UNKNOWN_TOPIC_OR_PARTITION', true],
  4: ['INVALID_FETCH_SIZE', false],
  5: ['LEADER_NOT_AVAILABLE', true],
  6: ['NOT_LEADER_OR_FOLLOWER', true],
  7: ['REQUEST_TIMED_OUT', true],
  8: ['BROKER_NOT_AVAILABLE', false],
  9: ['REPLICA_NOT_AVAILABLE', true],
  10: ['MESSAGE_TOO_LARGE', false],
  13: ['NETWORK_EXCEPTION', true],
  14: ['COORDINATOR_LOAD_IN_PROGRESS', true],
  15: ['COORDINATOR_NOT_AVAILABLE', true],
  16: ['NOT_COORDINATOR', true],
  17: ['INVALID_TOPIC_EXCEPTION', false],
  18: ['RECORD_LIST_TOO_LARGE', false],
  19: ['NOT_ENOUGH_REPLICAS', true],
  20: ['NOT_ENOUGH_REPLICAS_AFTER_APPEND', true],
  21: ['INVALID_REQUIRED_ACKS', false],
  24: ['INVALID_GROUP_ID', false],
  29: ['TOPIC_AUTHORIZATION_FAILED', false],
  30: ['GROUP_AUTHORIZATION_FAILED', false],
  31: ['CLUSTER_AUTHORIZATION_FAILED', false],
  32: ['INVALID_TIMESTAMP', false],
  35: ['UNSUPPORTED_VERSION', false],
  43: ['UNSUPPORTED_FOR_MESSAGE_FORMAT', false],
  45: ['OUT_OF_ORDER_SEQUENCE_NUMBER', false],
  46: ['DUPLICATE_SEQUENCE_NUMBER', false],
  47: ['INVALID_PRODUCER_EPOCH', false],
  49: ['INVALID_PRODUCER_ID_MAPPING', false],
  56: ['KAFKA_STORAGE_ERROR', true],
  59: ['UNKNOWN_PRODUCER_ID', false],
  74: ['FENCED_LEADER_EPOCH', true],
  75: ['UNKNOWN_LEADER_EPOCH', true],
  76: ['UNSUPPORTED_COMPRESSION_TYPE', false],
  78: ['OFFSET_NOT_AVAILABLE', true],
  87: ['INVALID_RECORD', false],
  90: ['PRODUCER_FENCED', false],
  100: ['UNKNOWN_TOPIC_ID', true],
};

export class WireError extends Error {
  /** The Kafka error name (e.g. 'NOT_LEADER_OR_FOLLOWER'), or this client's own. */
  readonly type: string;
  readonly retriable: boolean;
  /** A produce refused in part: where each record sent landed, undefined for those not written. */
  landed?: ({ partition: number; offset: number } | undefined)[];

  constructor(type: string, message: string, retriable = false, readonly code?: number) {
    super(message);
    this.name = 'KafkaWireError';
    this.type = type;
    this.retriable = retriable;
  }
}

/** No answer from a broker: refused, closed or timed out (whether the request took effect is unknown). */
export class WireConnectionError extends Error {
  readonly retriable = true;
  constructor(message: string) {
    super(message);
    this.name = 'KafkaWireConnectionError';
  }
}

/** The error for a Kafka error code in a response (code 0 is no error: not called with it). */
export function kafkaError(code: number, where: string, detail?: string | null): WireError {
  const [type, retriable] = ERRORS[code] ?? [`KAFKA_ERROR_${code}`, false];
  return new WireError(type, `${where}: ${type}${detail ? ` (${detail})` : ''}`, retriable, code);
}
