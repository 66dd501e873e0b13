// CREATE STREAM|TABLE ... AS SELECT and INSERT INTO ... SELECT: plan, create the sink, run.
import type { CreateAsSelect, InsertInto } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import type { SourceDef } from '../plan/catalog.js';
import type { Step, SinkStep } from '../plan/physical-plan.js';
import type { FormatName, FormatSpec } from '../format/serde.js';
import { planSelect } from '../plan/plan-select.js';
import { leftmostSource } from '../plan/plan-helpers.js';
import { restorePlan, storePlan } from '../plan/stored-plan.js';
import { parseWithProps, formatSpec, checkTopicName, defaultWrap } from './with-properties.js';
import { ensureTopic } from './topic-setup.js';
import { validateFormats } from './validate-formats.js';
import { startQuery, terminateQuery } from './persistent-query.js';
import { lookaheadWarning } from './models/lookahead.js';
import { funnelWarning } from './models/funnel-warning.js';
import { castToSink } from './insert-into-cast.js';
import { checkJoinPartitions } from './join-partitions.js';
import { checkNoQueryCycle } from './query-cycles.js';
import { offsetReset } from './engine-state.js';
import { SqlError } from '../types/sql-error.js';
import { formatSchema, isHeaderColumn } from '../types/schema.js';
import { timestampFromColumn } from '../runtime/operators/timestamp-extractor.js';
import { checkSchemaIdFormat, registerSchemas } from './registry-schemas.js';
import { keySchemaName } from '../format/avro/avro-schema-from-columns.js';
import { prepareAvroWrites } from '../format/avro/avro-registration.js';
import { prepareProtobufWrites } from '../format/protobuf/protobuf-registration.js';
import { prepareJsonSrWrites } from '../format/json-sr/json-sr-registration.js';

/** The sources a plan reads, by name, in plan order. */
export function planSources(root: Step): string[] {
  const out: string[] = [];
  const walk = (s: Step): void => {
    if (s.kind === 'source') { if (!out.includes(s.sourceName)) out.push(s.sourceName); }
    else if (s.kind === 'join') { walk(s.left); walk(s.right); }
    else walk(s.input);
  };
  walk(root);
  return out;
}

