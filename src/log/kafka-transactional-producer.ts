// Transactions on Kafka through kafkajs (its producer.transaction()). The kafkajs producer is
// created and connected on the first begin(), whose InitProducerId fences older producers with
// the same transactional id and makes the coordinator abort a transaction one of them left open
// (kafkajs retries while the coordinator answers CONCURRENT_TRANSACTIONS).
//
// Records are partitioned as KafkaProducer does (murmur2 for keys, round-robin for null keys,
// explicit partitions checked against the topic), buffered, and sent in requests of at most
// MAX_REQUEST_BYTES, across topics, when the buffer fills and on commit(): a batch that writes a
// sink, a changelog and a repartition topic costs one produce request per broker, not one per
// topic. So a produce() error (e.g. a topic deleted since it was checked) may surface at commit().
// commit() returns once read_committed readers see the transaction (see awaitStable): the broker
// writes the commit markers just after it answers EndTxn.
//
// States, as MemoryLog's transactions: produce/sendOffsets/commit need an open transaction and
// begin() refuses a second (INVALID_TRANSACTION_STATE); abort() with none open does nothing. A
// call that fails ends the transaction (aborted), so it cannot be committed without the records
// of the failed call. After a failure on the wire the kafkajs producer is dropped too, and the
// next begin() starts a new one whose InitProducerId bumps the epoch (so kafkajs's sequence
// numbers, which it does not reset after a failed request, cannot make the broker take a later
// batch for a duplicate). A commit() that fails for another reason than fencing (e.g. the
// connection dropped after EndTxn was sent) may have committed: before it throws, it initializes
// the new producer, which waits until the coordinator has finished that transaction, so that the
// group's committed offsets read after the error tell whether it committed (when the broker can
// be reached at all).
//
// Fencing (INVALID_PRODUCER_EPOCH, PRODUCER_FENCED) is final: every later call throws
// PRODUCER_FENCED; a new producer (with a new InitProducerId) is needed. The broker also bumps the
// epoch when it aborts a transaction that outlived transactionTimeout, and reports it the same
// way. kafkajs 2.2.4 speaks TxnOffsetCommit v0-1 only, without the group generation of KIP-447:
// a zombie is fenced by its transactional id alone, not by the consumer group.

import kafkajs from 'kafkajs';
import type { Kafka, Message, Producer, TopicMessages, Transaction } from 'kafkajs';
import { RecordPartitions } from './kafka-record-partitions.js';
import { createKafkaClient, type KafkaLogOptions } from './kafka-config.js';
import { KafkaDirect } from './kafka-direct.js';
import { isProducerFenced, kafkaErrorType, toLogError } from './kafka-errors.js';
import { approxSize, MAX_REQUEST_BYTES, toKafkaMessage } from './kafka-records.js';
import { LogError } from './log-error.js';
import { tpKey, type ProducerRecord, type TransactionalProducer } from './log.js';

const { CompressionTypes, Partitioners } = kafkajs;

/**
 * How long the broker lets a transaction stay open before it aborts it: how long a transaction
 * that a killed, never restarted process left open holds back read_committed readers (plus up to
 * the broker's transaction.abort.timed.out.transaction.cleanup.interval.ms, 10 s by default).
 */
const DEFAULT_TRANSACTION_TIMEOUT_MS = 10_000;
/**
 * Retries of one request: bounded, unlike kafkajs's default for idempotent producers (forever):
 * a failed send fails the transaction, which is aborted, so nothing is written twice.
 */
const DEFAULT_RETRIES = 5;
/** How long commit() waits at most for its markers to be written (see awaitStable). */
const STABLE_WAIT_MS = 10_000;

/** Errors of sendOffsets that pass when tried again (kafkajs's names; see sendOffsets). */
const RETRY_SEND_OFFSETS = new Set([
  'CONCURRENT_TRANSACTIONS', 'NOT_COORDINATOR_FOR_GROUP', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'GROUP_LOAD_IN_PROGRESS',
]);

/** KafkaLogOptions, and the transaction timeout until KafkaLogOptions has a field for it. */
export type TransactionalProducerOptions = KafkaLogOptions & { transactionTimeoutMs?: number };

type Offset = { topic: string; partition: number; offset: number };

