// Runs one expanded QTT case against Eddy on a fresh MemoryLog, with TopologyTestDriver's
// semantics: statements in order, then each input record produced and fully processed before
// the next; output topics are read back with the sink's formats and compared.
import type { CaseOutcome, QttCase, QttRecord, JsonValue } from './qtt-types.js';
import type { ActualRecord } from './qtt-compare.js';
import type { SourceDef } from '../../src/engine/catalog.js';
import type { Column } from '../../src/types/schema.js';
import { compareOutputs } from './qtt-compare.js';
import { jsonText } from './qtt-json.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { createRowSerde, createWindowedKeySerde } from '../../src/format/index.js';
import { JsonNumber } from '../../src/format/json-exact.js';

const TOPIC_PROP = /kafka_topic\s*=\s*'([^']+)'/i;

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
  const create = (): Promise<Engine> => Engine.create({
    log, serviceId: 'qtt', durable: opts.durable,
    properties: { 'auto.offset.reset': 'earliest', ...c.properties },
  });
  let engine = await create();
  try {
    for (const t of c.topics) await createTopic(log, t.name, t.partitions ?? 1);
    for (const r of c.inputs) await createTopic(log, r.topic, 1);
    for (const s of c.statements) {
      const m = TOPIC_PROP.exec(s);
      if (m && !/\bAS\s+SELECT\b/i.test(s)) await createTopic(log, m[1], 1);
    }

    try {
      await engine.executeScript(c.statements.join('\n'));
      const restartAt = opts.durable && opts.restart ? Math.floor(c.inputs.length / 2) : -1;
      for (const [i, r] of c.inputs.entries()) {
        if (i === restartAt) {
          await engine.close();
          engine = await create(); // replays the commands, restores state from the changelogs
        }
        await log.produce(r.topic, [encodeInput(engine, r)]);
        await engine.settle();
      }
      await engine.settle();
    } catch (e) {
      if (c.expectedException) return { status: 'pass', message: `failed as expected: ${(e as Error).message}` };
      return { status: 'fail', message: `unexpected error: ${(e as Error).message}` };
    }
    if (c.expectedException) {
      return { status: 'fail', message: `expected an error${c.expectedException.message ? ` containing "${c.expectedException.message}"` : ''}, but none was raised` };
    }
    const topics = [...new Set(c.outputs.map((o) => o.topic))];
    const actual = new Map<string, ActualRecord[]>();
    for (const t of topics) actual.set(t, await readOutput(engine, t));
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
  if (v instanceof JsonNumber) return t === 'STRING' ? v.text : v.toNumber();
  if (typeof v === 'string' && (t === 'INTEGER' || t === 'BIGINT' || t === 'DOUBLE')) return Number(v);
  return v;
}

function encodeInput(engine: Engine, r: QttRecord): { key: Uint8Array | null; value: Uint8Array | null; timestamp: number } {
  const def = sourceFor(engine, r.topic);
  const ts = r.timestamp ?? 0;
  const raw = (v: JsonValue): Uint8Array | null =>
    v === null ? null : Buffer.from(typeof v === 'string' ? v : jsonText(v));
  if (!def) return { key: raw(r.key), value: raw(r.value), timestamp: ts };
  return { key: encodePart(r.key, def, true, r), value: encodePart(r.value, def, false, r), timestamp: ts };
}

function encodePart(v: JsonValue, def: SourceDef, isKey: boolean, r: QttRecord): Uint8Array | null {
  if (v === null) return null;
  const spec = isKey ? def.keyFormat : def.valueFormat;
  const cols = isKey ? def.schema.key : def.schema.value;
  if (spec.format === 'NONE') return null;
  if (spec.format === 'DELIMITED' && typeof v === 'string') return Buffer.from(v);
  if (spec.format === 'JSON') return Buffer.from(jsonText(v));
  // KAFKA (and anything else): a single primitive through our own serde.
  const row = cols.length === 1 ? [toColumnValue(v, cols[0])] : cols.map(() => null);
  if (isKey && def.window && r.window) {
    return createWindowedKeySerde(spec, cols, def.window).serialize(row, { start: r.window.start, end: r.window.end }, def.topic);
  }
  return createRowSerde(spec, cols, { isKey }).serialize(row, def.topic);
}

async function readOutput(engine: Engine, topic: string): Promise<ActualRecord[]> {
  const log = engine.log;
  const desc = await log.describeTopic(topic);
  if (!desc) return [];
  const def = sourceFor(engine, topic);
  const ends = await log.endOffsets(topic);
  const out: ActualRecord[] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const rec of await log.read(topic, p, 0, ends[p])) {
      out.push(decodeOutput(def, rec.topic, rec.key, rec.value, rec.timestamp));
    }
  }
  return out;
}

function decodeOutput(def: SourceDef | undefined, topic: string, key: Uint8Array | null, value: Uint8Array | null, ts: number): ActualRecord {
  if (!def) return { topic, key: key && Buffer.from(key).toString(), value: value && Buffer.from(value).toString(), timestamp: ts };
  const rec: ActualRecord = { topic, key: null, value: null, timestamp: ts };
  if (def.window) {
    const w = createWindowedKeySerde(def.keyFormat, def.schema.key, def.window).deserialize(key, topic);
    rec.key = shape(w.row, def.schema.key, def.keyFormat.format, key, true);
    rec.window = { start: w.window.start, end: w.window.end, type: def.window.type === 'SESSION' ? 'SESSION' : 'TIME' };
  } else if (def.schema.key.length > 0 && key !== null) {
    const row = createRowSerde(def.keyFormat, def.schema.key, { isKey: true }).deserialize(key, topic);
    rec.key = shape(row, def.schema.key, def.keyFormat.format, key, true);
  }
  if (value !== null) {
    const row = createRowSerde(def.valueFormat, def.schema.value, { isKey: false }).deserialize(value, topic);
    const unwrapped = def.valueFormat.options?.wrapSingleValue === false;
    rec.value = shape(row, def.schema.value, def.valueFormat.format, value, unwrapped);
  }
  return rec;
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
