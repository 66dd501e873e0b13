// Producing to a broker with per-record offsets. KafkaLog picks every record's partition itself
// (Kafka's murmur2 for keys, round-robin for null keys, as MemoryLog), so each send holds one
// batch per partition and a record's offset is its partition's base offset plus its rank there.
// The records go through Eddy's own wire client (kafka-wire-producer.ts) when the connection
// allows it (no SASL), else through a kafkajs producer.

import kafkajs from 'kafkajs';
import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { RecordPartitions } from './kafka-record-partitions.js';
import { LogError } from './log-error.js';
import type { ProducerRecord } from './log.js';
import type { KafkaDirect } from './kafka-direct.js';
import { kafkaErrorType, refusalType, toLogError } from './kafka-errors.js';
import { PartialProduce, RecordsRefused, type RefusedRecord } from './produce-errors.js';
import { approxSize, MAX_REQUEST_BYTES, toKafkaMessage } from './kafka-records.js';
import type { KafkaWireProducer } from './kafka-wire-producer.js';

const { CompressionTypes, Partitioners } = kafkajs;

/** How often the topics the kafkajs producer knows are checked to still exist (see guard()). */
const KNOWN_TOPICS_CHECK_MS = 60_000;

export interface ProducerSettings { idempotent: boolean; compression: 'none' | 'gzip' }

export class KafkaProducer {
  private producer: Promise<Producer> | undefined;
  private readonly partitions: RecordPartitions;
  /** The topics the current kafkajs producer has sent to, and when they were last seen to exist. */
  private known = new Set<string>();
  private knownCheckedAt = 0;

  constructor(private readonly kafka: Kafka, private readonly direct: KafkaDirect, private readonly settings: ProducerSettings,
    private readonly wire?: KafkaWireProducer) {
    this.partitions = new RecordPartitions(() => direct);
  }

