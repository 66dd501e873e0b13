// Runs one continuous query: a consumer on its input topics, records through the operator
// graph, then one flush: sink records, repartition records and state changes produced, and
// only then the offsets committed — so a crash at any moment loses nothing (at-least-once).
// With exactly_once the flush is one Kafka transaction that also carries the offsets.
//
// A durable query's state is per task (partition number). When the consumer's assignment
// changes, the runner drops the state of tasks that moved away and restores the new ones from
// their changelogs before it processes any of their records.
import { parseTpKey, tpKey, type Log, type Consumer, type LogRecord, type ProducerRecord, type TransactionalProducer } from '../log/log.js';
import { endBatch, type OperatorGraph } from './build-operators.js';
import type { TaskContext } from './state/state-map.js';
import type { RecordHandler } from './operators/source-operator.js';
import { collectChanges, restoreTasks } from './state/changelog.js';
import { ensureInternalTopics } from './internal-topics.js';
import { LogError } from '../log/log-error.js';
import { isUnwritable, maxMessageBytes, PartialProduce, RecordsRefused, sizeOver, type RefusedRecord } from '../log/produce-errors.js';
import type { ProcessingLogger } from './processing-log.js';

const POLL_RECORDS = 5000;
const POLL_WAIT_MS = 500;
const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5000;
const SOURCE_GONE_MS = 5000;
/** Output records a caching query holds before it writes them, whatever the commit interval. */
const CACHE_MAX_RECORDS = 50_000;
/** A batch at least this large means input is streaming in: a caching query may hold its output. */
const HOLD_MIN_RECORDS = 1000;
/** How long writes failing with errors no retry cures are retried before the query stops. */
const GIVE_UP_MS = 30_000;

export interface RunnerOptions {
  queryId: string;
  log: Log;
  groupId: string;
  /** Source topics (the query's repartition topics are read too). */
  topics: string[];
  autoOffsetReset: 'earliest' | 'latest';
  /** With latest: the source topics' end offsets when the query was accepted, where it starts (never rejects). */
  latestOffsets?: Promise<Record<string, number[]> | undefined>;
  graph: OperatorGraph;
  /** Sink topic, when the query writes one. */
  sinkTopic?: string;
  /** Records produced by the sink operator during a batch (the runner drains it). */
  outBuffer: ProducerRecord[];
  /**
   * A table sink of a durable query: write only each key's latest record, as ksqlDB's record
   * cache does (the intermediate updates are superseded anyway). Like Kafka Streams' cache, the
   * output and state changes of several batches are held while input streams in, until the
   * commit interval is up (or a small batch, an idle poll, a rebalance, CACHE_MAX_RECORDS), then
   * written and their offsets committed; at-least-once holds as offsets follow the output.
   */
  coalesceSink?: boolean;
  /** Durable queries: the task context the stores track and the prefix of internal topics. */
  durable?: {
    task: TaskContext;
    topicPrefix: string;
    /** Records for internal topics (repartition) produced during a batch, by topic. */
    internalBuffer: Map<string, ProducerRecord[]>;
  };
  /**
   * At-least-once: commit offsets at most this often (ksqlDB's commit.interval.ms), and when
   * idle or stopping. Output is still written after every batch, before its offsets.
   */
  commitIntervalMs?: number;
  /** processing.guarantee=exactly_once: the transactional id to flush with. */
  transactionalId?: string;
  /**
   * Asked before each record (it may hold the record back until another query catches up) and
   * told after it: the test-then-train lockstep between a model and the queries that use it.
   */
  gate?: RecordGate;
  /** Called when processing fails outside any row (a bug or an I/O error). */
  onError: (err: unknown) => void;
  /** How long writes failing with errors no retry cures are retried before the query stops (default 30 s). */
  giveUpMs?: number;
  /** Where output records a topic refuses for good are logged (else they go to onError). */
  logger?: ProcessingLogger;
  /** Called when a flush succeeds after errors (the query is healthy again). */
  onRecovered?: () => void;
  /**
   * A query this one may ride on (see QueryRunner's riders): asked between polls; the runner checks
   * that both may and that they stand at the same records.
   */
  rideOn?: () => QueryRunner | undefined;
}

/** QueryRunner.stats(): what a console shows of a running query. */
export interface QueryStats {
  recordsIn: number;
  recordsOut: number;
  /** When the counters were read (epoch ms): rates are differences over time. */
  at: number;
  partitions: { topic: string; partition: number; position: number; end: number }[];
}

export interface RecordGate {
  /**
   * undefined: go on; a promise: wait for it first. While the query waits, the gate may call
   * `drive` (when given) as soon as the other side lets records go, to process them at once.
   */
  before(rec: LogRecord, drive?: Driver): Promise<void> | undefined;
  after(rec: LogRecord): void;
}

