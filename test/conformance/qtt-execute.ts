// Runs one expanded QTT case against Eddy on a fresh MemoryLog, with TopologyTestDriver's
// semantics: statements in order, then each input record produced and fully processed before
// the next; output topics are read back with the sink's formats and compared.
import { javaParseLong } from '../../src/values/java-number.js';
import type { CaseOutcome, QttCase, QttRecord, JsonValue } from './qtt-types.js';
import type { ActualRecord } from './qtt-compare.js';
import type { SourceDef } from '../../src/plan/catalog.js';
import type { Column } from '../../src/types/schema.js';
import { compareOutputs } from './qtt-compare.js';
import { jsonText } from './qtt-json.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { createRowSerde, createWindowedKeySerde } from '../../src/format/index.js';
import { JsonNumber } from '../../src/format/json-exact.js';
import { CaseRegistry, avroFromJson, framedAvro, registerCaseSchemas, registerCaseProtoSchemas, writerColumns, type TopicSchemas, type ProtoTopicSchemas } from './qtt-avro.js';
import { prepareProtobufWrites, loadProtobufSchemaId } from '../../src/format/protobuf/protobuf-registration.js';
import { protoSchemas } from '../../src/format/protobuf/proto-schemas.js';
import { columnsFromProto } from '../../src/format/protobuf/columns-from-proto.js';
import { messageAt, pathOf } from '../../src/format/protobuf/proto-model.js';
import { createProtobufSerde } from '../../src/format/protobuf/protobuf-serde.js';
import { isUnwrapped, prepareAvroWrites } from '../../src/format/avro/avro-registration.js';
import { schemaCache } from '../../src/format/avro/schema-cache.js';
import type { FormatSpec } from '../../src/format/serde.js';
import { jsonSrSchemaColumns, prepareJsonSrWrites } from '../../src/format/json-sr/json-sr-registration.js';
import { testFunctionRegistry } from './test-functions/index.js';

const TOPIC_PROP = /kafka_topic\s*=\s*'([^']+)'/i;
const PARTITIONS_PROP = /\bpartitions\s*=\s*(\d+)/i;

export interface RunOptions {
  /** As a service on Kafka runs them: changelogged state, repartition topics. */
  durable?: boolean;
  /** Durable only: stop the engine halfway through the inputs and go on with a new instance. */
  restart?: boolean;
}

/** EDDY_QTT_DURABLE=1 (durable) or =restart (durable, restarted halfway) for the runner. */
function envOptions(): RunOptions {
  const v = process.env.EDDY_QTT_DURABLE;
  return { durable: v === '1' || v === 'restart', restart: v === 'restart' };
}

