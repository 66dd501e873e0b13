// A pull-style Consumer on kafkajs's push-style group consumer. kafkajs runs the group protocol
// and fetch loop in the background (heartbeats included, so a slow poller is not thrown out of
// the group) and hands batches to eachBatch, which only buffers them per partition; poll() takes
// from the buffers. A full buffer pauses its partition's fetching until poll() drains it.
//
// KafkaConsumer, not kafkajs, decides where each partition starts and continues: on every
// (re)join, kept partitions are sought to the offset after their last buffered record (kafkajs
// would restart them from the committed offset), and new ones stay paused until their start
// (committed, else autoOffsetReset) is looked up, then are sought there and resumed. So
// positions() is exact, and nothing is handed out twice by one consumer.
//
// Partitions are assigned by partition number (kafka-copartition-assigner.ts): partition p of
// every subscribed topic goes to the same member, as a query's state is kept per partition number.
//
// With Eddy's wire client (no SASL), kafkajs only runs the group: every partition stays paused in
// kafkajs, and a KafkaFetcher fetches and decodes the records instead (kafka-fetcher.ts).

import kafkajs from 'kafkajs';
import type { Consumer as KafkaJsConsumer, EachBatchPayload, Kafka } from 'kafkajs';
import { parseTpKey, tpKey, type Consumer, type ConsumerOptions, type LogRecord, type TopicPartition } from './log.js';
import { LogError } from './log-error.js';
import { Signal } from './signal.js';
import type { KafkaDirect } from './kafka-direct.js';
import { PartitionState } from './kafka-partition-state.js';
import { toLogRecord, type RawMessage } from './kafka-records.js';
import { startOffsets } from './kafka-start-offsets.js';
import { isTransientKafkaError, kafkaErrorType } from './kafka-errors.js';
import { copartitionAssigner } from './kafka-copartition-assigner.js';
import { KafkaFetcher } from './kafka-fetcher.js';
import type { WireCluster } from './wire/wire-cluster.js';

const DEFAULT_MAX_RECORDS = 500; // Kafka's max.poll.records default
const RETRY_MS = 500;
const COMMIT_JOIN_WAIT_MS = 30_000;
/** A commit refused because the group is between generations (a rebalance). */
const REJOIN_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION']);

export interface ConsumerSettings {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  fetchMaxWaitMs: number;
  maxBufferedPerPartition: number;
  /** Fetch through Eddy's wire client instead of kafkajs. */
  wire?: WireCluster;
}

export class KafkaConsumer implements Consumer {
  private readonly topics: string[];
  private readonly reset: 'earliest' | 'latest';
  private readonly kc: KafkaJsConsumer;
  private readonly parts = new Map<string, PartitionState>();
  /** The assignment as of the last poll() (see assignment()). */
  private shown: TopicPartition[] = [];
  private generation = 0;
  /** Partitions revoked since the last poll(), by key. */
  private readonly revoked = new Set<string>();
  private readonly signal = new Signal();
  private readonly started: Promise<void>;
  private failure: unknown;
  private joined = false;
  private closed = false;
  private turn = 0;
  private readonly fetcher: KafkaFetcher | undefined;
  /** Positions processed with their output written and not committed since (see flushed()). */
  private flushedAt: Map<string, number> | undefined;
  /** Between kafkajs's REBALANCING event and the join that follows it. */
  private rejoining = false;
  /** Joins (group syncs) so far. */
  private joins = 0;

  constructor(
    kafka: Kafka,
    private readonly direct: KafkaDirect,
    private readonly settings: ConsumerSettings,
    private readonly opts: ConsumerOptions,
    private readonly onClose: (c: KafkaConsumer) => void,
  ) {
    this.topics = [...new Set(opts.topics)];
    this.reset = opts.autoOffsetReset ?? 'earliest';
    this.kc = kafka.consumer({
      groupId: opts.groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      rebalanceTimeout: Math.max(30_000, settings.sessionTimeoutMs),
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
      partitionAssigners: [copartitionAssigner],
      allowAutoTopicCreation: false,
      retry: { restartOnFailure: async () => !this.closed },
    });
    const { GROUP_JOIN, CRASH, START_BATCH_PROCESS, REBALANCING } = this.kc.events;
    this.kc.on(GROUP_JOIN, (e) => this.onJoin(e.payload.memberAssignment));
    this.kc.on(REBALANCING, () => this.onRebalancing());
    this.kc.on(START_BATCH_PROCESS, (e) => this.onFilteredBatch(e.payload));
    this.kc.on(CRASH, (e) => {
      this.joined = false;
      if (e.payload.restart || this.closed) return;
      // kafkajs restarts only after errors it calls retriable; a broker going away mid-request
      // can end in one it does not ("Failed to find group coordinator"): restart it ourselves.
      if (isTransientKafkaError(e.payload.error)) void this.rerun();
      else this.fail(e.payload.error);
    });
    this.started = this.start();
    this.started.catch((e: unknown) => { if (!this.closed) this.fail(e); });
    if (settings.wire) {
      this.fetcher = new KafkaFetcher(settings.wire, {
        parts: this.parts,
        maxBuffered: settings.maxBufferedPerPartition,
        fetchMaxWaitMs: settings.fetchMaxWaitMs,
        resetOffset: async (topic, partition) => (await this.direct.offsets(topic, this.reset))[partition],
        onRecords: () => this.signal.notifyAll(),
        onFatal: (e) => this.fail(e),
      });
    }
  }