/**
 * Processes a waiting query's next records while `mayGo` lets them: how many, or -1 when the
 * query stops waiting (see QueryRunner.drive).
 */
export type Driver = (mayGo: (rec: LogRecord) => boolean, skipAhead?: boolean) => number;

const NO_RECORDS: LogRecord[] = [];

export class QueryRunner {
  private consumer: Consumer | undefined;
  private tx: TransactionalProducer | undefined;
  private busy = true;
  private stopped = false;
  private loopDone: Promise<void> | undefined;
  /** Records waiting to be produced by the current flush, by topic. */
  private readonly pending = new Map<string, ProducerRecord[]>();
  /** Tasks whose state is loaded; undefined: none yet (restore on the first assignment). */
  private tasks: Set<number> | undefined;
  /** The consumer's assignment generation `tasks` reflects. */
  private generation = -1;
  private failing = false;
  /** Since when writes have failed with errors no retry cures; halted: the query gave up. */
  private unwritableSince: number | undefined;
  private halted = false;
  /** Since when each missing source topic has been missing (caughtUp looks). */
  private readonly missingSince = new Map<string, number>();
  /** Offsets processed and flushed but not yet committed, and when the last commit was. */
  private uncommitted = false;
  private lastCommit = 0;
  /** Records per poll (see Log.pollRecords); a full poll says input is streaming in (holds). */
  private get pollRecords(): number { return this.o.log.pollRecords ?? POLL_RECORDS; }
  /** Batches processed whose output and state changes are held (coalesceSink), not yet written. */
  private held = false;
  private lastFlush = 0;
  /** With a gate: per topic, per partition, the next offset not yet processed. */
  private readonly progress = new Map<string, number[]>();
  /**
   * The last topic whose progress was looked up, and its array (most polls are of one topic).
   * None is '' (no topic's name), not undefined: a === whose sides may be a string or undefined
   * was compiled to the generic comparison's call, several per record.
   */
  private progressTopic = '';
  private progressParts: number[] = [];
  /** The graph's record handlers of the last record's topic (the graph is fixed; none: ''). */
  private handlersTopic = '';
  private handlersFor: RecordHandler[] | undefined;
  /** The poll being processed and the index of its next record (see drive). */
  private batch: LogRecord[] = NO_RECORDS;
  private cursor = 0;
  /** Records of the poll processed ahead of the cursor (see skipAhead), by index; undefined: none. */
  private ahead: Uint8Array | undefined;
  /** The poll's records by partition (indexes in order) and each one's first not processed. */
  private lanes: Map<string, { idx: number[]; head: number }> | undefined;
  private readonly driver: Driver = (mayGo, skip) => (skip ? this.skipAhead(mayGo) : this.drive(mayGo));
  /** Whether any source of the graph may need to fetch before it decodes (a registry format). */
  private readonly fetches: boolean;
  /** Records processed but whose rows a batching operator still holds (see run). */
  private readonly deferred: LogRecord[] = [];
  /** Per output topic, its max.message.bytes (exactly_once checks records against it). */
  private readonly maxBytes = new Map<string, number>();
  /**
   * Riding: a query that writes nothing and keeps no state (a model's training query) may stop
   * reading on its own and instead process each record the query it rides on (the one scoring
   * with that model) processes, right after it: one poll, one loop and no gate for both, instead
   * of two runners taking turns per record (test-then-train). Only in a log in this process
   * (records are shared objects; its consumer can seek back to where riding left it).
   * `riders` are on this one (copied on change: handle iterates it); `host` is the one this
   * rides on, and `rideEnded` resumes this runner's own loop.
   */
  private riders: QueryRunner[] = [];
  private host: QueryRunner | undefined;
  private rideEnded: (() => void) | undefined;

  private latestOffsets: Record<string, number[]> | undefined;
  /** Records polled and processed, and records written to the sink, since the runner started. */
  private recordsIn = 0;
  private recordsOut = 0;

  constructor(private readonly o: RunnerOptions) {
    this.fetches = [...o.graph.handlers.values()].some((hs) => hs.some((h) => h.prefetch !== undefined));
  }

  get topics(): string[] { return [...this.o.topics, ...this.o.graph.repartitionTopics]; }

  start(): void {
    this.loopDone = this.run();
  }

  private async run(): Promise<void> {
    try {
      await this.loop();
    } finally {
      // Stopped (or given up): queries riding on this one read on their own again.
      for (const r of this.riders) r.unride();
    }
  }

