// Shared by engine-on-kafka*.test.ts: one scenario run twice — on an embedded engine (MemoryLog)
// and on a durable engine on the test broker (KafkaLog) — so a test can compare what each gave,
// and what it gave with what it should be. Names are made fresh per run (the broker is shared by
// the whole test run); the same names are used on both logs, so results compare as they are.
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import type { Log, LogRecord, ProducerRecord } from '../../src/log/log.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { rowsOf } from '../engine/engine-helpers.js';

export type LogKind = 'memory' | 'kafka';

/** A record as a test compares it: partition, key and value bytes, record time. */
export interface Rec { partition: number; key: Buffer | null; value: Buffer | null; timestamp: number }

/** What a scenario works with: the engine under test and its log. */
export interface Ctx {
  kind: LogKind;
  engine: Engine;
  log: Log;
  /** Runs a script; every statement's result. */
  sql(script: string): Promise<StatementResult[]>;
  /** Runs a script; the rows of its last statement (a table, or a push query's rows until it ends). */
  rows(script: string): Promise<unknown[][]>;
  /** Produces records to a topic, in order. */
  produce(topic: string, records: ProducerRecord[]): Promise<void>;
  /** Every record of a topic, partition by partition, once every query has caught up. */
  records(topic: string): Promise<Rec[]>;
  /** How many repartition topics the durable engine's queries made (none on MemoryLog). */
  repartitionTopics(): Promise<number>;
}

/** `<pid>_<time>_<random>`: a suffix for names fresh on every run, valid in topic and unquoted SQL names. */
export function freshSuffix(): string {
  return `${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Engine properties that turn off the record cache: a durable engine's table sinks then write
 * every update, as the embedded engine does, rather than each key's latest per batch.
 */
export const NO_RECORD_CACHE: Record<string, string> = { 'ksql.streams.cache.max.bytes.buffering': '0' };

/**
 * Runs `scenario` on an embedded engine over a MemoryLog, then on a durable engine (service
 * `<service>_<suffix>`) over the broker; both engines read from the earliest offsets, with
 * `properties` besides. Returns what each run returned.
 */
export async function onBothLogs<T>(brokers: string[], service: string, suffix: string,
  scenario: (ctx: Ctx) => Promise<T>, properties: Record<string, string> = {}): Promise<{ memory: T; kafka: T }> {
  const props = { 'auto.offset.reset': 'earliest', ...properties };
  const memoryEngine = await Engine.create({ properties: props });
  let memory: T;
  try {
    memory = await scenario(context('memory', memoryEngine));
  } finally {
    await memoryEngine.close();
  }
  const log = new KafkaLog({ brokers, clientId: `eddy-on-kafka-${service}` });
  try {
    const kafkaEngine = await Engine.create({ log, durable: true, serviceId: `${service}_${suffix}`, properties: props });
    try {
      return { memory, kafka: await scenario(context('kafka', kafkaEngine)) };
    } finally {
      await kafkaEngine.close();
    }
  } finally {
    await log.close();
  }
}

function context(kind: LogKind, engine: Engine): Ctx {
  const log = engine.log;
  return {
    kind, engine, log,
    sql: (script) => engine.executeScript(script),
    async rows(script) {
      const res = await engine.executeScript(script);
      return rowsOf(res[res.length - 1]);
    },
    async produce(topic, records) { await log.produce(topic, records); },
    async records(topic) {
      await engine.settle();
      return readTopic(log, topic);
    },
    async repartitionTopics() {
      // Internal topics are named after their query's consumer group, `_eddy_<service>_query_<id>`.
      const prefix = `_eddy_${engine.state.serviceId}_`;
      // KafkaLog.listTopics fails when some other topic of the shared broker is deleted while it
      // runs (other test files delete theirs): not what this counts, so try again.
      for (let attempt = 1; ; attempt++) {
        try {
          return (await log.listTopics()).filter((t) => t.name.startsWith(prefix) && t.name.endsWith('-repartition')).length;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
    },
  };
}


/** Every record of a topic, partition by partition, in offset order. */
export async function readTopic(log: Log, topic: string): Promise<Rec[]> {
  const out: Rec[] = [];
  const ends = await log.endOffsets(topic);
  for (let p = 0; p < ends.length; p++) {
    let at = 0;
    while (at < ends[p]) {
      const batch: LogRecord[] = await log.read(topic, p, at, 5000);
      if (batch.length === 0) break;
      for (const r of batch) {
        out.push({ partition: r.partition, key: r.key && Buffer.from(r.key), value: r.value && Buffer.from(r.value), timestamp: r.timestamp });
      }
      at = batch[batch.length - 1].offset + 1;
    }
  }
  return out;
}

// ---- comparing records -------------------------------------------------------------------------

/** A record as text: key in hex (bytes exactly), value as UTF-8 (null for a tombstone). */
export interface TextRec { p: number; key: string | null; value: string | null; ts: number }

export const asText = (r: Rec): TextRec =>
  ({ p: r.partition, key: r.key && r.key.toString('hex'), value: r.value && r.value.toString('utf8'), ts: r.timestamp });

/**
 * Records grouped by key (hex of the key bytes), in offset order within each key, keys sorted:
 * Kafka orders records per partition only, and records of one key share a partition, so this is
 * what must agree between the two logs when input comes from several partitions or topics.
 */
export function byKey(recs: Rec[]): Record<string, TextRec[]> {
  const out: Record<string, TextRec[]> = {};
  for (const r of recs.map(asText)) (out[r.key ?? '<null>'] ??= []).push(r);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Values of a topic as JSON per key (keys decoded by `keyText`), in order within each key. */
export function jsonByKey(recs: Rec[], keyText: (key: Buffer) => string = (k) => k.toString('utf8')): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const r of recs) (out[r.key === null ? '<null>' : keyText(r.key)] ??= []).push(r.value && JSON.parse(r.value.toString('utf8')));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

// ---- building input ----------------------------------------------------------------------------

export const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
export const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v), 'utf8');

/** KAFKA-format keys as ksqlDB (Kafka's serializers) writes them: big-endian. */
export const intKey = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
export const bigintKey = (n: number): Buffer => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(n)); return b; };
export const doubleKey = (n: number): Buffer => { const b = Buffer.alloc(8); b.writeDoubleBE(n); return b; };

/** A TUMBLING/HOPPING windowed key: the inner key bytes and the window start (8 bytes, BE). */
export function timeWindowedKey(key: Buffer): { key: string; start: number } {
  return { key: key.subarray(0, key.length - 8).toString('utf8'), start: Number(key.readBigInt64BE(key.length - 8)) };
}

/** A SESSION windowed key: the inner key bytes, then the window end and start (8 bytes each, BE). */
export function sessionWindowedKey(key: Buffer): { key: string; start: number; end: number } {
  const n = key.length;
  return { key: key.subarray(0, n - 16).toString('utf8'), end: Number(key.readBigInt64BE(n - 16)), start: Number(key.readBigInt64BE(n - 8)) };
}