export async function runCase(c: QttCase, opts: RunOptions = envOptions()): Promise<CaseOutcome> {
  const log = new MemoryLog();
  // One registry for the case, kept across the restart (as a real one would be).
  const schemaRegistry = new CaseRegistry();
  // A record the sink cannot serialize is an exception in ksqlDB's test driver ("Exception caught
  // in process"); Eddy logs it and goes on, so the runner looks for it in the processing log.
  let serializationFailure: string | undefined;
  const create = (): Promise<Engine> => Engine.create({
    log, serviceId: 'qtt', durable: opts.durable, schemaRegistry, registry: testFunctionRegistry(),
    onProcessingLog: (e) => { if (e.type === 'SERIALIZATION') serializationFailure ??= e.message; },
    properties: { 'auto.offset.reset': 'earliest', ...c.properties },
  });
  let engine = await create();
  try {
    // A source's topic as its statement asks for it (PARTITIONS=n), before any input makes it;
    // a topic the case lists without a count takes its statement's too (as ksqlDB's harness).
    const asked = new Map<string, number>();
    for (const s of c.statements) {
      const m = TOPIC_PROP.exec(s);
      if (m && !/\bAS\s+SELECT\b/i.test(s)) asked.set(m[1], Number(PARTITIONS_PROP.exec(s)?.[1] ?? 1));
    }
    for (const t of c.topics) await createTopic(log, t.name, t.partitions ?? asked.get(t.name) ?? 1);
    for (const [topic, partitions] of asked) await createTopic(log, topic, partitions);
    for (const r of c.inputs) await createTopic(log, r.topic, 1);

    // The output topics' ends after each input: records of several partitions are ordered by the
    // input that made them, as ksqlDB's test driver emits them (one input at a time).
    const outputTopics = [...new Set(c.outputs.map((o) => o.topic))];
    const ends = new Map<string, number[][]>(outputTopics.map((t) => [t, []]));
    const noteEnds = async (): Promise<void> => {
      for (const t of outputTopics) if (await log.describeTopic(t)) ends.get(t)!.push(await log.endOffsets(t));
    };
    try {
      const schemas = await registerCaseSchemas(schemaRegistry, c);
      const protoTopics = await registerCaseProtoSchemas(schemaRegistry, c);
      await engine.executeScript(c.statements.join('\n'));
      const restartAt = opts.durable && opts.restart ? Math.floor(c.inputs.length / 2) : -1;
      for (const [i, r] of c.inputs.entries()) {
        if (i === restartAt) {
          await engine.close();
          engine = await create(); // replays the commands, restores state from the changelogs
        }
        const rec = await encodeInput(engine, r, schemas.get(r.topic), protoTopics.get(r.topic));
        await log.produce(r.topic, [r.headers && r.headers.length > 0 ? { ...rec, headers: r.headers } : rec]);
        await engine.settle();
        await noteEnds();
      }
      await engine.settle();
    } catch (e) {
      if (c.expectedException) return { status: 'pass', message: `failed as expected: ${(e as Error).message}` };
      return { status: 'fail', message: `unexpected error: ${(e as Error).message}` };
    }
    if (c.expectedException && serializationFailure) {
      return { status: 'pass', message: `failed as expected (processing log): ${serializationFailure}` };
    }
    if (c.expectedException) {
      return { status: 'fail', message: `expected an error${c.expectedException.message ? ` containing "${c.expectedException.message}"` : ''}, but none was raised` };
    }
    const actual = new Map<string, ActualRecord[]>();
    for (const t of outputTopics) actual.set(t, await readOutput(engine, t, ends.get(t)!));
    const diff = compareOutputs(c.outputs, (t) => actual.get(t) ?? [], { inputCount: c.inputs.length });
    if (diff) return { status: 'fail', message: diff };
    const post = checkPost(engine, c);
    return post ? { status: 'fail', message: post } : { status: 'pass' };
  } finally {
    await engine.close();
  }
}

async function createTopic(log: MemoryLog, name: string, partitions: number): Promise<void> {
  if (!(await log.describeTopic(name))) await log.createTopic(name, { partitions });
}

function sourceFor(engine: Engine, topic: string): SourceDef | undefined {
  const defs = engine.state.catalog.byTopic(topic);
  return defs.find((d) => !d.ownerQueryId) ?? defs[0];
}

/** A QTT JSON value as the value of a typed column. */
function toColumnValue(v: JsonValue, col: Column): unknown {
  if (v === null) return null;
  const t = col.type.kind;
  // A BIGINT keeps every digit (a bigint past 2^53, src/values/long.ts).
  if (v instanceof JsonNumber) return t === 'STRING' ? v.text : t === 'BIGINT' ? javaParseLong(v.text) ?? v.toNumber() : v.toNumber();
  if (typeof v === 'string' && t === 'BIGINT') return javaParseLong(v) ?? Number(v);
  if (typeof v === 'string' && t === 'BYTES') return Buffer.from(v, 'base64'); // cases write bytes in base64
  if (typeof v === 'string' && (t === 'INTEGER' || t === 'DOUBLE')) return Number(v);
  return v;
}