  private async loop(): Promise<void> {
    const o = this.o;
    if (o.durable) {
      await this.retrying(() => ensureInternalTopics(o.log, o.topics, o.graph.stores, o.durable!.topicPrefix, o.graph.repartitionTopics, o.graph.onePartition, o.graph.partitionsLike));
    }
    if (o.latestOffsets) this.latestOffsets = await o.latestOffsets;
    if (this.stopped) return;
    this.openConsumer();
    if (o.transactionalId) this.tx = o.log.transactionalProducer(o.transactionalId);
    while (!this.stopped) {
      this.busy = false;
      if (this.host) {
        await new Promise<void>((resolve) => { this.rideEnded = resolve; });
        continue;
      }
      // Everything handed out so far is processed: say so before poll hands out more.
      if (o.gate) {
        this.markProgress();
        if (this.tryRide()) continue;
      }
      let recs;
      try {
        recs = await this.consumer!.poll({ maxRecords: this.pollRecords, maxWaitMs: POLL_WAIT_MS });
      } catch (e) {
        if (this.stopped) break;
        this.fail(e);
        await this.reopen();
        continue;
      }
      if (this.stopped) break;
      this.busy = true;
      // Held output goes out before the assignment changes (its offsets stay uncommitted: the
      // records just polled are not processed yet).
      if (this.held && this.consumer!.assignmentGeneration() !== this.generation) await this.flush(false);
      if (o.durable && !(await this.syncTasks())) {
        // These records' tasks have no state: start over from the committed offsets.
        await this.reopen();
        continue;
      }
      if (recs.length === 0) {
        if (this.held) await this.flush();
        else if (this.uncommitted) await this.commitOffsets();
        continue;
      }
      this.recordsIn += recs.length;
      const gate = o.gate;
      try {
        if (gate) this.startProgress(recs);
        // A gated query whose operators batch (an ONNX model) says a record is processed only
        // once its rows have been evaluated (deferred), or a trainer could learn a row before this
        // query scored it; when the gate would wait, the batch is evaluated first (no deadlock).
        const deferred = gate && this.batches() ? this.deferred : undefined;
        // While this query waits at a gate, the other side may process its next records for it
        // (drive), in the other side's own turn: no promise per record (see test-then-train.ts).
        const drive = gate && !deferred ? this.driver : undefined;
        this.batch = recs;
        this.cursor = 0;
        this.ahead = undefined;
        this.lanes = undefined;
        while (this.cursor < recs.length) {
          if (this.ahead !== undefined && this.ahead[this.cursor] === 1) { this.cursor++; continue; }
          const rec = recs[this.cursor];
          if (gate) {
            let wait = gate.before(rec, drive);
            if (wait && deferred && deferred.length > 0) {
              await this.endBatch();
              this.publishDeferred(gate);
              wait = gate.before(rec);
            }
            if (wait) {
              await wait;
              if (this.stopped) break;
              if (recs[this.cursor] !== rec) continue; // driven past it meanwhile: ask again for the next
            }
          }
          if (this.mustFetch(rec)) {
            await this.fetchFor(rec);
            if (this.stopped) break;
          }
          this.cursor++;
          this.handle(rec, deferred);
        }
      } catch (e) {
        // A bug in an operator: report it and carry on with the next records.
        if (!this.stopped) this.fail(e);
      }
      this.batch = NO_RECORDS;
      this.ahead = undefined;
      this.lanes = undefined;
      // Operators scoring a model a batch at a time (ONNX) pass this poll's rows on now.
      await this.endBatch();
      if (gate) this.publishDeferred(gate);
      if (this.stopped) break; // e.g. a push query reached its LIMIT mid-batch
      if (this.holds(recs.length)) { this.held = true; continue; }
      await this.flush();
    }
  }

  /** A registry format may first need the schema a record names (fetched once per id). */
  private mustFetch(rec: LogRecord): boolean {
    if (!this.fetches) return false;
    const hs = this.o.graph.handlers.get(rec.topic);
    if (hs) for (const h of hs) if (h.prefetch?.(rec)) return true;
    return false;
  }

  private async fetchFor(rec: LogRecord): Promise<void> {
    for (const h of this.o.graph.handlers.get(rec.topic) ?? []) {
      const wait = h.prefetch?.(rec);
      if (wait) await wait;
      if (this.stopped) return;
    }
  }

