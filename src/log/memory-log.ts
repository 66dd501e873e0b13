// The Log in process: Kafka's data model without a broker. Used by the shell, the tests and the
// conformance runner. Records are never copied after the append: produce and poll are
// O(records). Records are stored by column, and a LogRecord handed out is a new view: of its
// bytes (byte-chunk.ts), or for a record produced as a row (a sink's or COPY's, see
// row-record.ts) of its row, which encodes its bytes when first read (memory-row-record.ts). Topics honour Kafka's
// cleanup configs (retention.ms, retention.bytes, cleanup.policy=compact: memory-partition.ts),
// so a long-running embedded engine keeps a bounded log.

import { DefaultPartitioner } from './default-partitioner.js';
import type {
  Consumer, ConsumerOptions, Header, Log, LogRecord, ProducerRecord, TopicDescription, TopicSpec, TransactionalProducer,
} from './log.js';
import { tpKey } from './log.js';
import { memoryCommittedOffsets } from './memory-committed-offsets.js';
import { memoryTransactionalProducer } from './memory-transactions.js';
import { LogError } from './log-error.js';
import { MemoryConsumer, type ConsumerHost } from './memory-consumer.js';
import { MemoryGroup } from './memory-group.js';
import { MemoryTopic, topicNameProblem } from './memory-topic.js';
import { Signal } from './signal.js';

/** Never stored: a partition's append keeps its own empty list. */
const NO_HEADERS_IN: Header[] = [];
import { maxMessageBytes, RecordsRefused, sizeOver, type RefusedRecord } from './produce-errors.js';

export interface MemoryLogOptions {
  /** The time given to records produced without a timestamp (default Date.now). */
  clock?: () => number;
  /**
   * At most this many records in a partition's active segment (default: no limit, only the
   * topic's segment.bytes rolls it): tests set it low to see cleaning on a few records.
   */
  cleanEveryRecords?: number;
}

export class MemoryLog implements Log {
  readonly keepsRows = true;
  /** Measured on bench:sql's P4: 1,000 records a poll ran 5% faster than 5,000, 500 no faster. */
  readonly pollRecords = 1000;
  private readonly topics = new Map<string, MemoryTopic>();
  private readonly groups = new Map<string, MemoryGroup>();
  private readonly partitioner = new DefaultPartitioner();
  private readonly signal = new Signal();
  private readonly clock: () => number;
  private readonly cleanEvery: number;
  private seq = 0;
  private closed = false;

  private readonly host: ConsumerHost = {
    signal: this.signal,
    topic: (name) => this.topics.get(name),
    isClosed: () => this.closed,
    leave: (consumer, group) => {
      group.leave(consumer);
      this.rebalance(group);
      this.signal.notifyAll(); // wakes the closed consumer's own poll
    },
  };

  constructor(opts: MemoryLogOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.cleanEvery = Math.max(1, opts.cleanEveryRecords ?? Infinity);
  }

