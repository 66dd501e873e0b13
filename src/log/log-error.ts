// Errors of the Log layer. Kept apart from SqlError: the log is a storage layer and knows nothing
// of SQL; the engine maps these codes to SQL errors where users see them.

export type LogErrorCode =
  | 'TOPIC_EXISTS'
  | 'UNKNOWN_TOPIC'
  | 'INVALID_TOPIC'
  | 'INVALID_PARTITION'
  | 'CLOSED';

export class LogError extends Error {
  constructor(readonly code: LogErrorCode, message: string) {
    super(message);
    this.name = 'LogError';
  }
}