  /** Runs a record through the operator graph (what it names is fetched) and marks it processed. */
  private handle(rec: LogRecord, deferred: LogRecord[] | undefined): void {
    const o = this.o;
    const task = o.durable?.task;
    if (task) task.partition = rec.partition;
    let hs = this.handlersFor;
    if (rec.topic !== this.handlersTopic) {
      hs = this.handlersFor = o.graph.handlers.get(rec.topic);
      this.handlersTopic = rec.topic;
    }
    if (hs) {
      for (const h of hs) {
        // A bug in an operator fails this record only: log it, go on with the next.
        try { h(rec); } catch (e) {
          if (!o.logger) { this.fail(e); continue; }
          const message = e instanceof Error ? e.message : String(e);
          o.logger.log({ queryId: o.queryId, type: 'QUERY', message, topic: rec.topic, partition: rec.partition, offset: rec.offset });
        }
      }
    }
    // Before this query's gate.after: a ride starting there (see drive) begins with the next record.
    const riders = this.riders;
    for (let i = 0; i < riders.length; i++) riders[i].ridden(rec);
    if (deferred) deferred.push(rec);
    else if (o.gate) {
      this.progressOf(rec.topic)[rec.partition] = rec.offset + 1;
      o.gate.after(rec);
    }
  }

  /**
   * Called by the other side of the gate while this query waits at it: processes this poll's
   * next records for as long as `mayGo` lets them and none needs a fetch. Returns how many it
   * processed, or -1 when this query need not wait any more (its poll is done, it stopped, or
   * its next record needs a fetch: its own loop goes on).
   */
  private drive(mayGo: (rec: LogRecord) => boolean): number {
    const recs = this.batch;
    let n = 0;
    try {
      while (this.cursor < recs.length && !this.stopped) {
        if (this.ahead !== undefined && this.ahead[this.cursor] === 1) { this.cursor++; continue; }
        const rec = recs[this.cursor];
        if (!mayGo(rec)) return n;
        if (this.mustFetch(rec)) return -1;
        this.cursor++;
        this.handle(rec, undefined);
        n++;
      }
      // The poll is done, in the other side's turn: the moment this query and the one it waits
      // for stand at the same record (see tryRide).
      if (this.cursor >= recs.length) this.tryRide();
    } catch (e) {
      if (!this.stopped) this.fail(e);
    }
    return -1;
  }

  /**
   * Called by the gate when every query waiting at it waits for another (see test-then-train.ts):
   * processes records of this poll beyond the one it waits at, of other partitions, each the
   * first not processed of its partition, while `mayGo` lets them. Lockstep is per partition,
   * but a consumer of a broker hands out a partition's records in runs, each consumer starting
   * at another partition: the trainer waiting at partition 2 for the scorer, and the scorer at
   * partition 0 for the trainer, each reach the other's partition only later in their polls.
   * Order within each partition stays as polled. Returns how many it processed.
   */
  private skipAhead(mayGo: (rec: LogRecord) => boolean): number {
    const recs = this.batch;
    if (this.cursor >= recs.length || this.stopped) return 0;
    let lanes = this.lanes;
    if (lanes === undefined) {
      this.lanes = lanes = new Map();
      for (let i = this.cursor; i < recs.length; i++) {
        const key = tpKey(recs[i].topic, recs[i].partition);
        let lane = lanes.get(key);
        if (!lane) lanes.set(key, (lane = { idx: [], head: 0 }));
        lane.idx.push(i);
      }
    }
    const ahead = (this.ahead ??= new Uint8Array(recs.length));
    const waitsAt = tpKey(recs[this.cursor].topic, recs[this.cursor].partition);
    let n = 0;
    try {
      for (const [key, lane] of lanes) {
        if (key === waitsAt) continue;
        while (lane.head < lane.idx.length && !this.stopped) {
          const i = lane.idx[lane.head];
          if (i < this.cursor || ahead[i] === 1) { lane.head++; continue; } // processed already
          const rec = recs[i];
          if (!mayGo(rec) || this.mustFetch(rec)) break;
          ahead[i] = 1;
          lane.head++;
          this.handle(rec, undefined);
          n++;
        }
      }
    } catch (e) {
      if (!this.stopped) this.fail(e);
    }
    return n;
  }

  /** Whether this query may ride on another: it writes nothing, keeps no state, reads one topic. */
  private mayRide(): boolean {
    const o = this.o;
    return o.rideOn !== undefined && o.sinkTopic === undefined && this.eachRecordAtOnce()
      && o.topics.length === 1 && o.graph.repartitionTopics.length === 0 && o.graph.stores.maps.length === 0
      && typeof this.consumer?.seek === 'function';
  }

  /** Whether `rider` may ride on this query: it reads the rider's topic and is not riding itself. */
  private carries(rider: QueryRunner): boolean {
    return !this.stopped && this.host === undefined && this.o.gate !== undefined && this.eachRecordAtOnce()
      && this.topics.includes(rider.o.topics[0]);
  }

