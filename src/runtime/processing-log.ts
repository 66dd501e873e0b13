// Where records that cannot be decoded or evaluated go, with enough to find them again.
import type { Header } from '../log/log.js';

export interface ProcessingLogEntry {
  queryId: string;
  /** 'DESERIALIZATION' | 'EVALUATION' | 'SERIALIZATION' | 'TIMESTAMP' */
  type: string;
  message: string;
  topic?: string;
  partition?: number;
  offset?: number;
  /** The failing record as text, when available (truncated). */
  record?: string;
}

export interface ProcessingLogger {
  log(entry: ProcessingLogEntry): void;
}

/** Where in the input the row being processed came from (set by the source before each row). */
export interface RecordContext {
  queryId: string;
  topic: string;
  partition: number;
  offset: number;
  /** The record's headers (set by sources and repartition readers): what its results carry on, as Kafka Streams forwards them. */
  headers?: Header[];
}