export class KafkaTransactionalProducer implements TransactionalProducer {
  private producer: Producer | undefined;
  private txn: Transaction | undefined;
  /** Messages produced in the open transaction and not sent yet, in produce order. */
  private pending: { topic: string; message: Message; bytes: number }[] = [];
  private pendingBytes = 0;
  /** The last offset written per "topic/partition" in the open transaction (from the broker's answers). */
  private written = new Map<string, { topic: string; partition: number; last: number }>();
  /** The offsets sent per group, topic and partition in the open transaction. */
  private sentOffsets = new Map<string, { groupId: string; topic: string; partitions: Map<number, number> }>();
  private direct: KafkaDirect | undefined;
  private readonly partitions = new RecordPartitions(() => this.metadataClient());
  private fenced: LogError | undefined;
  private closed = false;
  /** Why the last transaction ended without commit or abort, for the next state error. */
  private failure: string | undefined;

  private readonly kafka: Kafka;

  /** A KafkaDirect given by the caller (its KafkaLog's) is used, not closed; else one is made when needed. */
  private readonly sharedDirect: KafkaDirect | undefined;

  constructor(kafka: Kafka, private readonly id: string, private readonly opts: TransactionalProducerOptions, direct?: KafkaDirect) {
    this.kafka = opts.log ? kafka : quietClient(opts);
    this.sharedDirect = direct;
  }

  async begin(): Promise<void> {
    this.checkUsable();
    if (this.txn) throw new LogError('INVALID_TRANSACTION_STATE', `transactional producer '${this.id}' already has an open transaction`);
    this.failure = undefined;
    this.written.clear();
    this.sentOffsets.clear();
    try {
      const producer = this.producer ?? (await this.connect());
      this.txn = await producer.transaction(); // the first one runs InitProducerId
    } catch (e) {
      throw await this.failed(e, 'cannot begin a transaction');
    }
  }

