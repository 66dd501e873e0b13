// Group-less access to partitions: metadata, offsets, single-partition reads and a group's
// committed offsets. Through Eddy's own wire client (wire/wire-direct.ts) when there is one;
// with SASL, which that client does not speak, through kafkajs's public API
// (kafka-direct-kafkajs.ts). Requests that fail transiently are retried (kafka-retrying.ts),
// with the topic's metadata looked up again in case a leader moved.

import type { Kafka } from 'kafkajs';
import { LogError } from './log-error.js';
import type { LogRecord } from './log.js';
import { kafkaErrorType, toLogError } from './kafka-errors.js';
import { retrying } from './kafka-retrying.js';
import { KafkajsDirectClient } from './kafka-direct-kafkajs.js';
import { WireDirectClient } from './wire/wire-direct.js';
import type { WireCluster } from './wire/wire-cluster.js';

export interface PartitionMetadata { partitionId: number; leader: number; replicas: number[] }
export interface TopicMetadata { name: string; internal: boolean; partitions: PartitionMetadata[] }

/** What KafkaDirect asks of a cluster; each call one attempt unless it says otherwise. */
export interface DirectClient {
  /** These topics (all when null), partitions sorted; throws UNKNOWN_TOPIC_OR_PARTITION if one is unknown. */
  metadata(topics: string[] | null): Promise<TopicMetadata[]>;
  /** The earliest or latest (last stable) offset of every partition, by partition number. */
  offsets(t: TopicMetadata, which: 'earliest' | 'latest'): Promise<number[]>;
  /** A group's committed offsets (-1 where none). */
  committed(groupId: string, topic: string, partitions: number[]): Promise<Map<number, number>>;
  /** See KafkaDirect.read (retries itself; `t` as known when the read began). */
  read(t: TopicMetadata, partition: number, from: number, max: number): Promise<LogRecord[]>;
  close(): Promise<void>;
}

export class KafkaDirect {
  private readonly client: DirectClient;

  /** On `wire` when given (the caller owns and closes it), else on kafkajs's public API. */
  constructor(kafka: Kafka, wire?: WireCluster) {
    this.client = wire ? new WireDirectClient(wire, this) : new KafkajsDirectClient(kafka, this);
  }

  /** One topic's partitions (sorted), or undefined if the topic does not exist. */
  async topic(name: string): Promise<TopicMetadata | undefined> {
    try {
      return (await this.metadata([name])).find((t) => t.name === name);
    } catch (e) {
      if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') return undefined;
      throw e;
    }
  }

  async requireTopic(name: string): Promise<TopicMetadata> {
    const t = await this.topic(name);
    if (!t) throw new LogError('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
    return t;
  }

  /** Whether all these topics exist (one metadata request). */
  async allExist(names: string[]): Promise<boolean> {
    try {
      return (await this.metadata(names)).length === new Set(names).size;
    } catch (e) {
      if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') return false;
      throw e;
    }
  }

  /** All topics with their partitions (one metadata request). */
  async topics(): Promise<TopicMetadata[]> {
    return this.metadata(null);
  }

  /** The earliest or latest offset of every partition of a topic, by partition number. */
  async offsets(topic: string, which: 'earliest' | 'latest', known?: TopicMetadata): Promise<number[]> {
    return retrying(async (attempt) => {
      const t = attempt === 0 && known ? known : await this.requireTopic(topic);
      return this.client.offsets(t, which);
    }).catch((e: unknown) => { throw toLogError(e, `listing offsets of topic '${topic}'`); });
  }

  /**
   * Up to `max` records of one partition from `from` on, fetching until `max` or the end (read
   * committed: records of aborted transactions and markers are skipped). An offset before the
   * log start (retention) reads from the log start, as MemoryLog reads from 0.
   */
  async read(topic: string, partition: number, from: number, max: number): Promise<LogRecord[]> {
    const t = await this.requireTopic(topic);
    if (!Number.isInteger(partition) || partition < 0 || partition >= t.partitions.length) {
      throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${partition}`);
    }
    if (max <= 0) return [];
    try {
      return await this.client.read(t, partition, Math.max(0, from), max);
    } catch (e) {
      throw toLogError(e, `reading topic '${topic}'`);
    }
  }

  /** A group's committed offsets (-1 where none) for some partitions of a topic. */
  async committed(groupId: string, topic: string, partitions: number[]): Promise<Map<number, number>> {
    return retrying(() => this.client.committed(groupId, topic, partitions));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private metadata(topics: string[] | null): Promise<TopicMetadata[]> {
    return retrying(() => this.client.metadata(topics));
  }
}