  /**
   * What both sides of a ride need: each record is done when handle returns (no fetch before it,
   * no batch evaluated after it), and nothing is written in a transaction or to changelogs.
   */
  private eachRecordAtOnce(): boolean {
    return !this.o.durable && !this.o.transactionalId && !this.fetches && !this.batches();
  }

  /**
   * Starts riding when the query named by rideOn may carry this one and stands where this one
   * does: its next record in every partition of this query's topic is this query's next.
   */
  private tryRide(): boolean {
    if (this.host || this.stopped || !this.mayRide()) return false;
    const host = this.o.rideOn!();
    if (!host || host === this || !host.carries(this)) return false;
    const topic = this.o.topics[0];
    const mine = this.progress.get(topic);
    const theirs = host.progress.get(topic);
    if (!mine || !theirs || mine.length === 0 || mine.length !== theirs.length) return false;
    for (let p = 0; p < mine.length; p++) if (mine[p] !== theirs[p]) return false;
    this.host = host;
    host.riders = [...host.riders, this];
    return true;
  }

  /**
   * A record the host processed: this query processes it next. (A ride that starts in drive
   * starts in the host's gate.after of the record before, after handle passed it to riders.)
   */
  private ridden(rec: LogRecord): void {
    if (rec.topic !== this.o.topics[0]) return;
    this.recordsIn++;
    this.handle(rec, undefined);
  }

  /**
   * Stops riding: this query reads on its own again, from the records after those it processed
   * riding (its consumer seeks there); those positions are committed at the next commit.
   */
  unride(): void {
    const host = this.host;
    if (!host) return;
    this.host = undefined;
    host.riders = host.riders.filter((r) => r !== this);
    this.consumer?.seek?.(this.progressPositions());
    this.uncommitted = true;
    const resume = this.rideEnded;
    this.rideEnded = undefined;
    resume?.();
  }

  /** The next offset to process per partition (the progress), keyed as Consumer.positions. */
  private progressPositions(): Map<string, number> {
    const at = new Map<string, number>();
    for (const [topic, parts] of this.progress) {
      for (let p = 0; p < parts.length; p++) if (parts[p] !== undefined) at.set(tpKey(topic, p), parts[p]);
    }
    return at;
  }

  /** Whether this query rides on another now (see tryRide). */
  get riding(): boolean { return this.host !== undefined; }

  /** Whether operators of this query buffer a poll's rows (batched model calls). */
  private batches(): boolean { return (this.o.graph.batchEnds?.length ?? 0) > 0; }

  /** Records whose rows have now been evaluated: processed, as far as the gate's other side knows. */
  private publishDeferred(gate: RecordGate): void {
    for (const rec of this.deferred) {
      this.progressOf(rec.topic)[rec.partition] = rec.offset + 1;
      gate.after(rec);
    }
    this.deferred.length = 0;
  }

  /** The graph's end-of-poll steps; a failure outside any row is the query's, not fatal. */
  private async endBatch(): Promise<void> {
    if (!this.o.graph.batchEnds?.length) return; // (graphs made by hand in tests may lack the list)
    try { await endBatch(this.o.graph); } catch (e) { if (!this.stopped) this.fail(e); }
  }

  /**
   * Whether a caching query keeps this batch's output for a later flush (see coalesceSink): only
   * while input streams in (a batch of HOLD_MIN_RECORDS or more); a smaller one says it is
   * caught up, and its output goes out now rather than after the next empty poll.
   */
  private holds(batchSize: number): boolean {
    const o = this.o;
    return o.coalesceSink === true && !o.transactionalId && this.pending.size === 0 && batchSize >= Math.min(HOLD_MIN_RECORDS, this.pollRecords)
      && Date.now() - this.lastFlush < (o.commitIntervalMs ?? 0) && o.outBuffer.length < CACHE_MAX_RECORDS
      && this.consumer?.rebalancing?.() !== true; // partitions may move: write and commit now
  }

  private openConsumer(): void {
    this.consumer = this.o.log.consumer({
      groupId: this.o.groupId, topics: this.topics, autoOffsetReset: this.o.autoOffsetReset, latestOffsets: this.latestOffsets,
    });
  }

  /** Starts over from the committed offsets and changelogs (after a failed transaction). */
  private async reopen(): Promise<void> {
    await this.consumer?.close().catch(() => undefined);
    for (const m of this.o.graph.stores.maps) m.clear();
    for (const c of this.o.graph.emitCaches) c.clear();
    this.o.outBuffer.length = 0;
    this.held = false;
    this.o.durable?.internalBuffer.clear();
    this.pending.clear();
    this.clearProgress();
    this.uncommitted = false;
    this.tasks = undefined;
    await sleep(RETRY_MIN_MS);
    if (!this.stopped) this.openConsumer();
  }

