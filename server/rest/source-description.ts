// DESCRIBE and SHOW STREAMS/TABLES EXTENDED: ksqlDB's sourceDescription, filled from the
// engine's catalog and running queries. Statistics are not kept by Eddy: they are empty.
import type { Engine } from '../../src/engine/engine.js';
import { fieldInfo, type FieldInfo } from './schema-info.js';
import { runningQuery, type RunningQuery } from './running-query.js';

export interface SourceDescription {
  name: string;
  windowType: string | null;
  readQueries: RunningQuery[];
  writeQueries: RunningQuery[];
  fields: FieldInfo[];
  type: 'STREAM' | 'TABLE';
  timestamp: string;
  statistics: string;
  errorStats: string;
  extended: boolean;
  keyFormat: string;
  valueFormat: string;
  topic: string;
  partitions: number;
  replication: number;
  statement: string;
  queryOffsetSummaries: unknown[];
  sourceConstraints: string[];
}

/** The description of a catalog source; undefined when there is none by that name. */
export async function describeSource(engine: Engine, name: string, extended: boolean): Promise<SourceDescription | undefined> {
  const def = engine.state.catalog.get(name);
  if (!def) return undefined;
  const queries = [...engine.state.queries.values()];
  const fields: FieldInfo[] = [
    ...def.schema.key.map((c) => fieldInfo(c.name, c.type, true)),
    ...def.schema.value.map((c): FieldInfo => (c.namespace === 'HEADERS'
      ? { ...fieldInfo(c.name, c.type), type: 'HEADER', ...(c.headerKey !== undefined ? { headerKey: c.headerKey } : {}) }
      : fieldInfo(c.name, c.type))),
  ];
  const topic = extended ? await engine.log.describeTopic(def.topic).catch(() => undefined) : undefined;
  return {
    name: def.name,
    windowType: def.window?.type ?? null,
    readQueries: queries.filter((q) => q.sourceNames.includes(def.name)).map(runningQuery),
    writeQueries: queries.filter((q) => q.sinkName === def.name).map(runningQuery),
    fields,
    type: def.type,
    timestamp: def.timestampColumn ?? '',
    statistics: '',
    errorStats: '',
    extended,
    keyFormat: def.keyFormat.format,
    valueFormat: def.valueFormat.format,
    topic: def.topic,
    partitions: topic?.partitions ?? 0,
    replication: topic?.replicas ?? (topic ? 1 : 0),
    statement: def.sql,
    queryOffsetSummaries: [],
    // Sources whose queries read this one (ksqlDB lists those that stop a DROP).
    sourceConstraints: [...new Set(queries.filter((q) => q.kind !== 'PUSH' && q.sourceNames.includes(def.name) && q.sinkName).map((q) => q.sinkName!))],
  };
}