async function encodeInput(
  engine: Engine, r: QttRecord, schemas: TopicSchemas | undefined, proto?: ProtoTopicSchemas,
): Promise<{ key: Uint8Array | null; value: Uint8Array | null; timestamp: number }> {
  const def = sourceFor(engine, r.topic);
  const ts = r.timestamp ?? 0;
  const raw = (v: JsonValue): Uint8Array | null =>
    v === null ? null : Buffer.from(typeof v === 'string' ? v : jsonText(v));
  const avro = (v: JsonValue, s: TopicSchemas['key']): Uint8Array | null =>
    v === null || !s ? null : framedAvro(s.id, s.text, avroFromJson(s.node, v));
  if (!def) {
    return { key: schemas?.key ? avro(r.key, schemas.key) : raw(r.key), value: schemas?.value ? avro(r.value, schemas.value) : raw(r.value), timestamp: ts };
  }
  if (def.keyFormat.format === 'AVRO' || def.valueFormat.format === 'AVRO') {
    await prepareAvroWrites(engine.state.schemaRegistry, def).catch(() => undefined);
  }
  if (def.keyFormat.format === 'PROTOBUF' || def.valueFormat.format === 'PROTOBUF') {
    await prepareProtobufWrites(engine.state.schemaRegistry, def).catch(() => undefined);
  }
  if (def.keyFormat.format === 'JSON_SR' || def.valueFormat.format === 'JSON_SR') {
    await prepareJsonSrWrites(engine.state.schemaRegistry, def).catch(() => undefined);
  }
  // A topic schema of the case: the JSON written with that schema's message, as its producer would.
  const viaTopicSchema = async (v: JsonValue, id: number | undefined, isKey: boolean): Promise<Uint8Array | null | undefined> => {
    const spec = isKey ? def.keyFormat : def.valueFormat;
    if (id === undefined || spec.format !== 'PROTOBUF' || v === null) return undefined;
    const registry = engine.state.schemaRegistry!;
    await loadProtobufSchemaId(registry, id);
    const file = protoSchemas(registry).get(id)!;
    const path = spec.options?.fullSchemaName ? pathOf(file, spec.options.fullSchemaName) : [0];
    const cols = columnsFromProto(messageAt(file, path ?? [0])!, { isKey, upperCase: false });
    const row = createRowSerde({ format: 'JSON' }, cols, { isKey: false }).deserialize(Buffer.from(jsonText(v)), def.topic);
    return createProtobufSerde(cols, { isKey, schemas: protoSchemas(registry), schemaId: id, fullName: spec.options?.fullSchemaName }).serialize(row, def.topic);
  };
  const pk = await viaTopicSchema(r.key, proto?.key, true);
  const pv = await viaTopicSchema(r.value, proto?.value, false);
  if (pk !== undefined || pv !== undefined) {
    return { key: pk !== undefined ? pk : encodePart(engine, r.key, def, true, r), value: pv !== undefined ? pv : encodePart(engine, r.value, def, false, r), timestamp: ts };
  }
  // JSON_SR: the case's JSON framed with the topic's schema id (ksqlDB never reads the id back).
  const jsonSr = (v: JsonValue, spec: FormatSpec, s: TopicSchemas['jsonKey']): Uint8Array | null =>
    v === null ? null : framedJson(s?.id ?? spec.options?.schemaId ?? 0, jsonText(v));
  const windowedKey = def.window !== undefined && r.window !== undefined;
  return {
    key: def.keyFormat.format === 'AVRO' && schemas?.key ? avro(r.key, schemas.key)
      : def.keyFormat.format === 'JSON_SR' && !windowedKey ? jsonSr(r.key, def.keyFormat, schemas?.jsonKey) : encodePart(engine, r.key, def, true, r),
    value: def.valueFormat.format === 'AVRO' && schemas?.value ? avro(r.value, schemas.value)
      : def.valueFormat.format === 'JSON_SR' ? jsonSr(r.value, def.valueFormat, schemas?.jsonValue) : encodePart(engine, r.value, def, false, r),
    timestamp: ts,
  };
}

function framedJson(id: number, text: string): Uint8Array {
  const body = Buffer.from(text);
  const out = Buffer.alloc(5 + body.length);
  out.writeInt32BE(id, 1);
  body.copy(out, 5);
  return out;
}