  /** Brings the stores in line with the assignment; false if the restore failed (poll again). */
  private async syncTasks(): Promise<boolean> {
    const consumer = this.consumer!;
    const generation = consumer.assignmentGeneration();
    if (this.tasks && generation === this.generation) return true;
    const now = new Set(consumer.assignment().map((tp) => tp.partition));
    // Tasks held through exactly one change kept their state; after more than one change a
    // task may have been given away and back (another instance moved it on meanwhile), so
    // everything is restored afresh.
    const keep = new Set<number>();
    if (this.tasks && generation === this.generation + 1) for (const p of now) if (this.tasks.has(p)) keep.add(p);
    const stores = this.o.graph.stores;
    for (const m of stores.maps) m.retainTasks(keep);
    this.tasks = keep;
    try {
      await restoreTasks(this.o.log, stores, this.o.durable!.topicPrefix, [...now].filter((p) => !keep.has(p)));
    } catch (e) {
      this.fail(e);
      for (const m of stores.maps) m.retainTasks(keep); // drop what was half restored; try again
      this.generation = -2; // never equal: restore again on the next poll
      return false;
    }
    this.tasks = now;
    this.generation = generation;
    return true;
  }

  /**
   * Produces everything the batch (or the held batches) made, then commits its offsets unless
   * told not to; retries until it succeeds.
   */
  private async flush(commit = true): Promise<void> {
    const o = this.o;
    this.held = false;
    this.lastFlush = Date.now();
    for (const c of o.graph.emitCaches) c.flush();
    if (o.graph.emitCaches.length > 0) await this.endBatch(); // what the caches emitted may go through a batching operator
    const add = (topic: string, recs: ProducerRecord[]): void => {
      if (recs.length === 0) return;
      const list = this.pending.get(topic);
      if (list) { for (const r of recs) list.push(r); } else this.pending.set(topic, recs.slice());
    };
    if (o.sinkTopic) {
      const out = o.coalesceSink ? latestPerKey(o.outBuffer) : o.outBuffer;
      this.recordsOut += out.length;
      add(o.sinkTopic, out);
    }
    o.outBuffer.length = 0;
    if (o.durable) {
      for (const [topic, recs] of o.durable.internalBuffer) add(topic, recs);
      o.durable.internalBuffer.clear();
      collectChanges(o.graph.stores, o.durable.topicPrefix, this.pending);
    }
    if (this.tx) {
      try {
        // A record refused inside a transaction would fail the transaction at every retry.
        await this.dropOversized();
        await this.flushTransaction(this.tx);
      } catch (e) {
        if (this.stopped) return;
        // The batch's state changes are in memory but not committed: start over from the log,
        // with a new producer (a fenced one stays fenced; the new one fences any older one).
        this.fail(e);
        await this.tx.abort().catch(() => undefined);
        if (this.gaveUp(e)) return;
        await this.tx.close().catch(() => undefined);
        this.tx = o.log.transactionalProducer(o.transactionalId!);
        await this.reopen();
      }
      return;
    }
    await this.retrying(async () => {
      await Promise.all([...this.pending].map(async ([topic, recs]) => {
        try {
          await o.log.append(topic, recs);
        } catch (e) {
          // A record the topic can never take is logged and dropped, not retried for ever; what
          // a partial write settled leaves the pending list (`recs` is it), so no duplicates.
          if (!(e instanceof RecordsRefused || e instanceof PartialProduce)) throw e;
          this.logRefused(topic, recs, e.refused);
          if (e instanceof PartialProduce) {
            recs.splice(0, e.settled);
            throw e.cause;
          }
        }
        this.pending.delete(topic);
      }));
    });
    if (this.pending.size > 0) return; // stopped before it was written: its offsets stay uncommitted
    if (!commit) return;
    this.uncommitted = true;
    // Committed by the consumer itself if the group rebalances before this runner commits.
    this.consumer!.flushed?.();
    if (Date.now() - this.lastCommit >= (o.commitIntervalMs ?? 0) || this.consumer!.rebalancing?.()) await this.commitOffsets();
  }

  private async commitOffsets(): Promise<void> {
    try {
      await this.consumer!.commit();
      this.uncommitted = false;
      this.lastCommit = Date.now();
    } catch (e) {
      // The output is written; only the offsets are not. A consumer that failed keeps failing:
      // a durable query starts over from the committed offsets and its changelogs
      // (at-least-once: this batch may come again); an embedded one (its state only in memory)
      // goes on, and its next commit covers these offsets.
      if (this.stopped) return;
      this.fail(e);
      if (this.o.durable) await this.reopen();
    }
  }