  async createTopic(name: string, spec: TopicSpec): Promise<void> {
    this.checkOpen();
    const problem = topicNameProblem(name);
    if (problem) throw new LogError('INVALID_TOPIC', problem);
    if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
      throw new LogError('INVALID_TOPIC', `topic '${name}' needs a positive number of partitions, not ${spec.partitions}`);
    }
    if (this.topics.has(name)) throw new LogError('TOPIC_EXISTS', `topic '${name}' already exists`);
    this.topics.set(name, new MemoryTopic(name, spec, this.cleanEvery));
    this.rebalanceAll();
  }

  async deleteTopic(name: string): Promise<void> {
    this.checkOpen();
    if (!this.topics.delete(name)) throw new LogError('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
    this.partitioner.forget(name);
    for (const g of this.groups.values()) g.forgetTopic(name);
    this.rebalanceAll();
  }

  async describeTopic(name: string): Promise<TopicDescription | undefined> {
    return this.topics.get(name)?.describe();
  }

  async listTopics(): Promise<TopicDescription[]> {
    return [...this.topics.values()].map((t) => t.describe()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]> {
    const out: { partition: number; offset: number }[] = new Array(records.length);
    this.write(topic, records, out);
    return out;
  }

  async append(topic: string, records: ProducerRecord[]): Promise<void> {
    this.write(topic, records, undefined);
  }

  /** Appends `records`; where each landed goes to `out` when given ({ -1, -1 } for one refused). */
  private write(topic: string, records: ProducerRecord[], out: { partition: number; offset: number }[] | undefined): void {
    this.checkOpen();
    const t = this.topicOrThrow(topic);
    const n = t.partitions.length;
    // Validate the whole batch first so that a bad record appends nothing.
    for (const r of records) {
      if (r.partition !== undefined && (!Number.isInteger(r.partition) || r.partition < 0 || r.partition >= n)) {
        throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${r.partition} (it has ${n})`);
      }
    }
    // A record over the topic's max.message.bytes is refused alone, as a broker refuses it.
    const maxBytes = maxMessageBytes(t.config);
    let refused: RefusedRecord[] | undefined;
    // Records without a timestamp get the time of this produce (one clock reading per batch).
    let now: number | undefined;
    const parts = t.partitions;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const over = sizeOver(r, maxBytes);
      if (over !== undefined) {
        (refused ??= []).push({ index: i, reason: `a record of ${over} bytes is larger than the topic's max.message.bytes (${maxBytes})` });
        if (out !== undefined) out[i] = { partition: -1, offset: -1 };
        continue;
      }
      const p = r.partition ?? (n === 1 ? 0 : this.partitioner.partition(topic, r.key, n));
      let ts = r.timestamp;
      if (ts === undefined) ts = now ??= this.clock();
      const offset = parts[p].append(this.seq++, r, ts, r.headers && r.headers.length > 0 ? [...r.headers] : NO_HEADERS_IN);
      if (out !== undefined) out[i] = { partition: p, offset };
    }
    if (records.length > (refused?.length ?? 0)) this.signal.notifyAll();
    if (refused) throw new RecordsRefused(topic, refused);
  }

  async endOffsets(topic: string): Promise<number[]> {
    return this.topicOrThrow(topic).partitions.map((p) => p.endOffset);
  }

  async read(topic: string, partition: number, fromOffset: number, maxRecords: number): Promise<LogRecord[]> {
    const t = this.topicOrThrow(topic);
    const p = t.partitions[partition];
    if (!p) throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${partition}`);
    return p.read(fromOffset, maxRecords);
  }

  consumer(opts: ConsumerOptions): Consumer {
    this.checkOpen();
    let group = this.groups.get(opts.groupId);
    if (!group) this.groups.set(opts.groupId, (group = new MemoryGroup(opts.groupId)));
    const c = new MemoryConsumer(this.host, group, opts);
    group.join(c);
    this.rebalance(group);
    return c;
  }

  async committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
    return memoryCommittedOffsets(this.groups.get(groupId), topic);
  }

  transactionalProducer(transactionalId: string): TransactionalProducer {
    this.checkOpen();
    return memoryTransactionalProducer(this, transactionalId);
  }

  /**
   * Internal (memory-transactions.ts): a transaction's commit. Appends the batches in order and
   * sets the groups' committed offsets in one synchronous step, so no poll or read sees part of
   * it; everything is validated first, so a bad topic or partition changes nothing.
   */
  appendAtomically(
    batches: readonly { topic: string; records: readonly ProducerRecord[] }[],
    offsets: readonly { groupId: string; topic: string; partition: number; offset: number }[],
  ): void {
    this.checkOpen();
    const partitionsOf = (topic: string, partition: number | undefined): MemoryTopic => {
      const t = this.topicOrThrow(topic);
      const n = t.partitions.length;
      if (partition !== undefined && (!Number.isInteger(partition) || partition < 0 || partition >= n)) {
        throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${partition} (it has ${n})`);
      }
      return t;
    };
    for (const b of batches) for (const r of b.records) partitionsOf(b.topic, r.partition);
    for (const o of offsets) partitionsOf(o.topic, o.partition);
    let appended = 0;
    for (const b of batches) {
      const t = this.topics.get(b.topic)!;
      for (const r of b.records) {
        const p = r.partition ?? this.partitioner.partition(b.topic, r.key, t.partitions.length);
        t.partitions[p].append(this.seq++, r, r.timestamp ?? this.clock(), r.headers && r.headers.length > 0 ? [...r.headers] : NO_HEADERS_IN);
        appended++;
      }
    }
    for (const o of offsets) {
      let group = this.groups.get(o.groupId);
      if (!group) this.groups.set(o.groupId, (group = new MemoryGroup(o.groupId)));
      group.committed.set(tpKey(o.topic, o.partition), o.offset);
    }
    if (appended > 0) this.signal.notifyAll();
  }

  /** Wakes every waiting poll with []; the log refuses further writes and new consumers. */
  async close(): Promise<void> {
    this.closed = true;
    this.signal.notifyAll();
  }

  private rebalance(group: MemoryGroup): void {
    group.rebalance((name) => this.topics.get(name));
  }

  private rebalanceAll(): void {
    for (const g of this.groups.values()) if (g.size > 0) this.rebalance(g);
    this.signal.notifyAll(); // newly assigned partitions may hold data for a waiting poll
  }

  private topicOrThrow(name: string): MemoryTopic {
    const t = this.topics.get(name);
    if (!t) throw new LogError('UNKNOWN_TOPIC', `topic '${name}' does not exist`);
    return t;
  }

  private checkOpen(): void {
    if (this.closed) throw new LogError('CLOSED', 'the log is closed');
  }
}
