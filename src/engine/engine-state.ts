// The engine's shared state, handed to each statement executor.
import type { StoredPlan } from '../plan/stored-plan.js';
import type { Log } from '../log/log.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import type { Catalog } from '../plan/catalog.js';
import type { PersistentQuery } from './persistent-query.js';
import type { ProcessingLogWriter } from './processing-log-writer.js';
import type { AnyModel } from './models/any-model.js';
import type { TestThenTrain } from './models/test-then-train.js';
import type { ModelMetricsWriter } from './models/model-metrics-writer.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';
import type { SqlType } from '../types/sql-type.js';
import type { ConnectorHost } from './connectors/connector-host.js';

export interface EngineState {
  log: Log;
  catalog: Catalog;
  registry: FunctionRegistry;
  /** Schemas of the AVRO, PROTOBUF and JSON_SR formats: schema.registry.url's, else in-process. */
  schemaRegistry: SchemaRegistry;
  /** Session properties (SET / UNSET), over the engine's configured ones. */
  properties: Record<string, string>;
  variables: Map<string, string>;
  queries: Map<string, PersistentQuery>;
  /** Models by upper-case name (CREATE MODEL). */
  models: Map<string, AnyModel>;
  /** Types named by CREATE TYPE, by name, each fully resolved (no CUSTOM inside). */
  types: Map<string, SqlType>;
  /** Holds scoring queries and model trainers in lockstep (the test-then-train guarantee). */
  testThenTrain: TestThenTrain;
  /** Connectors by name (CREATE SOURCE CONNECTOR); on a durable service each runs on one instance. */
  connectors: Map<string, ConnectorHost>;
  /** Writes the EDDY_MODEL_METRICS system stream. */
  modelMetrics: ModelMetricsWriter | undefined;
  /** Sequence for query ids (CSAS_X_<n>), as ksqlDB numbers them by command. */
  nextQueryNumber: number;
  serviceId: string;
  processingLog: ProcessingLogWriter;
  /** Directory that relative COPY paths resolve against. */
  baseDir: string;
  /** Queries keep changelogged state and repartition by key (a service on a shared log). */
  durable: boolean;
  /** This instance's name within the service (transactional ids). */
  instanceId: string;
  /** While a command is replayed: its source topics' end offsets when it was accepted (see persistent-query.ts). */
  acceptedOffsets?: Record<string, number[]>;
  /** While a command of the command topic is replayed (statements as stored, e.g. with inferred columns pinned). */
  replaying?: boolean;
  /** While a command with a stored plan is replayed: the plan to run instead of planning its statement again. */
  replayPlan?: StoredPlan;
}

export const DEFAULT_PROPERTIES: Record<string, string> = {
  'auto.offset.reset': 'latest',
  'ksql.persistence.default.format.key': 'KAFKA',
  'ksql.functions.collect_list.limit': '1000',
  'ksql.functions.collect_set.limit': '1000',
  'processing.guarantee': 'at_least_once',
  /** How often EDDY_MODEL_METRICS gets a row per model (0: never). */
  'eddy.model.metrics.interval.ms': '5000',
};

/** processing.guarantee: exactly_once (or ksqlDB's exactly_once_v2) uses transactions. */
export function exactlyOnce(props: Record<string, string>): boolean {
  const v = (props['processing.guarantee'] ?? props['ksql.streams.processing.guarantee'] ?? '').toLowerCase();
  return v === 'exactly_once' || v === 'exactly_once_v2';
}

/** auto.offset.reset may be set with or without the ksql.streams. prefix. */
export function offsetReset(props: Record<string, string>): 'earliest' | 'latest' {
  const v = props['ksql.streams.auto.offset.reset'] ?? props['auto.offset.reset'] ?? 'latest';
  return v.toLowerCase() === 'earliest' ? 'earliest' : 'latest';
}