  private async flushTransaction(tx: TransactionalProducer): Promise<void> {
    await tx.begin();
    for (const [topic, recs] of this.pending) await tx.produce(topic, recs);
    const offsets = [...this.consumer!.positions()].map(([key, offset]) => ({ ...parseTpKey(key), offset }));
    if (offsets.length > 0) await tx.sendOffsets(this.o.groupId, offsets);
    await tx.commit();
    this.pending.clear();
    this.recovered();
  }

  /** Logs and drops the pending records larger than their topic's max.message.bytes. */
  private async dropOversized(): Promise<void> {
    for (const [topic, recs] of this.pending) {
      let max = this.maxBytes.get(topic);
      if (max === undefined) {
        const t = await this.o.log.describeTopic(topic);
        if (!t) continue; // the transaction reports a missing topic
        this.maxBytes.set(topic, (max = maxMessageBytes(t.config)));
      }
      let refused: RefusedRecord[] | undefined;
      for (let i = 0; i < recs.length; i++) {
        const size = sizeOver(recs[i], max);
        if (size !== undefined) (refused ??= []).push({ index: i, reason: `a record of ${size} bytes is larger than the topic's max.message.bytes (${max})` });
      }
      if (!refused) continue;
      this.logRefused(topic, recs, refused);
      const drop = new Set(refused.map((r) => r.index));
      this.pending.set(topic, recs.filter((_, i) => !drop.has(i)));
    }
  }

  /** Records a topic refused for good: each to the processing log, with its key and size. */
  private logRefused(topic: string, recs: ProducerRecord[], refused: RefusedRecord[]): void {
    for (const { index, reason } of refused) {
      const r = recs[index];
      const message = `cannot write a record to topic '${topic}': ${reason}`;
      if (!this.o.logger) { this.o.onError(new Error(message)); continue; }
      const key = r.key === null ? 'null' : Buffer.from(r.key.buffer, r.key.byteOffset, Math.min(r.key.byteLength, 200)).toString('utf8');
      this.o.logger.log({
        queryId: this.o.queryId, type: 'PRODUCTION', message, topic, partition: r.partition,
        record: `key ${key}, value of ${r.value?.byteLength ?? 0} bytes`,
      });
    }
  }