function encodePart(engine: Engine, v: JsonValue, def: SourceDef, isKey: boolean, r: QttRecord): Uint8Array | null {
  if (v === null) return null;
  const spec = isKey ? def.keyFormat : def.valueFormat;
  const cols = isKey ? def.schema.key : def.schema.value;
  if (spec.format === 'NONE') return null;
  if (spec.format === 'AVRO' || spec.format === 'PROTOBUF' || spec.format === 'PROTOBUF_NOSR' || spec.format === 'JSON_SR') {
    // The JSON value read as the columns' SQL values (the JSON format's rules), written in the format.
    const unwrapped = spec.format === 'AVRO' || spec.format === 'JSON_SR' ? isUnwrapped(spec, cols.length, isKey) : false;
    const json: FormatSpec = { format: 'JSON', options: { wrapSingleValue: !unwrapped } };
    const row = createRowSerde(json, cols, { isKey }).deserialize(Buffer.from(jsonText(v)), def.topic);
    const registry = engine.state.schemaRegistry;
    if (isKey && def.window && r.window) {
      return createWindowedKeySerde(spec, cols, def.window, undefined, registry).serialize(row, { start: r.window.start, end: r.window.end }, def.topic);
    }
    return createRowSerde(spec, cols, { isKey, registry }).serialize(row, def.topic);
  }
  if (spec.format === 'DELIMITED' && typeof v === 'string') return Buffer.from(v);
  if (spec.format === 'JSON') return Buffer.from(jsonText(v));
  // KAFKA (and anything else): a single primitive through our own serde.
  const row = cols.length === 1 ? [toColumnValue(v, cols[0])] : cols.map(() => null);
  if (isKey && def.window && r.window) {
    return createWindowedKeySerde(spec, cols, def.window).serialize(row, { start: r.window.start, end: r.window.end }, def.topic);
  }
  return createRowSerde(spec, cols, { isKey }).serialize(row, def.topic);
}

/** `steps`: the topic's ends after each input; records are ordered by the first that holds them. */
async function readOutput(engine: Engine, topic: string, steps: number[][]): Promise<ActualRecord[]> {
  const log = engine.log;
  const desc = await log.describeTopic(topic);
  if (!desc) return [];
  const def = sourceFor(engine, topic);
  const ends = await log.endOffsets(topic);
  const out: { step: number; rec: ActualRecord }[] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const rec of await log.read(topic, p, 0, ends[p])) {
      const o = await decodeOutput(engine, def, rec.topic, rec.key, rec.value, rec.timestamp);
      const step = steps.findIndex((e) => (e[p] ?? 0) > rec.offset);
      out.push({ step: step < 0 ? steps.length : step, rec: rec.headers.length > 0 ? { ...o, headers: rec.headers.map((h) => ({ key: h.key, value: h.value })) } : o });
    }
  }
  return out.sort((a, b) => a.step - b.step).map((x) => x.rec); // stable: partitions' own order kept
}

async function decodeOutput(
  engine: Engine, def: SourceDef | undefined, topic: string, key: Uint8Array | null, value: Uint8Array | null, ts: number,
): Promise<ActualRecord> {
  if (!def) return { topic, key: key && Buffer.from(key).toString(), value: value && Buffer.from(value).toString(), timestamp: ts };
  const rec: ActualRecord = { topic, key: null, value: null, timestamp: ts };
  const registry = engine.state.schemaRegistry;
  const k = await avroView(engine, def.keyFormat, def.schema.key, true, key);
  if (def.window) {
    const w = createWindowedKeySerde(k.spec, k.cols, def.window, undefined, registry).deserialize(key, topic);
    rec.key = shape(w.row, k.cols, def.keyFormat.format, key, true);
    rec.window = { start: w.window.start, end: w.window.end, type: def.window.type === 'SESSION' ? 'SESSION' : 'TIME' };
  } else if (def.schema.key.length > 0 && key !== null) {
    const row = createRowSerde(k.spec, k.cols, { isKey: true, registry }).deserialize(key, topic);
    rec.key = shape(row, k.cols, def.keyFormat.format, key, k.single);
  }
  if (value !== null) {
    const v = await avroView(engine, def.valueFormat, def.schema.value, false, value);
    const row = createRowSerde(v.spec, v.cols, { isKey: false, registry }).deserialize(value, topic);
    rec.value = shape(row, v.cols, def.valueFormat.format, value, v.single);
  }
  return rec;
}

