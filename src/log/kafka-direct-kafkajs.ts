// KafkaDirect's requests through kafkajs's public API, for clusters Eddy's wire client cannot
// reach (SASL) and for dataPath 'kafkajs'. Metadata, offsets and committed offsets come from an
// admin; a read joins a throwaway consumer group (kafkajs cannot consume without one), seeks,
// and leaves once it has `max` records or reached the partition's end.
//
// The admin remembers every topic it listed offsets for and asks for their metadata before each
// request; once one of them is deleted (by anyone), its requests fail with an unknown topic.
// A fresh admin then forgets them: on that error the request is tried once more on a new one.

import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { LogRecord } from './log.js';
import type { DirectClient, KafkaDirect, TopicMetadata } from './kafka-direct.js';
import { kafkaErrorType } from './kafka-errors.js';
import { toLogRecord, type RawMessage } from './kafka-records.js';

/** A read joins a group first: allow for the join, then for fetching up to the end. */
const READ_TIMEOUT_MS = 30_000;

export class KafkajsDirectClient implements DirectClient {
  private admin: { client: Admin; connected: Promise<void> } | undefined;

  constructor(private readonly kafka: Kafka, private readonly direct: KafkaDirect) {}

  async metadata(topics: string[] | null): Promise<TopicMetadata[]> {
    const admin = await this.ready();
    let md: Awaited<ReturnType<Admin['fetchTopicMetadata']>>;
    try {
      md = await admin.fetchTopicMetadata({ topics: topics ?? [] }); // [] asks for all
    } catch (e) {
      // When no broker answers (a request timed out, a connection dropped), kafkajs's broker pool
      // returns null and fetchTopicMetadata fails reading it: as transient as a refused connection.
      if (e instanceof TypeError) throw Object.assign(new Error(`no broker answered the metadata request (${e.message})`), { retriable: true });
      throw e;
    }
    return md.topics.map((t) => ({
      name: t.name,
      internal: t.name.startsWith('__'), // kafkajs's public metadata drops the flag; Kafka's own topics are __named
      partitions: t.partitions
        .map((p) => ({ partitionId: p.partitionId, leader: p.leader, replicas: p.replicas }))
        .sort((a, b) => a.partitionId - b.partitionId),
    }));
  }

  async offsets(t: TopicMetadata, which: 'earliest' | 'latest'): Promise<number[]> {
    const listed = await this.withFreshAdminOnUnknown((a) => a.fetchTopicOffsets(t.name));
    const out = new Array<number>(t.partitions.length).fill(0);
    for (const p of listed) out[p.partition] = Number(which === 'earliest' ? p.low : p.high);
    return out;
  }

  async committed(groupId: string, topic: string, partitions: number[]): Promise<Map<number, number>> {
    const res = await this.withFreshAdminOnUnknown((a) => a.fetchOffsets({ groupId, topics: [topic] }));
    const wanted = new Set(partitions);
    const out = new Map<number, number>();
    for (const t of res) for (const p of t.partitions) if (wanted.has(p.partition)) out.set(p.partition, Number(p.offset));
    return out;
  }

  async read(t: TopicMetadata, partition: number, from: number, max: number): Promise<LogRecord[]> {
    const [low, high] = await Promise.all([this.direct.offsets(t.name, 'earliest', t), this.direct.offsets(t.name, 'latest', t)]);
    const at = Math.max(from, low[partition]);
    const end = high[partition];
    if (at >= end) return [];
    const out: LogRecord[] = [];
    const consumer = this.kafka.consumer({ groupId: `_eddy-read-${randomUUID()}`, maxWaitTimeInMs: 100 });
    let over = false;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => { finish = resolve; });
    const done = (): void => { over = true; finish(); };
    let timer: NodeJS.Timeout | undefined;
    try {
      // Batches left empty by read_committed (markers, aborted records) still report their offsets here.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        if (payload.topic === t.name && payload.partition === partition && Number(payload.lastOffset) + 1 >= end) done();
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [t.name], fromBeginning: true }); // an offset out of range: the log start
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (over || batch.partition !== partition) return;
          for (const m of batch.messages) {
            if (out.length >= max) break;
            if (Number(m.offset) >= at) out.push(toLogRecord(t.name, partition, m as unknown as RawMessage));
          }
          if (out.length >= max) done();
        },
      });
      const others = t.partitions.map((p) => p.partitionId).filter((p) => p !== partition);
      if (others.length > 0) consumer.pause([{ topic: t.name, partitions: others }]);
      consumer.seek({ topic: t.name, partition, offset: String(at) });
      await Promise.race([finished, new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`reading ${t.name}/${partition} took over ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
      })]);
    } finally {
      clearTimeout(timer);
      await consumer.disconnect().catch(() => undefined);
    }
    return out;
  }

  async close(): Promise<void> {
    const was = this.admin;
    this.admin = undefined;
    if (was) await was.connected.then(() => was.client.disconnect(), () => undefined);
  }

  private async ready(): Promise<Admin> {
    if (!this.admin) {
      const client = this.kafka.admin({ retry: { retries: 0 } }); // KafkaDirect retries itself
      const entry = { client, connected: client.connect() };
      entry.connected.catch(() => { if (this.admin === entry) this.admin = undefined; });
      this.admin = entry;
    }
    const { client, connected } = this.admin;
    await connected;
    return client;
  }

  private async withFreshAdminOnUnknown<T>(f: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      return await f(await this.ready());
    } catch (e) {
      if (kafkaErrorType(e) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      await this.close();
      return f(await this.ready());
    }
  }
}
