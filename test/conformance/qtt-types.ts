// The ksqlDB query-validation-test (QTT) model, as the runner and the engine wiring see it:
// one QttCase per expanded test (a test × its `format` × its `config`). JSON payloads stay as
// parsed by parseJsonExact, numbers as JsonNumber, so DECIMAL scale and 64-bit ints survive.

import type { JsonNumber } from '../../src/format/json-exact.js';

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [field: string]: JsonValue };

export interface QttWindow {
  start: number;
  end: number;
  /** Upper-cased, as ksqlDB's WindowData.Type. */
  type: 'TIME' | 'SESSION';
}

export interface QttHeader {
  key: string;
  /** Decoded from the file's base64 VALUE; null when the header value is null. */
  value: Uint8Array | null;
}

export interface QttRecord {
  topic: string;
  /** null when absent: a null key. */
  key: JsonValue;
  /** null = tombstone. DELIMITED rows are strings ("1,foo"). */
  value: JsonValue;
  /** Epoch ms. Absent on inputs = 0 (the runner's default); absent on outputs = not checked. */
  timestamp?: number;
  window?: QttWindow;
  /** Absent: inputs carry none, outputs must carry none (ksqlDB compares against []). */
  headers?: QttHeader[];
}

/** A topic to create (and, for SR formats, schemas to register) before the statements run. */
export interface QttTopic {
  name: string;
  /** Legacy single `format` is folded into valueFormat. */
  keyFormat?: string;
  valueFormat?: string;
  keySchema?: JsonValue;
  valueSchema?: JsonValue;
  keySchemaId?: number;
  valueSchemaId?: number;
  keySchemaReferences?: JsonValue;
  valueSchemaReferences?: JsonValue;
  keySerdeFeatures?: string[];
  valueSerdeFeatures?: string[];
  partitions?: number;
  replicas?: number;
}

export interface QttExpectedException {
  /** A Java class name, e.g. io.confluent.ksql.util.KsqlStatementException. */
  type?: string;
  /** A substring the message must contain. */
  message?: string;
  cause?: string;
  causeMessage?: string;
}

export interface QttPostKeyFormat {
  format: string;
  /** e.g. 'TUMBLING', 'HOPPING', 'SESSION' for windowed keys. */
  windowType?: string;
  windowSize?: number;
  properties?: Record<string, JsonValue>;
}

export interface QttPostSource {
  name: string;
  type: string; // 'stream' | 'table' (any case)
  schema?: string;
  keyFormat?: QttPostKeyFormat;
  valueFormat?: string;
  keyFeatures?: string[];
  valueFeatures?: string[];
  isSource?: boolean;
}

export interface QttPostFormat {
  format: string;
  features?: string[];
  properties?: Record<string, JsonValue>;
  windowInfo?: JsonValue;
}

export interface QttPostTopic {
  name: string;
  keyFormat?: QttPostFormat;
  valueFormat?: QttPostFormat;
  keySchema?: JsonValue;
  valueSchema?: JsonValue;
  partitions?: number;
}

export interface QttPost {
  sources?: QttPostSource[];
  topics?: {
    /** A regex: topics whose names match are ignored by the topic check. */
    blacklist?: string;
    topics?: QttPostTopic[];
  };
}

export interface QttCase {
  /** `<file-stem> - <name>[ - <FORMAT>][ - <property>=<config>]` */
  id: string;
  /** The case file's name, e.g. "joins.json". */
  file: string;
  /** The test's own name. */
  name: string;
  /** The `format` value this expansion substituted for {FORMAT}. */
  format?: string;
  /** The `config` value this expansion substituted for {CONFIG}, and the property that got it. */
  config?: string;
  configProperty?: string;
  /** With {FORMAT} substituted. */
  statements: string[];
  /** ksqlDB property overrides, values as text (with {CONFIG} substituted). */
  properties: Record<string, string>;
  topics: QttTopic[];
  inputs: QttRecord[];
  outputs: QttRecord[];
  expectedException?: QttExpectedException;
  post?: QttPost;
}

export interface CaseOutcome {
  status: 'pass' | 'fail' | 'error';
  message?: string;
}