  /**
   * Also where the caller learns of rebalances: assignment() changes only when a poll() returns,
   * and every record a poll() returns is of a partition in assignment() from then until the next
   * poll(). So a caller that compares assignment() after each poll() with what it had sees each
   * partition it gained (to restore its state before processing its records) and each one it
   * lost (to drop its state). A partition lost and assigned back between two polls is shown gone
   * by one poll() returning [] first: it continues from the group's committed offset, not from
   * where this consumer was, so state kept for it is stale.
   */
  async poll(opts: { maxRecords?: number; maxWaitMs?: number } = {}): Promise<LogRecord[]> {
    const max = opts.maxRecords ?? DEFAULT_MAX_RECORDS;
    const deadline = Date.now() + (opts.maxWaitMs ?? 0);
    for (;;) {
      if (this.closed) return [];
      if (this.failure !== undefined) throw this.failure;
      if (this.revoked.size > 0) {
        this.show(this.current().filter((tp) => !this.revoked.has(tpKey(tp.topic, tp.partition))));
        this.revoked.clear();
        return [];
      }
      // take() and the new assignment() in one synchronous step: no rebalance can come between.
      // While the group rebalances nothing new is handed out (partitions may move): the caller
      // finishes and commits what it has, as a Kafka consumer fetches nothing until it rejoined.
      const got = this.rejoining ? [] : this.take(max);
      const left = deadline - Date.now();
      if (got.length > 0 || left <= 0) {
        this.show(this.current());
        return got;
      }
      await this.signal.wait(left);
    }
  }