  /** Runs `f` until it succeeds or the runner stops, backing off between attempts. */
  private async retrying(f: () => Promise<void>): Promise<void> {
    for (let wait = RETRY_MIN_MS; !this.stopped; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        await f();
        this.recovered();
        return;
      } catch (e) {
        if (this.stopped) return;
        this.fail(e);
        if (this.gaveUp(e)) return;
        await sleep(wait);
      }
    }
  }

  /**
   * After a failed write: when writes have failed with errors no retry cures (the topic is gone,
   * the client may not write it) for giveUpMs, stops this query with the error, so that it holds
   * up nothing else. Transient errors (a broker away) are retried for as long as they last.
   */
  private gaveUp(e: unknown): boolean {
    if (!isUnwritable(e)) {
      this.unwritableSince = undefined;
      return false;
    }
    this.unwritableSince ??= Date.now();
    if (Date.now() - this.unwritableSince < (this.o.giveUpMs ?? GIVE_UP_MS)) return false;
    this.halted = true;
    this.stopped = true;
    this.o.onError(new Error(`the query stopped: ${e instanceof Error ? e.message : String(e)}`));
    return true;
  }

  /**
   * A source topic deleted under the query: no record will come, and waiting for it would hold up
   * every statement. After SOURCE_GONE_MS (a topic being recreated can look missing for a moment)
   * the query stops with an error saying so, as ksqlDB's query goes to ERROR.
   */
  private sourceMissing(topic: string, e: unknown): void {
    if (!(e instanceof LogError) || e.code !== 'UNKNOWN_TOPIC' || !this.o.topics.includes(topic)) return;
    const since = this.missingSince.get(topic) ?? Date.now();
    this.missingSince.set(topic, since);
    if (Date.now() - since < SOURCE_GONE_MS) return;
    this.halted = true;
    this.stopped = true;
    this.o.onError(new Error(`the query stopped: its source topic '${topic}' no longer exists`));
    void this.consumer?.close().catch(() => undefined);
  }

  private fail(e: unknown): void {
    this.failing = true;
    this.o.onError(e);
  }

  private recovered(): void {
    this.unwritableSince = undefined;
    if (!this.failing) return;
    this.failing = false;
    this.o.onRecovered?.();
  }

  /**
   * True when every record available on the input topics has been processed and flushed: this
   * instance's positions, and the group's committed offsets for partitions other instances own.
   */
  async caughtUp(): Promise<boolean> {
    if (this.halted) return true; // stopped for good: nothing to wait for
    // Riding: it processes what its host does, in the same turn.
    if (this.host) return this.host.caughtUp();
    if (this.busy || !this.consumer || this.pending.size > 0 || this.held) return false;
    // State not yet restored for the current assignment: not caught up, whatever the offsets say.
    if (this.o.durable && (this.tasks === undefined || this.consumer.assignmentGeneration() !== this.generation)) return false;
    const pos = this.consumer.positions();
    for (const t of this.topics) {
      const ends = await this.o.log.endOffsets(t).catch((e: unknown) => { this.sourceMissing(t, e); return undefined; });
      if (this.halted) return true;
      if (!ends) return false;
      this.missingSince.delete(t);
      let committed: Map<number, number> | undefined;
      for (let p = 0; p < ends.length; p++) {
        if (ends[p] === 0) continue;
        let at = pos.get(`${t}/${p}`);
        if (at === undefined) {
          committed ??= await this.o.log.committedOffsets(this.o.groupId, t).catch(() => undefined);
          if (!committed) return false;
          at = committed.get(p) ?? 0;
        }
        if (at < ends[p]) return false;
      }
    }
    return !this.busy;
  }

  /** Before a poll: progress is the position of every partition held now (and only those). */
  private markProgress(): void {
    this.clearProgress();
    for (const [key, pos] of this.consumer!.positions()) {
      const { topic, partition } = parseTpKey(key);
      this.progressOf(topic)[partition] = pos;
    }
  }

  private clearProgress(): void {
    this.progress.clear();
    this.progressTopic = '';
  }

  /** The progress array of `topic` (made when first asked for). */
  private progressOf(topic: string): number[] {
    if (topic === this.progressTopic) return this.progressParts;
    let parts = this.progress.get(topic);
    if (!parts) this.progress.set(topic, (parts = []));
    this.progressTopic = topic;
    this.progressParts = parts;
    return parts;
  }

  /** Before a batch: each partition's progress is where its first record in the batch is. */
  private startProgress(recs: LogRecord[]): void {
    // Backwards, so each partition ends at its first record here (past any gap in offsets).
    for (let i = recs.length - 1; i >= 0; i--) {
      const rec = recs[i];
      this.progressOf(rec.topic)[rec.partition] = rec.offset;
    }
  }

  /**
   * The next offset of a partition this runner has not processed, or undefined when it does not
   * read that partition here (another instance has it, it has not started, or it stopped).
   * Only runners with a gate keep progress.
   */
  nextToProcess(topic: string, partition: number): number | undefined {
    if (this.stopped) return undefined;
    return topic === this.progressTopic ? this.progressParts[partition] : this.progress.get(topic)?.[partition];
  }

  get isStopped(): boolean { return this.stopped; }

  /**
   * Counters since the start (records read, records written to the sink) and, per partition this
   * instance reads, the next offset it will read and the partition's end: the lag is their difference.
   */
  async stats(): Promise<QueryStats> {
    const partitions: QueryStats['partitions'] = [];
    const pos = this.host ? this.progressPositions() : this.consumer?.positions() ?? new Map<string, number>();
    for (const topic of this.topics) {
      const ends = await this.o.log.endOffsets(topic).catch(() => undefined);
      if (!ends) continue;
      for (let p = 0; p < ends.length; p++) {
        const position = pos.get(`${topic}/${p}`);
        if (position !== undefined) partitions.push({ topic, partition: p, position, end: ends[p] });
      }
    }
    return { recordsIn: this.recordsIn, recordsOut: this.recordsOut, at: Date.now(), partitions };
  }

  /** The tasks (partition numbers) this instance runs now. */
  assignedTasks(): number[] {
    return [...new Set((this.consumer?.assignment() ?? []).map((tp) => tp.partition))].sort((x, y) => x - y);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unride();
    for (const r of this.riders) r.unride();
    // A clean stop commits what is flushed, so a restart does not process it again.
    if (this.uncommitted && !this.busy && this.consumer) {
      this.uncommitted = false;
      await this.consumer.commit().catch(() => undefined);
    }
    await this.consumer?.close();
    await this.loopDone;
    await this.tx?.close().catch(() => undefined);
  }
}

/** The last record of each key, in the order of those last records. */
function latestPerKey(recs: ProducerRecord[]): ProducerRecord[] {
  const seen = new Set<string>();
  const out: ProducerRecord[] = [];
  for (let i = recs.length - 1; i >= 0; i--) {
    const r = recs[i];
    const k = r.key === null ? '' : `${r.partition ?? ''}|${Buffer.from(r.key.buffer, r.key.byteOffset, r.key.byteLength).toString('latin1')}`;
    if (r.key !== null && seen.has(k)) continue;
    if (r.key !== null) seen.add(k);
    out.push(r);
  }
  return out.reverse();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
