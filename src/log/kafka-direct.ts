// Group-less access to partitions: metadata, offsets, fetches and a group's committed offsets,
// each a single request to the right broker through a private kafkajs Cluster (see
// kafka-internals.ts for why not the kafkajs admin). Requests that fail transiently (a
// leadership a broker has not taken up yet, a coordinator still loading) are retried, with the
// topic's metadata looked up again in case a leader moved.

import type { Kafka } from 'kafkajs';
import { LogError } from './log-error.js';
import type { LogRecord } from './log.js';
import { kafkaErrorType, toLogError } from './kafka-errors.js';
import {
  Batch, createCluster, EARLIEST, LATEST, READ_COMMITTED, type FetchedPartition, type InternalCluster, type PartitionMetadata,
} from './kafka-internals.js';
import { toLogRecord } from './kafka-records.js';

export interface TopicMetadata { name: string; internal: boolean; partitions: PartitionMetadata[] }

const FETCH_MAX_BYTES = 4 * 1024 * 1024;

export class KafkaDirect {
  private readonly cluster: InternalCluster;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.cluster = createCluster(kafka);
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
    return this.metadata([]); // kafkajs asks for every topic when given none
  }

  /** The earliest or latest offset of every partition of a topic, by partition number. */
  async offsets(topic: string, which: 'earliest' | 'latest', known?: TopicMetadata): Promise<number[]> {
    return retrying(async (attempt) => {
      const t = attempt === 0 && known ? known : await this.requireTopic(topic);
      const byLeader = new Map<number, number[]>();
      for (const p of t.partitions) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p.partitionId]);
      const out = new Array<number>(t.partitions.length).fill(0);
      const timestamp = which === 'earliest' ? EARLIEST : LATEST;
      await Promise.all([...byLeader].map(async ([nodeId, partitions]) => {
        const res = await (await this.broker(nodeId)).listOffsets({
          replicaId: -1,
          isolationLevel: READ_COMMITTED,
          topics: [{ topic, partitions: partitions.map((partition) => ({ partition, timestamp })) }],
        });
        for (const r of res.responses) for (const p of r.partitions) out[p.partition] = Number(p.offset);
      }));
      return out;
    }).catch((e: unknown) => { throw toLogError(e, `listing offsets of topic '${topic}'`); });
  }

  /**
   * Up to `max` records of one partition from `from` on, fetching until `max` or the end. An
   * offset before the log start (retention) reads from the log start, as MemoryLog reads from 0.
   */
  async read(topic: string, partition: number, from: number, max: number): Promise<LogRecord[]> {
    const t = await this.requireTopic(topic);
    if (!Number.isInteger(partition) || partition < 0 || partition >= t.partitions.length) {
      throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${partition}`);
    }
    const out: LogRecord[] = [];
    let offset = Math.max(0, from);
    while (out.length < max) {
      let data: FetchedPartition | undefined;
      try {
        data = await this.fetch(topic, partition, offset, t);
      } catch (e) {
        if (kafkaErrorType(e) !== 'OFFSET_OUT_OF_RANGE') throw toLogError(e, `reading topic '${topic}'`);
        const start = (await this.offsets(topic, 'earliest'))[partition];
        if (offset >= start) return out; // past the end
        offset = start;
        continue;
      }
      if (!data) return out;
      for (const m of new Batch(topic, String(offset), data).messages) {
        if (out.length >= max) break;
        out.push(toLogRecord(topic, partition, m));
      }
      const high = Number(data.highWatermark);
      const last = data.messages.length > 0 ? Number(data.messages[data.messages.length - 1].offset) : offset - 1;
      // Control records and aborted transactions take offsets too: skip past all that was fetched.
      // (No progress, e.g. a compacted batch left empty, ends the read rather than looping.)
      if (last + 1 <= offset || last + 1 >= high) return out;
      offset = last + 1;
    }
    return out;
  }

  /** A group's committed offsets (-1 where none) for some partitions of a topic. */
  async committed(groupId: string, topic: string, partitions: number[]): Promise<Map<number, number>> {
    return retrying(async () => {
      const coordinator = await (await this.ready()).findGroupCoordinator({ groupId });
      const res = await coordinator.offsetFetch({ groupId, topics: [{ topic, partitions: partitions.map((partition) => ({ partition })) }] });
      const out = new Map<number, number>();
      for (const r of res.responses) for (const p of r.partitions) out.set(p.partition, Number(p.offset));
      return out;
    });
  }

  async close(): Promise<void> {
    const was = this.connected;
    this.connected = undefined;
    if (was) await was.then(() => this.cluster.disconnect(), () => undefined);
  }

  private async fetch(topic: string, partition: number, offset: number, known: TopicMetadata): Promise<FetchedPartition | undefined> {
    return retrying(async (attempt) => {
      const t = attempt === 0 ? known : await this.requireTopic(topic);
      const res = await (await this.broker(t.partitions[partition].leader)).fetch({
        isolationLevel: READ_COMMITTED,
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: FETCH_MAX_BYTES,
        topics: [{ topic, partitions: [{ partition, fetchOffset: String(offset), maxBytes: FETCH_MAX_BYTES }] }],
      });
      return res.responses[0]?.partitions[0];
    });
  }

  private async ready(): Promise<InternalCluster> {
    this.connected ??= this.cluster.connect().catch((e: unknown) => {
      this.connected = undefined; // let the next call try again
      throw e;
    });
    await this.connected;
    return this.cluster;
  }

  private async metadata(topics: string[]): Promise<TopicMetadata[]> {
    return retrying(async () => {
      const c = await this.ready();
      const md = await (await c.brokerPool.findConnectedBroker()).metadata(topics);
      return md.topicMetadata.map((t) => ({
        name: t.topic,
        internal: !!t.isInternal,
        partitions: [...t.partitionMetadata].sort((a, b) => a.partitionId - b.partitionId),
      }));
    });
  }

  /** A broker by node id; a broker the cluster did not know when it connected is looked up. */
  private async broker(nodeId: number) {
    const c = await this.ready();
    try {
      return await c.findBroker({ nodeId });
    } catch (e) {
      if ((e as Error).name !== 'KafkaJSBrokerNotFound') throw e;
      await c.refreshMetadata();
      return c.findBroker({ nodeId });
    }
  }
}

/**
 * Runs `f` again (for up to ~8 s) while it fails with an error Kafka marks retriable. Not for an
 * unknown topic (callers decide what that means) nor an offset out of range.
 */
async function retrying<T>(f: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f(attempt);
    } catch (e) {
      const type = kafkaErrorType(e);
      const err = e as { retriable?: boolean; name?: string };
      // kafkajs gives up finding a group coordinator at once, as non-retriable, when no broker
      // answered the request (one going down or just back): as transient as a refused connection.
      const retriable = (err.retriable === true || err.name === 'KafkaJSGroupCoordinatorNotFound')
        && type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'OFFSET_OUT_OF_RANGE';
      if (!retriable || attempt >= 12) throw e;
      await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
    }
  }
}