  async commit(offsets?: { topic: string; partition: number; offset: number }[]): Promise<void> {
    if (this.closed) throw new LogError('CLOSED', `consumer of group '${this.opts.groupId}' is closed`);
    if (this.failure !== undefined) throw this.failure;
    if (offsets) {
      for (const o of offsets) {
        if (this.parts.has(tpKey(o.topic, o.partition))) continue;
        const t = await this.direct.requireTopic(o.topic);
        if (!Number.isInteger(o.partition) || o.partition < 0 || o.partition >= t.partitions.length) {
          throw new LogError('INVALID_PARTITION', `topic '${o.topic}' has no partition ${o.partition}`);
        }
      }
    }
    // kafkajs commits through the running group member (and silently skips while it restarts).
    const deadline = Date.now() + COMMIT_JOIN_WAIT_MS;
    while (!this.joined && !this.closed && this.failure === undefined && Date.now() < deadline) {
      await this.signal.wait(100);
    }
    if (this.closed) throw new LogError('CLOSED', `consumer of group '${this.opts.groupId}' is closed`);
    if (this.failure !== undefined) throw this.failure;
    if (!this.joined) throw new Error(`consumer of group '${this.opts.groupId}' has not joined its group; nothing committed`);
    const list = offsets ?? [...this.parts.values()].filter((s) => s.ready)
      .map((s) => ({ topic: s.topic, partition: s.partition, offset: s.position() }));
    // What was flushed is covered now (or by a later commit): a rebalance must not commit it
    // again after this, which could move an offset back.
    if (!offsets) this.flushedAt = undefined;
    if (list.length === 0) return;
    const payload = list.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset) }));
    const joins = this.joins;
    try {
      await this.kc.commitOffsets(payload);
    } catch (e) {
      // The group moved to a new generation while this commit was on its way (a commit right
      // after a flush while rejoining, see rebalancing()): commit again once this member is in
      // it. The offsets are still right to commit: their records are processed and written.
      if (!REJOIN_ERRORS.has(kafkaErrorType(e) ?? '')) throw e;
      const until = Date.now() + COMMIT_JOIN_WAIT_MS;
      while (this.joins === joins && !this.closed && this.failure === undefined && Date.now() < until) await this.signal.wait(100);
      await this.kc.commitOffsets(payload);
    }
  }

  flushed(): void {
    this.flushedAt = this.positions();
  }

  rebalancing(): boolean { return this.rejoining; }

  /**
   * kafkajs is about to rejoin the group (it emits this synchronously, right before it looks up
   * the coordinator for its JoinGroup): the flushed positions are committed now, so the commit
   * reaches the coordinator ahead of the join and a partition's next owner starts after them.
   * kafkajs has no hook that waits for us; records flushed after this point are committed by
   * the runner, which commits at once while the consumer is rejoining (see rebalancing()).
   */
  private onRebalancing(): void {
    if (this.closed) return;
    this.rejoining = true;
    this.signal.notifyAll();
    const at = this.flushedAt;
    this.flushedAt = undefined;
    if (!at || at.size === 0 || !this.joined) return;
    const list = [...at].map(([key, offset]) => ({ ...parseTpKey(key), offset: String(offset) }));
    this.kc.commitOffsets(list).catch(() => undefined); // the runner's next commit covers it
  }

  /**
   * Only partitions whose start is known: a partition just assigned shows up once it is. Unlike
   * assignment(), this is live (a rebalance shows here before the next poll() returns).
   */
  positions(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, s] of this.parts) if (s.ready) out.set(key, s.position());
    return out;
  }

  /** The partitions assigned as of the last poll() (see poll()); [] before the first one. */
  assignment(): TopicPartition[] {
    return this.shown.map((tp) => ({ ...tp }));
  }

  assignmentGeneration(): number { return this.generation; }

  /** Sets what assignment() shows; a different set of partitions is a new generation. */
  private show(next: TopicPartition[]): void {
    const before = new Set(this.shown.map((tp) => tpKey(tp.topic, tp.partition)));
    if (next.length !== before.size || next.some((tp) => !before.has(tpKey(tp.topic, tp.partition)))) this.generation++;
    this.shown = next;
  }

  /** Leaves the group without committing (as Kafka with enable.auto.commit=false). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal.notifyAll();
    this.onClose(this);
    await this.started.catch(() => undefined); // start() stops early once closed
    await this.fetcher?.stop();
    await this.kc.disconnect().catch(() => undefined);
    this.parts.clear();
    this.shown = [];
  }

  private async start(): Promise<void> {
    // kafkajs cannot subscribe to a topic that does not exist yet; MemoryLog can. Wait for it.
    while (!this.closed) {
      const missing = (await Promise.all(this.topics.map((t) => this.direct.topic(t)))).some((t) => !t);
      if (!missing) break;
      await this.signal.wait(RETRY_MS);
    }
    if (this.closed) return;
    await this.kc.connect();
    if (this.closed) return;
    await this.kc.subscribe({ topics: this.topics, fromBeginning: this.reset === 'earliest' });
    if (this.closed) return;
    await this.kc.run({ autoCommit: false, eachBatch: (p) => this.onBatch(p) });
  }

  /** Runs kafkajs's consumer again after a crash it would not restart from (it has already left the group). */
  private async rerun(): Promise<void> {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    if (this.closed) return;
    try {
      await this.kc.run({ autoCommit: false, eachBatch: (p) => this.onBatch(p) });
    } catch (e) {
      if (!this.closed) this.fail(e);
    }
  }

  /** A (re)join: called by kafkajs after every group sync, before it fetches again. */
  private onJoin(assignment: Record<string, number[]>): void {
    if (this.closed) return;
    this.rejoining = false; // (poll() and commit() are woken below)
    this.joins++;
    const now = new Set<string>();
    const fresh: PartitionState[] = [];
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const key = tpKey(topic, partition);
        now.add(key);
        let s = this.parts.get(key);
        if (!s) this.parts.set(key, (s = new PartitionState(topic, partition)));
        if (!s.ready) fresh.push(s);
        if (this.fetcher) {
          // kafkajs never fetches: the wire fetcher does, for partitions located and not full.
          s.paused = s.buffered >= this.settings.maxBufferedPerPartition;
          this.kafkajs(() => this.kc.pause([{ topic, partitions: [partition] }]));
          continue;
        }
        if (s.ready) this.kafkajs(() => this.kc.seek({ topic, partition, offset: String(s!.next) }));
        s.paused = !s.ready || s.buffered >= this.settings.maxBufferedPerPartition;
        // kafkajs forgets pauses when it restarts after a crash: state them every time.
        const tp = [{ topic, partitions: [partition] }];
        this.kafkajs(() => (s!.paused ? this.kc.pause(tp) : this.kc.resume(tp)));
      }
    }
    for (const key of [...this.parts.keys()]) {
      if (now.has(key)) continue;
      this.parts.delete(key); // revoked: drop its buffer
      this.revoked.add(key);
    }
    this.joined = true;
    if (fresh.length > 0) void this.locate(fresh);
    this.fetcher?.wake();
    this.signal.notifyAll();
  }

  /** Looks up where new partitions start, then points kafkajs there and lets it fetch. */
  private async locate(states: PartitionState[]): Promise<void> {
    const byTopic = new Map<string, PartitionState[]>();
    for (const s of states) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
    await Promise.all([...byTopic].map(async ([topic, ss]) => {
      for (let attempt = 1; ; attempt++) {
        const current = ss.filter((s) => this.parts.get(tpKey(s.topic, s.partition)) === s && !s.ready);
        if (this.closed || current.length === 0) return;
        try {
          const at = await startOffsets(this.direct, this.opts.groupId, topic, current.map((s) => s.partition), this.reset,
            this.opts.latestOffsets?.[topic]);
          for (const s of current) {
            if (this.parts.get(tpKey(s.topic, s.partition)) !== s || s.ready) continue; // revoked meanwhile
            s.start(at.get(s.partition)!);
            s.paused = false;
            if (this.fetcher) continue;
            this.kafkajs(() => this.kc.seek({ topic, partition: s.partition, offset: String(s.next) }));
            this.kafkajs(() => this.kc.resume([{ topic, partitions: [s.partition] }]));
          }
          this.fetcher?.wake();
          this.signal.notifyAll();
          return;
        } catch (e) {
          // e.g. the group coordinator is still loading: retry, but not forever.
          if (attempt >= 20) { this.fail(e); return; }
          await this.signal.wait(RETRY_MS);
        }
      }
    }));
  }

  private async onBatch({ batch, isStale }: EachBatchPayload): Promise<void> {
    const s = this.parts.get(tpKey(batch.topic, batch.partition));
    // Not ours, not located yet, or about to be sought elsewhere: KafkaConsumer's seek decides
    // where this partition continues, so these records will come again if needed.
    if (this.closed || !s || !s.ready || isStale() || this.fetcher) return;
    const added = s.add(batch.messages.map((m) => toLogRecord(batch.topic, batch.partition, m as unknown as RawMessage)));
    // lastOffset() counts the markers and aborted records the batch held (messages has neither).
    const first = batch.firstOffset();
    if (first !== null) s.covered(Number(first), Number(batch.lastOffset()));
    if (s.buffered >= this.settings.maxBufferedPerPartition && !s.paused) {
      s.paused = true;
      this.kafkajs(() => this.kc.pause([{ topic: s.topic, partitions: [s.partition] }]));
    }
    if (added > 0) this.signal.notifyAll();
  }

  /**
   * kafkajs does not hand a fetch whose records were all filtered out (transaction markers,
   * aborted records) to eachBatch; it only reports it, here. Without this, a partition whose last
   * offsets are a marker would never reach its end offset.
   */
  private onFilteredBatch(b: { topic: string; partition: number; batchSize: number; firstOffset: string | null; lastOffset: string }): void {
    if (this.closed || b.batchSize > 0 || b.firstOffset === null) return; // a batch with records goes to onBatch
    const s = this.parts.get(tpKey(b.topic, b.partition));
    if (s?.ready) s.covered(Number(b.firstOffset), Number(b.lastOffset));
  }

  private current(): TopicPartition[] {
    return [...this.parts.values()].map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  /** Up to `max` records, partition by partition in turns (each partition's in offset order). */
  private take(max: number): LogRecord[] {
    const out: LogRecord[] = [];
    const all = [...this.parts.values()];
    const n = all.length;
    for (let i = 0; i < n && out.length < max; i++) {
      const s = all[(this.turn + i) % n];
      if (s.buffered > 0) s.take(max - out.length, out);
      if (s.paused && s.ready && s.buffered <= this.settings.maxBufferedPerPartition / 2) {
        s.paused = false;
        if (this.fetcher) this.fetcher.wake();
        else this.kafkajs(() => this.kc.resume([{ topic: s.topic, partitions: [s.partition] }]));
      }
    }
    this.turn = n > 0 ? (this.turn + 1) % n : 0;
    return out;
  }

  /** Runs a kafkajs pause/resume/seek; they throw while kafkajs restarts, and onJoin redoes them. */
  private kafkajs(f: () => void): void {
    try {
      f();
    } catch {
      // the next onJoin states pauses and seeks again
    }
  }

  private fail(e: unknown): void {
    this.failure ??= e;
    this.signal.notifyAll();
  }
}
