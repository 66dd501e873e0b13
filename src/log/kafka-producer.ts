// Producing to a broker with per-record offsets. KafkaLog picks every record's partition itself
// (Kafka's murmur2 for keys, round-robin for null keys, as MemoryLog), so each send holds one
// batch per partition and a record's offset is its partition's base offset plus its rank there.

import kafkajs from 'kafkajs';
import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { RecordPartitions } from './kafka-record-partitions.js';
import { LogError } from './log-error.js';
import type { ProducerRecord } from './log.js';
import type { KafkaDirect } from './kafka-direct.js';
import { kafkaErrorType, toLogError } from './kafka-errors.js';
import { approxSize, MAX_REQUEST_BYTES, toKafkaMessage } from './kafka-records.js';

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

  constructor(private readonly kafka: Kafka, private readonly direct: KafkaDirect, private readonly settings: ProducerSettings) {
    this.partitions = new RecordPartitions(() => direct);
  }

  async produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]> {
    // The whole batch is checked first, so that a bad record appends nothing (as MemoryLog).
    const partitions = await this.partitions.of(topic, records);
    const out: { partition: number; offset: number }[] = [];
    // Chunks go one after the other, so records keep their order within each partition.
    for (let start = 0; start < records.length;) {
      let end = start;
      let bytes = 0;
      while (end < records.length && (end === start || bytes + approxSize(records[end]) <= MAX_REQUEST_BYTES)) {
        bytes += approxSize(records[end++]);
      }
      const messages = records.slice(start, end).map((r, i) => toKafkaMessage(r, partitions[start + i]));
      out.push(...withOffsets(messages, await this.send(topic, messages)));
      start = end;
    }
    return out;
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

  private async send(topic: string, messages: Message[], retried = false): Promise<RecordMetadata[]> {
    await this.guard(topic);
    const producer = await this.connected();
    try {
      return await producer.send({
        topic,
        messages,
        acks: -1,
        compression: this.settings.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
      });
    } catch (e) {
      if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') {
        this.partitions.stale(topic);
        if (!(await this.direct.topic(topic))) throw new LogError('UNKNOWN_TOPIC', `topic '${topic}' does not exist`);
        // Our topic exists, so another topic this producer once wrote to was deleted elsewhere
        // and poisons its metadata refresh (which fails before anything is sent): retry afresh.
        if (!retried) {
          await this.reset();
          return this.send(topic, messages, true);
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
    const was = this.producer;
    this.producer = undefined;
    this.known = new Set();
    this.partitions.clear();
    if (was) await was.then((p) => p.disconnect(), () => undefined);
  }
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
