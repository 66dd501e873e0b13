// Errors of the Log layer. Kept apart from SqlError: the log is a storage layer and knows nothing
// of SQL; the engine maps these codes to SQL errors where users see them.

export type LogErrorCode =
  | 'TOPIC_EXISTS'
  | 'UNKNOWN_TOPIC'
  | 'INVALID_TOPIC'
  | 'INVALID_PARTITION'
  | 'CLOSED'
  /** A newer transactional producer with the same transactional id took over (the old one must stop). */
  | 'PRODUCER_FENCED'
  /** A transactional call out of order: produce or commit with no open transaction, begin twice. */
  | 'INVALID_TRANSACTION_STATE'
  /** Records the topic refuses whatever the retries (over its max.message.bytes, malformed): produce-errors.ts. */
  | 'RECORD_REFUSED';

export class LogError extends Error {
  constructor(readonly code: LogErrorCode, message: string) {
    super(message);
    this.name = 'LogError';
  }
}