/**
 * How to read an output part: as its columns say, except AVRO, read with every field of the
 * record's writer schema (a sink writing with a registered schema has fields beyond its columns).
 */
async function avroView(
  engine: Engine, spec: FormatSpec, cols: Column[], isKey: boolean, bytes: Uint8Array | null,
): Promise<{ spec: FormatSpec; cols: Column[]; single: boolean }> {
  // PROTOBUF keys and values are always a message of their columns.
  const single = spec.format !== 'PROTOBUF' && spec.format !== 'PROTOBUF_NOSR' && (isKey || spec.options?.wrapSingleValue === false);
  if (spec.format === 'JSON_SR') return jsonSrView(engine, spec, cols, isKey, single);
  if (spec.format !== 'AVRO' || bytes === null || bytes.length < 5 || bytes[0] !== 0) return { spec, cols, single };
  const id = Buffer.from(bytes).readInt32BE(1);
  let text: string;
  try {
    text = (await schemaCache(engine.state.schemaRegistry).require(id)).schema;
  } catch {
    return { spec, cols, single }; // the serde reports the unknown id
  }
  const unwrapped = isUnwrapped(spec, cols.length, isKey);
  const wcols = writerColumns(text, isKey, unwrapped, cols.length === 1 ? cols[0] : undefined);
  const bare = unwrapped || wcols !== undefined && !isRecordSchema(text);
  return { spec: { format: 'AVRO', options: { wrapSingleValue: !bare } }, cols: wcols, single: bare || (isKey && wcols.length === 1) };
}

/** JSON_SR written with a schema id: read with every property of that schema (as the case lists them). */
async function jsonSrView(
  engine: Engine, spec: FormatSpec, cols: Column[], isKey: boolean, single: boolean,
): Promise<{ spec: FormatSpec; cols: Column[]; single: boolean }> {
  const id = spec.options?.schemaId;
  if (id === undefined || isUnwrapped(spec, cols.length, isKey)) return { spec, cols, single };
  try {
    const text = (await schemaCache(engine.state.schemaRegistry).require(id)).schema;
    return { spec: { format: 'JSON_SR', options: { wrapSingleValue: true } }, cols: jsonSrSchemaColumns(text, false, false), single: false };
  } catch {
    return { spec, cols, single };
  }
}

function isRecordSchema(text: string): boolean {
  const j = JSON.parse(text) as unknown;
  const top = Array.isArray(j) ? j.find((b) => b !== 'null') : j;
  return typeof top === 'object' && top !== null && (top as { type?: unknown }).type === 'record';
}

/** A decoded row in the form QTT writes it: text for DELIMITED, a bare value for single keys. */
function shape(row: unknown[] | null, cols: Column[], format: string, bytes: Uint8Array | null, single: boolean): unknown {
  if (row === null) return null;
  if (format === 'DELIMITED') return bytes === null ? null : Buffer.from(bytes).toString('utf8');
  if (format === 'KAFKA' || (single && cols.length === 1)) return row[0];
  const obj: Record<string, unknown> = {};
  cols.forEach((c, i) => { obj[c.name] = row[i]; });
  return obj;
}

/** `post.sources`: the type and schema of sources created by the statements. */
function checkPost(engine: Engine, c: QttCase): string | undefined {
  for (const s of c.post?.sources ?? []) {
    const def = engine.state.catalog.get(s.name.toUpperCase()) ?? engine.state.catalog.get(s.name);
    if (!def) return `post: source ${s.name} does not exist`;
    if (s.type && s.type.toUpperCase() !== def.type) return `post: ${s.name} is a ${def.type}, expected ${s.type}`;
    if (s.keyFormat?.format && s.keyFormat.format.toUpperCase() !== def.keyFormat.format) {
      return `post: ${s.name} key format is ${def.keyFormat.format}, expected ${s.keyFormat.format}`;
    }
    if (s.valueFormat && s.valueFormat.toUpperCase() !== def.valueFormat.format) {
      return `post: ${s.name} value format is ${def.valueFormat.format}, expected ${s.valueFormat}`;
    }
  }
  return undefined;
}