  async produce(topic: string, records: ProducerRecord[]): Promise<void> {
    this.open('produce');
    try {
      const partitions = await this.partitions.of(topic, records);
      this.open('produce'); // still ours after the await (not closed, fenced or aborted meanwhile)
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const bytes = approxSize(r);
        this.pending.push({ topic, message: toKafkaMessage(r, partitions[i]), bytes });
        this.pendingBytes += bytes;
      }
      if (this.pendingBytes >= MAX_REQUEST_BYTES) await this.flush(false);
    } catch (e) {
      throw await this.failed(e, `cannot produce to topic '${topic}'`);
    }
  }

  async sendOffsets(groupId: string, offsets: Offset[]): Promise<void> {
    const txn = this.open('sendOffsets');
    if (offsets.length === 0) return;
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const o of offsets) {
      let ps = byTopic.get(o.topic);
      if (!ps) byTopic.set(o.topic, (ps = []));
      ps.push({ partition: o.partition, offset: String(o.offset) });
    }
    try {
      const topics = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
      // kafkajs 2.2.4 retries neither AddOffsetsToTxn while the previous transaction is still
      // completing (CONCURRENT_TRANSACTIONS: its markers are written, the coordinator has not
      // noted it yet) nor TxnOffsetCommit while the group coordinator moves or loads (it checks
      // for error names it does not use: 'NOT_COORDINATOR', not its own
      // 'NOT_COORDINATOR_FOR_GROUP'). Retry here; sendOffsets again repeats AddOffsetsToTxn,
      // which is idempotent within a transaction.
      for (let attempt = 0; ; attempt++) {
        try {
          await txn.sendOffsets({ consumerGroupId: groupId, topics });
          break;
        } catch (e) {
          if (!RETRY_SEND_OFFSETS.has(kafkaErrorType(e) ?? '') || attempt >= 12) throw e;
          await new Promise((r) => setTimeout(r, Math.min(5 * 2 ** attempt, 1000)));
        }
      }
      for (const o of offsets) {
        const key = `${groupId}\u0000${o.topic}`;
        let sent = this.sentOffsets.get(key);
        if (!sent) this.sentOffsets.set(key, (sent = { groupId, topic: o.topic, partitions: new Map() }));
        sent.partitions.set(o.partition, o.offset);
      }
    } catch (e) {
      throw await this.failed(e, `cannot commit offsets of group '${groupId}' in the transaction`);
    }
  }

  async commit(): Promise<void> {
    const txn = this.open('commit');
    try {
      await this.flush(true);
      await txn.commit();
      this.txn = undefined;
    } catch (e) {
      throw await this.failed(e, 'cannot commit the transaction', true);
    }
    await this.awaitStable();
  }

  async abort(): Promise<void> {
    this.checkUsable();
    const txn = this.txn;
    if (!txn) return;
    this.dropPending();
    try {
      await txn.abort();
      this.txn = undefined;
    } catch (e) {
      throw await this.failed(e, 'cannot abort the transaction');
    }
  }

  /** Aborts an open transaction (best effort) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const txn = this.txn;
    this.dropPending();
    if (txn && !this.fenced && txn.isActive()) await txn.abort().catch(() => undefined);
    await this.discard();
    const direct = this.direct;
    this.direct = undefined;
    await direct?.close();
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      transactionalId: this.id,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: this.opts.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
      allowAutoTopicCreation: false,
      retry: { retries: Math.max(1, this.opts.retry?.retries ?? DEFAULT_RETRIES) }, // kafkajs: at least 1 when idempotent
      createPartitioner: Partitioners.DefaultPartitioner, // unused (partitions are explicit); silences a warning
    });
    try {
      await producer.connect();
    } catch (e) {
      await producer.disconnect().catch(() => undefined);
      throw e;
    }
    if (this.closed) {
      await producer.disconnect().catch(() => undefined);
      throw this.usableError()!;
    }
    this.producer = producer;
    return producer;
  }

  /** Sends the buffered messages (all, or only full requests' worth), one request at a time. */
  private async flush(all: boolean): Promise<void> {
    const txn = this.txn!;
    while (this.pending.length > 0 && (all || this.pendingBytes >= MAX_REQUEST_BYTES)) {
      let end = 0;
      let bytes = 0;
      while (end < this.pending.length && (end === 0 || bytes + this.pending[end].bytes <= MAX_REQUEST_BYTES)) bytes += this.pending[end++].bytes;
      const chunk = this.pending.splice(0, end);
      this.pendingBytes -= bytes;
      const topicMessages: TopicMessages[] = [];
      for (const { topic, message } of chunk) {
        let tm = topicMessages.find((t) => t.topic === topic);
        if (!tm) topicMessages.push((tm = { topic, messages: [] }));
        tm.messages.push(message);
      }
      const meta = await txn.sendBatch({
        topicMessages,
        acks: -1,
        compression: this.opts.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
      });
      const counts = new Map<string, number>();
      for (const { topic, message } of chunk) counts.set(tpKey(topic, message.partition!), (counts.get(tpKey(topic, message.partition!)) ?? 0) + 1);
      for (const m of meta) {
        const key = tpKey(m.topicName, m.partition);
        const base = Number(m.baseOffset);
        if (!Number.isNaN(base)) this.written.set(key, { topic: m.topicName, partition: m.partition, last: base + (counts.get(key) ?? 1) - 1 });
      }
    }
  }

  /**
   * After a commit, waits (briefly, best effort) until read_committed readers see it: the broker
   * answers EndTxn once the commit is decided, and writes the commit markers that make records
   * readable, and the offsets fetchable, a moment later. Waiting keeps KafkaLog's reads after
   * commit() as MemoryLog's (a caller that compares end offsets with positions sees the commit)
   * and narrows the window in which a consumer taking over a partition would fetch the group's
   * previous offset (kafkajs's OffsetFetch has no require_stable, KIP-447).
   */
  private async awaitStable(): Promise<void> {
    const records = new Map<string, Map<number, number>>(); // topic -> partition -> last offset
    for (const w of this.written.values()) {
      let ps = records.get(w.topic);
      if (!ps) records.set(w.topic, (ps = new Map()));
      ps.set(w.partition, w.last);
    }
    const offsets = [...this.sentOffsets.values()];
    this.written.clear();
    this.sentOffsets.clear();
    if (records.size === 0 && offsets.length === 0) return;
    const direct = this.metadataClient();
    const deadline = Date.now() + STABLE_WAIT_MS;
    try {
      for (let attempt = 0; records.size > 0 || offsets.length > 0; attempt++) {
        await Promise.all([
          ...[...records].map(async ([topic, ps]) => {
            const ends = await direct.offsets(topic, 'latest');
            for (const [p, last] of ps) if (ends[p] > last) ps.delete(p);
            if (ps.size === 0) records.delete(topic);
          }),
          ...offsets.map(async (o) => {
            const committed = await direct.committed(o.groupId, o.topic, [...o.partitions.keys()]);
            for (const [p, offset] of o.partitions) if (committed.get(p) === offset) o.partitions.delete(p);
          }),
        ]);
        for (let i = offsets.length - 1; i >= 0; i--) if (offsets[i].partitions.size === 0) offsets.splice(i, 1);
        if ((records.size === 0 && offsets.length === 0) || Date.now() >= deadline) return;
        await new Promise((r) => setTimeout(r, Math.min(2 ** attempt, 10)));
      }
    } catch {
      // The transaction is committed; only the wait for its markers failed (e.g. a topic deleted).
    }
  }

  /**
   * Ends the transaction after a failed call and returns the error to throw: PRODUCER_FENCED
   * (final) when the broker says a newer epoch exists; else the transaction is aborted (best
   * effort) and, after an error from kafkajs (not one of KafkaLog's checks), the kafkajs producer
   * is dropped so that the next begin() initializes afresh.
   */
  private async failed(e: unknown, context: string, inCommit = false): Promise<unknown> {
    if (e instanceof LogError && (e.code === 'PRODUCER_FENCED' || e.code === 'CLOSED' || e.code === 'INVALID_TRANSACTION_STATE')) return e;
    const txn = this.txn;
    this.txn = undefined;
    this.dropPending();
    if (isProducerFenced(e)) {
      this.fenced = new LogError('PRODUCER_FENCED',
        `transactional producer '${this.id}' was fenced: a newer producer with the same transactional id took over, `
        + `or the broker aborted its transaction after the transaction timeout (${context}: ${(e as Error).message})`);
      await this.discard();
      return this.fenced;
    }
    let clean = e instanceof LogError; // a check of ours failed: nothing went wrong on the wire
    if (txn?.isActive()) {
      try {
        await txn.abort();
      } catch (abortError) {
        if (isProducerFenced(abortError)) return this.failed(abortError, context);
        clean = false;
      }
    }
    if (!clean) {
      this.partitions.clear();
      await this.discard();
      if (inCommit) await this.settlePrevious();
    }
    const err = toLogError(e, `transactional producer '${this.id}': ${context}`);
    this.failure = `${context}: ${(err as Error).message ?? String(err)}`;
    return err;
  }

  /**
   * Initializes a new kafkajs producer now rather than on the next begin(): InitProducerId
   * answers (kafkajs retries CONCURRENT_TRANSACTIONS) only once the coordinator has completed
   * the previous transaction, commit markers and committed offsets included. Best effort.
   */
  private async settlePrevious(): Promise<void> {
    try {
      const producer = await this.connect();
      await (await producer.transaction()).abort(); // nothing in it: no request, only kafkajs's state
    } catch {
      await this.discard();
    }
  }

  private async discard(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    this.txn = undefined;
    if (p) await p.disconnect().catch(() => undefined);
  }

  private dropPending(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }

  private metadataClient(): KafkaDirect {
    if (this.sharedDirect) return this.sharedDirect;
    this.direct ??= new KafkaDirect(this.kafka);
    return this.direct;
  }

  private open(call: string): Transaction {
    this.checkUsable();
    if (!this.txn) {
      const why = this.failure ? ` (the last transaction ended: ${this.failure})` : '';
      throw new LogError('INVALID_TRANSACTION_STATE', `${call}() of transactional producer '${this.id}' needs an open transaction: call begin() first${why}`);
    }
    return this.txn;
  }

  private checkUsable(): void {
    const e = this.usableError();
    if (e) throw e;
  }

  private usableError(): LogError | undefined {
    if (this.fenced) return this.fenced;
    if (this.closed) return new LogError('CLOSED', `transactional producer '${this.id}' is closed`);
    return undefined;
  }
}

/**
 * A client like KafkaLog's whose default logger also leaves out the kafkajs producer's errors:
 * each is retried or thrown to the caller (fencing, a transaction still completing, which kafkajs
 * retries), so printing them is noise. A `log` sink in the options gets everything, as before.
 */
function quietClient(opts: KafkaLogOptions): Kafka {
  return createKafkaClient({
    ...opts,
    log: ({ level, namespace, message, extra }) => {
      if (namespace === 'Producer' || namespace === 'Connection') return;
      process.stderr.write(`kafkajs ${level} [${namespace}] ${message}${'error' in extra ? `: ${String(extra.error)}` : ''}\n`);
    },
  });
}