export async function executeCreateAsSelect(state: EngineState, s: CreateAsSelect): Promise<StatementResult> {
  const existing = state.catalog.get(s.name);
  if (existing && s.ifNotExists) {
    return { kind: 'message', statement: s.text, message: `Cannot add ${s.sourceType.toLowerCase()} ${s.name}: it already exists.` };
  }
  if (existing && !s.orReplace) {
    throw new SqlError('SOURCE_EXISTS', `Cannot add ${s.sourceType.toLowerCase()} '${s.name}': A ${existing.type.toLowerCase()} with the same name already exists`, { position: s.span });
  }
  if (s.query.emit === 'FINAL' && !s.query.window) {
    throw new SqlError('INVALID_STATEMENT', 'EMIT FINAL is only supported for windowed aggregations.', { position: s.query.span });
  }
  const p = parseWithProps(s.properties);
  const root = planOrRestore(state, s.query, s.name);
  if (!state.replayPlan) await checkJoinPartitions(state.log, root, s.query.span);
  if (root.output !== s.sourceType) {
    const produces = root.output;
    throw new SqlError('INVALID_STATEMENT',
      `Invalid result type. Your SELECT query produces a ${produces}. Please use CREATE ${produces} AS SELECT statement instead.`, { position: s.span });
  }
  const src = leftmostSource(root);
  const srcTopic = await state.log.describeTopic(src.topic);
  const keyless = root.schema.key.length === 0;
  if (keyless && p.keyFormat && p.keyFormat !== 'NONE') {
    throw new SqlError('INVALID_STATEMENT', 'Key format specified for stream without key columns.', { position: s.span });
  }
  const keyFormatName: FormatName = keyless ? 'NONE'
    : p.keyFormat ?? (src.keyFormat.format === 'NONE' ? (state.properties['ksql.persistence.default.format.key'] ?? 'KAFKA').toUpperCase() as FormatName : src.keyFormat.format);
  const valueFormatName: FormatName = p.valueFormat ?? src.valueFormat.format;
  const keyDelim = p.keyDelimiter ?? (keyFormatName === src.keyFormat.format ? src.keyFormat.options?.delimiter : undefined);
  const valueDelim = p.valueDelimiter ?? (valueFormatName === src.valueFormat.format ? src.valueFormat.options?.delimiter : undefined);
  if (p.wrapSingleValue !== undefined && root.schema.value.length !== 1) {
    throw new SqlError('INVALID_PROPERTY', "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas", { position: s.span });
  }
  const keyFormat: FormatSpec = formatSpec(keyFormatName, keyDelim, undefined, {
    schemaId: p.keySchemaId, fullSchemaName: p.keySchemaFullName ?? (keyFormatName === 'AVRO' ? keySchemaName(s.name) : undefined),
    nullableRepresentation: p.keyNullableRepresentation,
  });
  const wrap = p.wrapSingleValue ?? defaultWrap(state.properties, valueFormatName, root.schema.value.length);
  const valueFormat: FormatSpec = formatSpec(valueFormatName, valueDelim, wrap, {
    schemaId: p.valueSchemaId, fullSchemaName: p.valueSchemaFullName, nullableRepresentation: p.valueNullableRepresentation,
  });
  checkSchemaIdFormat(keyFormat, p.keySchemaId, true);
  checkSchemaIdFormat(valueFormat, p.valueSchemaId, false);
  // A sink named after the statement: its name must make a legal topic name too.
  // ... after the prefix `ksql.output.topic.name.prefix` gives every default sink topic (as ksqlDB).
  const topic = p.topic ?? checkTopicName(`${state.properties['ksql.output.topic.name.prefix'] ?? ''}${s.name}`, s.span);
  const def: SourceDef = {
    name: s.name, type: s.sourceType, schema: root.schema, topic, keyFormat, valueFormat,
    window: root.window, sql: s.text, readOnly: false,
    timestampColumn: p.timestamp, timestampFormat: p.timestampFormat,
  };
  validateFormats(def, state.schemaRegistry);
  checkNoQueryCycle(state, root, topic, s.span);
  if (p.timestamp) timestampFromColumn([...root.schema.key, ...root.schema.value], p.timestamp, p.timestampFormat);
  // The sink's schemas registered (or, with a schema id, checked) before anything is created:
  // an incompatible change fails the statement here.
  await registerSchemas(state.schemaRegistry, topic, root.schema, keyFormat, valueFormat, false);
  const n = state.nextQueryNumber++;
  const id = `${s.sourceType === 'STREAM' ? 'CSAS' : 'CTAS'}_${s.name}_${n}`;
  def.ownerQueryId = id;
  if (existing) await terminateWriters(state, s.name);
  const topicExisted = (await state.log.describeTopic(topic)) !== undefined;
  // Without PARTITIONS/REPLICAS: ksqlDB's legacy ksql.sink.partitions/replicas where set, else the source topic's partitions.
  const sinkProperty = (name: string): number | undefined => {
    const v = Number(state.properties[name]);
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  await ensureTopic(state.log, topic, p.partitions ?? sinkProperty('ksql.sink.partitions') ?? srcTopic?.partitions,
    p.replicas ?? sinkProperty('ksql.sink.replicas'), p.retentionMs, s.sourceType === 'TABLE', false);
  const sink: SinkStep = {
    kind: 'sink', input: root, sinkName: s.name, topic, keyFormat, valueFormat, schema: root.schema,
    output: root.output, window: root.window, timestampColumn: p.timestamp, timestampFormat: p.timestampFormat,
  };
  state.catalog.add(def);
  let q;
  try {
    q = startQuery(state, {
      id, kind: s.sourceType === 'STREAM' ? 'CSAS' : 'CTAS', sql: s.text, root: sink, sinkName: s.name, sinkTopic: topic,
      sourceNames: planSources(root), emitFinal: s.query.emit === 'FINAL', autoOffsetReset: offsetReset(state.properties),
    });
  } catch (e) {
    // Planning should have caught it; if not, the failed statement still leaves nothing behind.
    await rollBack(state, s.name, existing, topicExisted ? undefined : topic);
    throw e;
  }
  state.queries.set(id, q);
  const warnings = [await lookaheadWarning(state, q, offsetReset(state.properties)), await funnelWarning(state, q)].filter((w) => w !== undefined);
  return { kind: 'message', statement: s.text, message: [`Created query with ID ${id}`, ...warnings].join('\n'), queryId: id, plan: storePlan(root) };
}

/**
 * The statement's plan: on replay of a command that stored one, that plan (the query keeps the
 * steps, internal topics and state it was created with), else planned now.
 */
function planOrRestore(state: EngineState, query: CreateAsSelect['query'], sinkName: string): Step {
  if (!state.replayPlan) return planSelect(query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, { sinkName });
  const root = restorePlan(state.replayPlan, state.registry);
  for (const name of planSources(root)) {
    if (!state.catalog.get(name)) throw new SqlError('UNKNOWN_SOURCE', `${name} does not exist.`, { position: query.span });
  }
  return root;
}

/** Undoes a CREATE ... AS SELECT whose query could not start: its catalog entry and new topic. */
async function rollBack(state: EngineState, name: string, previous: SourceDef | undefined, createdTopic: string | undefined): Promise<void> {
  if (previous) state.catalog.add(previous); else state.catalog.remove(name);
  if (createdTopic) await state.log.deleteTopic(createdTopic).catch(() => undefined);
}

async function terminateWriters(state: EngineState, sink: string): Promise<void> {
  for (const q of [...state.queries.values()]) {
    if (q.sinkName === sink) await terminateQuery(state, q);
  }
}

export async function executeInsertInto(state: EngineState, s: InsertInto): Promise<StatementResult> {
  const target = state.catalog.require(s.target, s.span);
  if (target.type !== 'STREAM') {
    throw new SqlError('INVALID_STATEMENT', `INSERT INTO can only be used to insert into a stream. ${target.name} is a table.`, { position: s.span });
  }
  if (target.readOnly || target.system) {
    throw new SqlError('INVALID_STATEMENT', `Cannot insert into read-only stream: ${target.name}`, { position: s.span });
  }
  if (target.schema.value.some(isHeaderColumn)) {
    // Its header columns would be written as the record's headers, which ksqlDB does not do either.
    throw new SqlError('INVALID_STATEMENT', `Cannot insert into ${target.name} because it has header columns`, { position: s.span });
  }
  let root = planOrRestore(state, s.query, s.target);
  if (!state.replayPlan) await checkJoinPartitions(state.log, root, s.query.span);
  checkNoQueryCycle(state, root, target.topic, s.span);
  if (root.output !== 'STREAM') {
    throw new SqlError('INVALID_STATEMENT', `INSERT INTO can only be used to insert into a stream. The query produces a ${root.output}.`, { position: s.span });
  }
  if (formatSchema(root.schema) !== formatSchema(target.schema)) {
    // Values of types that widen into the target's are cast (a replayed plan has the cast already).
    root = castToSink(root, target.schema, { catalog: state.catalog, registry: state.registry, properties: state.properties }, s.span) ?? root;
  }
  if (formatSchema(root.schema) !== formatSchema(target.schema)) {
    throw new SqlError('INVALID_STATEMENT',
      `Incompatible schema between results and sink.\nResult schema is ${formatSchema(root.schema)}\nSink schema is ${formatSchema(target.schema)}`, { position: s.span });
  }
  // Rows written with the target's AVRO schemas need their ids (registered, as a serializer would).
  await prepareAvroWrites(state.schemaRegistry, target);
  await prepareProtobufWrites(state.schemaRegistry, target);
  await prepareJsonSrWrites(state.schemaRegistry, target);
  const n = state.nextQueryNumber++;
  const id = `INSERTQUERY_${n}`;
  const sink: SinkStep = {
    kind: 'sink', input: root, sinkName: target.name, topic: target.topic, keyFormat: target.keyFormat,
    valueFormat: target.valueFormat, schema: target.schema, output: 'STREAM', window: target.window,
  };
  const q = startQuery(state, {
    id, kind: 'INSERT', sql: s.text, root: sink, sinkName: target.name, sinkTopic: target.topic,
    sourceNames: planSources(root), autoOffsetReset: offsetReset(state.properties),
  });
  state.queries.set(id, q);
  const warning = await funnelWarning(state, q);
  return { kind: 'message', statement: s.text, message: `Created query with ID ${id}${warning ? `\n${warning}` : ''}`, queryId: id, plan: storePlan(root) };
}
