// The Log on an Apache Kafka cluster, through kafkajs. Behaves as MemoryLog where Kafka allows
// (test/log/log-behaviour-suite.ts runs against both); the differences: poll() orders records
// per partition only, not globally; a new consumer's partitions arrive after the group's
// rebalance, not at once; and positions() lists a partition once its start offset is known.

import type {
  Consumer, ConsumerOptions, Log, LogRecord, ProducerRecord, TopicDescription, TopicSpec, TransactionalProducer,
} from './log.js';
import { kafkaCommittedOffsets } from './kafka-committed-offsets.js';
import { KafkaTransactionalProducer } from './kafka-transactional-producer.js';
import { LogError } from './log-error.js';
import { createKafkaClient, type KafkaLogOptions } from './kafka-config.js';
import { KafkaTopics } from './kafka-admin.js';
import { KafkaConsumer } from './kafka-consumer.js';
import { KafkaDirect } from './kafka-direct.js';
import { KafkaProducer } from './kafka-producer.js';
import { KafkaWireProducer } from './kafka-wire-producer.js';
import { WireCluster } from './wire/wire-cluster.js';

export type { KafkaLogOptions } from './kafka-config.js';

export class KafkaLog implements Log {
  private readonly direct: KafkaDirect;
  private readonly topics: KafkaTopics;
  private readonly producer: KafkaProducer;
  private readonly consumers = new Set<KafkaConsumer>();
  private readonly kafka: ReturnType<typeof createKafkaClient>;
  /**
   * Eddy's own client for the data path (fetch, produce) and KafkaDirect; none with SASL, which it
   * does not speak, nor with dataPath 'kafkajs' (kafkajs's public API serves both then).
   */
  private readonly wire: WireCluster | undefined;
  private readonly directWire: WireCluster | undefined;
  private closed = false;

  constructor(private readonly opts: KafkaLogOptions) {
    this.kafka = createKafkaClient(opts);
    const producerSettings = { idempotent: opts.idempotent ?? true, compression: opts.compression ?? 'none' } as const;
    if (!opts.sasl && opts.dataPath !== 'kafkajs') {
      const settings = {
        clientId: opts.clientId ?? 'eddy',
        ssl: opts.ssl,
        connectionTimeoutMs: opts.connectionTimeoutMs ?? 3000,
        requestTimeoutMs: opts.requestTimeoutMs ?? 30000,
      };
      this.wire = new WireCluster(opts.brokers, settings);
      // Connections of its own: a broker answers a connection's requests in order, so offsets and
      // metadata would wait behind the consumers' long-polling fetches on the shared ones.
      this.directWire = new WireCluster(opts.brokers, settings);
    }
    this.direct = new KafkaDirect(this.kafka, this.directWire);
    this.topics = new KafkaTopics(this.kafka, this.direct);
    this.producer = new KafkaProducer(this.kafka, this.direct, producerSettings,
      this.wire ? new KafkaWireProducer(this.wire, producerSettings) : undefined);
  }

  async createTopic(name: string, spec: TopicSpec): Promise<void> {
    this.checkOpen();
    await this.topics.create(name, spec);
  }

  async deleteTopic(name: string): Promise<void> {
    this.checkOpen();
    await this.topics.delete(name);
    this.wire?.stale(name);
    await this.producer.forget(name);
  }

  async describeTopic(name: string): Promise<TopicDescription | undefined> {
    this.checkOpen();
    return this.topics.describe(name);
  }

  async listTopics(): Promise<TopicDescription[]> {
    this.checkOpen();
    return this.topics.list();
  }

  async produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]> {
    this.checkOpen();
    return this.producer.produce(topic, records);
  }

  async append(topic: string, records: ProducerRecord[]): Promise<void> {
    await this.produce(topic, records);
  }

  /** The high watermarks: the offset after the last record consumers can read. */
  async endOffsets(topic: string): Promise<number[]> {
    this.checkOpen();
    return this.direct.offsets(topic, 'latest');
  }

  async read(topic: string, partition: number, fromOffset: number, maxRecords: number): Promise<LogRecord[]> {
    this.checkOpen();
    return this.direct.read(topic, partition, fromOffset, maxRecords);
  }

  consumer(opts: ConsumerOptions): Consumer {
    this.checkOpen();
    const c = new KafkaConsumer(this.kafka, this.direct, {
      sessionTimeoutMs: this.opts.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: this.opts.heartbeatIntervalMs ?? 1000,
      fetchMaxWaitMs: this.opts.fetchMaxWaitMs ?? 250,
      maxBufferedPerPartition: this.opts.maxBufferedPerPartition ?? 5000,
      wire: this.wire,
    }, opts, (closed) => this.consumers.delete(closed));
    this.consumers.add(c);
    return c;
  }

  async committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
    this.checkOpen();
    return kafkaCommittedOffsets(this.direct, groupId, topic);
  }

  transactionalProducer(transactionalId: string): TransactionalProducer {
    this.checkOpen();
    return new KafkaTransactionalProducer(this.kafka, transactionalId, this.opts, this.direct);
  }

  /** Closes the consumers (waking their polls with []) and the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.close()));
    await Promise.all([this.producer.close(), this.topics.close(), this.direct.close()]);
    this.wire?.close();
    this.directWire?.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new LogError('CLOSED', 'the log is closed');
  }
}