  /**
   * Sends the batch in chunks. A record the topic refuses for good is left out and the rest is
   * written (RecordsRefused at the end); a failure partway says how many records are settled
   * (PartialProduce), so that a retry does not write the acknowledged chunks again.
   */
  async produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]> {
    // The whole batch's partitions are checked first, so that a bad one appends nothing (as MemoryLog).
    const partitions = await this.partitions.of(topic, records);
    const out: { partition: number; offset: number }[] = new Array(records.length);
    const refused: RefusedRecord[] = [];
    // Chunks go one after the other, so records keep their order within each partition.
    for (let start = 0; start < records.length;) {
      let end = start;
      let bytes = 0;
      while (end < records.length && (end === start || bytes + approxSize(records[end]) <= MAX_REQUEST_BYTES)) {
        bytes += approxSize(records[end++]);
      }
      const chunk = start === 0 && end === records.length ? records : records.slice(start, end);
      const chunkPartitions = start === 0 && end === records.length ? partitions : partitions.slice(start, end);
      try {
        try {
          const landed = await this.send(topic, chunk, chunkPartitions);
          for (let i = 0; i < landed.length; i++) out[start + i] = landed[i];
        } catch (e) {
          const type = refusalType(e);
          if (!type) throw e;
          const left = settleLanded(e, chunk.map((record, i) => ({ index: start + i, record, partition: chunkPartitions[i] })), out);
          if (left.length === 1) refused.push({ index: left[0].index, reason: refusalReason(type, left[0].record) });
          else if (left.length > 1) await this.isolate(topic, left, out, refused);
        }
      } catch (e) {
        if (start === 0 && refused.length === 0) throw e;
        throw new PartialProduce(start, refused.filter((r) => r.index < start), e); // the failed chunk is sent again whole
      }
      start = end;
    }
    if (refused.length > 0) throw new RecordsRefused(topic, refused);
    return out;
  }

  /**
   * A chunk the topic refused for good (a record over max.message.bytes, ...): finds the records
   * at fault and sends the others, first partition by partition, then by halves. The refused
   * request may have appended its other partitions' batches; the idempotent producer rolled their
   * sequence numbers back, so the very same batches sent again are recognised by the broker as
   * duplicates (a producer that is not idempotent may write those twice).
   */
  private async isolate(topic: string, chunk: Pending[], out: { partition: number; offset: number }[], refused: RefusedRecord[]): Promise<void> {
    const byPartition = new Map<number, Pending[]>();
    for (const c of chunk) {
      const list = byPartition.get(c.partition);
      if (list) list.push(c); else byPartition.set(c.partition, [c]);
    }
    const parts = byPartition.size > 1 ? [...byPartition.values()] : [chunk.slice(0, chunk.length >> 1), chunk.slice(chunk.length >> 1)];
    for (const part of parts) {
      try {
        const landed = await this.send(topic, part.map((c) => c.record), part.map((c) => c.partition));
        for (let i = 0; i < part.length; i++) out[part[i].index] = landed[i];
      } catch (e) {
        const type = refusalType(e);
        if (!type) throw e;
        const left = settleLanded(e, part, out);
        if (left.length === 1) refused.push({ index: left[0].index, reason: refusalReason(type, left[0].record) });
        else if (left.length > 1) await this.isolate(topic, left, out, refused);
      }
    }
  }

  /** Forget what the producer knows of a topic (after it was deleted). */
  async forget(topic: string): Promise<void> {
    this.partitions.forget(topic);
    // kafkajs's producer keeps every topic it ever sent to in its metadata requests, and those
    // fail once one of them is gone: start a fresh producer.
    await this.reset();
  }

  async close(): Promise<void> {
    await this.reset();
  }

  /**
   * kafkajs's producer puts every topic it ever sent to in each metadata refresh (on a new topic,
   * and when its metadata ages), and such a refresh fails, after seconds of retries, once one of
   * them was deleted by another client. Checking them first (one cheap request, when kafkajs is
   * about to refresh) lets a fresh producer take over instead.
   */
  private async guard(topic: string): Promise<void> {
    if (this.known.has(topic) && Date.now() - this.knownCheckedAt < KNOWN_TOPICS_CHECK_MS) return;
    if (this.known.size > 0 && !(await this.direct.allExist([...this.known]))) await this.reset();
    this.known.add(topic);
    this.knownCheckedAt = Date.now();
  }

  /** Sends records (record i to partitions[i]) and returns where each landed. */
  private async send(topic: string, records: ProducerRecord[], partitions: number[], retried = false): Promise<{ partition: number; offset: number }[]> {
    if (this.wire) {
      try {
        return await this.wire.send(topic, records, partitions);
      } catch (e) {
        if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') {
          this.partitions.stale(topic);
          if (!(await this.direct.topic(topic))) throw new LogError('UNKNOWN_TOPIC', `topic '${topic}' does not exist`);
        }
        throw toLogError(e, `cannot produce to topic '${topic}'`);
      }
    }
    await this.guard(topic);
    const producer = await this.connected();
    const messages = records.map((r, i) => toKafkaMessage(r, partitions[i]));
    try {
      return withOffsets(messages, await producer.send({
        topic,
        messages,
        acks: -1,
        compression: this.settings.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
      }));
    } catch (e) {
      if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') {
        this.partitions.stale(topic);
        if (!(await this.direct.topic(topic))) throw new LogError('UNKNOWN_TOPIC', `topic '${topic}' does not exist`);
        // Our topic exists, so another topic this producer once wrote to was deleted elsewhere
        // and poisons its metadata refresh (which fails before anything is sent): retry afresh.
        if (!retried) {
          await this.reset();
          return this.send(topic, records, partitions, true);
        }
      }
      throw toLogError(e, `cannot produce to topic '${topic}'`);
    }
  }

  private connected(): Promise<Producer> {
    if (!this.producer) {
      const p = this.kafka.producer({
        idempotent: this.settings.idempotent,
        maxInFlightRequests: this.settings.idempotent ? 1 : undefined,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner, // unused (partitions are explicit); silences a warning
      });
      const connecting = p.connect().then(() => p);
      connecting.catch(() => { if (this.producer === connecting) this.producer = undefined; });
      this.producer = connecting;
    }
    return this.producer;
  }

  private async reset(): Promise<void> {
    this.wire?.close();
    const was = this.producer;
    this.producer = undefined;
    this.known = new Set();
    this.partitions.clear();
    if (was) await was.then((p) => p.disconnect(), () => undefined);
  }
}

interface Pending { index: number; record: ProducerRecord; partition: number }

/**
 * After a refusal: records the error says were written anyway (other partitions of the same
 * request, on the wire client) get their offsets; the rest are returned to be sent again.
 */
function settleLanded(e: unknown, sent: Pending[], out: { partition: number; offset: number }[]): Pending[] {
  const landed = (e as { landed?: ({ partition: number; offset: number } | undefined)[] }).landed;
  if (!landed) return sent;
  const left: Pending[] = [];
  sent.forEach((p, i) => { if (landed[i]) out[p.index] = landed[i]!; else left.push(p); });
  return left;
}

/** Why the broker refused a record, in words. */
function refusalReason(type: string, r: ProducerRecord): string {
  const size = (r.key?.byteLength ?? 0) + (r.value?.byteLength ?? 0);
  return type === 'MESSAGE_TOO_LARGE' || type === 'RECORD_LIST_TOO_LARGE'
    ? `a record of ${size} bytes is larger than the topic's max.message.bytes (broker: ${type})`
    : `the broker refused the record (${type})`;
}

/** Each message's partition and offset: the partition's base offset plus the message's rank in it. */
function withOffsets(messages: Message[], meta: RecordMetadata[]): { partition: number; offset: number }[] {
  const base = new Map(meta.map((m) => [m.partition, Number(m.baseOffset)]));
  const rank = new Map<number, number>();
  return messages.map((m) => {
    const p = m.partition!;
    const i = rank.get(p) ?? 0;
    rank.set(p, i + 1);
    const b = base.get(p);
    if (b === undefined || Number.isNaN(b)) throw new Error(`the broker did not report an offset for partition ${p}`);
    return { partition: p, offset: b + i };
  });
}
