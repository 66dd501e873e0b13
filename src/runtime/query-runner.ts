// Runs one continuous query: a consumer on its input topics, records through the operator
// graph, then one flush: sink records, repartition records and state changes produced, and
// only then the offsets committed — so a crash at any moment loses nothing (at-least-once).
// With exactly_once the flush is one Kafka transaction that also carries the offsets.
//
// A durable query's state is per task (partition number). When the consumer's assignment
// changes, the runner drops the state of tasks that moved away and restores the new ones from
// their changelogs before it processes any of their records.
import { parseTpKey, type Log, type Consumer, type LogRecord, type ProducerRecord, type TransactionalProducer } from '../log/log.js';
import type { OperatorGraph } from './build-operators.js';
import type { TaskContext } from './state/state-map.js';
import { collectChanges, restoreTasks } from './state/changelog.js';
import { ensureInternalTopics } from './internal-topics.js';

const POLL_RECORDS = 5000;
const POLL_WAIT_MS = 500;
const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5000;

export interface RunnerOptions {
  queryId: string;
  log: Log;
  groupId: string;
  /** Source topics (the query's repartition topics are read too). */
  topics: string[];
  autoOffsetReset: 'earliest' | 'latest';
  graph: OperatorGraph;
  /** Sink topic, when the query writes one. */
  sinkTopic?: string;
  /** Records produced by the sink operator during a batch (the runner drains it). */
  outBuffer: ProducerRecord[];
  /**
   * A table sink of a durable query: write only each key's latest record of a batch, as
   * ksqlDB's record cache does (the intermediate updates are superseded anyway).
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
  /** Called when a flush succeeds after errors (the query is healthy again). */
  onRecovered?: () => void;
}

export interface RecordGate {
  /** undefined: go on; a promise: wait for it first. */
  before(rec: LogRecord): Promise<void> | undefined;
  after(rec: LogRecord): void;
}

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
  /** Offsets processed and flushed but not yet committed, and when the last commit was. */
  private uncommitted = false;
  private lastCommit = 0;
  /** With a gate: per topic, per partition, the next offset not yet processed. */
  private readonly progress = new Map<string, number[]>();

  constructor(private readonly o: RunnerOptions) {}

  get topics(): string[] { return [...this.o.topics, ...this.o.graph.repartitionTopics]; }

  start(): void {
    this.loopDone = this.run();
  }

  private async run(): Promise<void> {
    const o = this.o;
    if (o.durable) {
      await this.retrying(() => ensureInternalTopics(o.log, o.topics, o.graph.stores, o.durable!.topicPrefix, o.graph.repartitionTopics, o.graph.onePartition));
    }
    if (this.stopped) return;
    this.openConsumer();
    if (o.transactionalId) this.tx = o.log.transactionalProducer(o.transactionalId);
    while (!this.stopped) {
      this.busy = false;
      // Everything handed out so far is processed: say so before poll hands out more.
      if (o.gate) this.markProgress();
      let recs;
      try {
        recs = await this.consumer!.poll({ maxRecords: POLL_RECORDS, maxWaitMs: POLL_WAIT_MS });
      } catch (e) {
        if (this.stopped) break;
        this.fail(e);
        await this.reopen();
        continue;
      }
      if (this.stopped) break;
      this.busy = true;
      if (o.durable && !(await this.syncTasks())) {
        // These records' tasks have no state: start over from the committed offsets.
        await this.reopen();
        continue;
      }
      if (recs.length === 0) {
        if (this.uncommitted) await this.commitOffsets();
        continue;
      }
      const handlers = o.graph.handlers;
      const task = o.durable?.task;
      const gate = o.gate;
      try {
        if (gate) this.startProgress(recs);
        for (const rec of recs) {
          if (gate) {
            const wait = gate.before(rec);
            if (wait) await wait;
            if (this.stopped) break;
          }
          if (task) task.partition = rec.partition;
          const hs = handlers.get(rec.topic);
          if (hs) for (const h of hs) h(rec);
          if (gate) {
            this.progress.get(rec.topic)![rec.partition] = rec.offset + 1;
            gate.after(rec);
          }
        }
      } catch (e) {
        // A bug in an operator: report it and carry on with the next records.
        if (!this.stopped) this.fail(e);
      }
      if (this.stopped) break; // e.g. a push query reached its LIMIT mid-batch
      await this.flush();
    }
  }

  private openConsumer(): void {
    this.consumer = this.o.log.consumer({ groupId: this.o.groupId, topics: this.topics, autoOffsetReset: this.o.autoOffsetReset });
  }

  /** Starts over from the committed offsets and changelogs (after a failed transaction). */
  private async reopen(): Promise<void> {
    await this.consumer?.close().catch(() => undefined);
    for (const m of this.o.graph.stores.maps) m.clear();
    this.o.outBuffer.length = 0;
    this.o.durable?.internalBuffer.clear();
    this.pending.clear();
    this.progress.clear();
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

  /** Produces everything the batch made, then commits its offsets; retries until it succeeds. */
  private async flush(): Promise<void> {
    const o = this.o;
    const add = (topic: string, recs: ProducerRecord[]): void => {
      if (recs.length === 0) return;
      const list = this.pending.get(topic);
      if (list) { for (const r of recs) list.push(r); } else this.pending.set(topic, recs.slice());
    };
    if (o.sinkTopic) add(o.sinkTopic, o.coalesceSink ? latestPerKey(o.outBuffer) : o.outBuffer);
    o.outBuffer.length = 0;
    if (o.durable) {
      for (const [topic, recs] of o.durable.internalBuffer) add(topic, recs);
      o.durable.internalBuffer.clear();
      collectChanges(o.graph.stores, o.durable.topicPrefix, this.pending);
    }
    if (this.tx) {
      try {
        await this.flushTransaction(this.tx);
      } catch (e) {
        if (this.stopped) return;
        // The batch's state changes are in memory but not committed: start over from the log,
        // with a new producer (a fenced one stays fenced; the new one fences any older one).
        this.fail(e);
        await this.tx.abort().catch(() => undefined);
        await this.tx.close().catch(() => undefined);
        this.tx = o.log.transactionalProducer(o.transactionalId!);
        await this.reopen();
      }
      return;
    }
    await this.retrying(async () => {
      await Promise.all([...this.pending].map(async ([topic, recs]) => {
        await o.log.produce(topic, recs);
        this.pending.delete(topic);
      }));
    });
    this.uncommitted = true;
    if (Date.now() - this.lastCommit >= (o.commitIntervalMs ?? 0)) await this.commitOffsets();
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
        await sleep(wait);
      }
    }
  }

  private fail(e: unknown): void {
    this.failing = true;
    this.o.onError(e);
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.o.onRecovered?.();
  }

  /**
   * True when every record available on the input topics has been processed and flushed: this
   * instance's positions, and the group's committed offsets for partitions other instances own.
   */
  async caughtUp(): Promise<boolean> {
    if (this.busy || !this.consumer || this.pending.size > 0) return false;
    // State not yet restored for the current assignment: not caught up, whatever the offsets say.
    if (this.o.durable && (this.tasks === undefined || this.consumer.assignmentGeneration() !== this.generation)) return false;
    const pos = this.consumer.positions();
    for (const t of this.topics) {
      const ends = await this.o.log.endOffsets(t).catch(() => undefined);
      if (!ends) return false;
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
    this.progress.clear();
    for (const [key, pos] of this.consumer!.positions()) {
      const { topic, partition } = parseTpKey(key);
      let parts = this.progress.get(topic);
      if (!parts) this.progress.set(topic, (parts = []));
      parts[partition] = pos;
    }
  }

  /** Before a batch: each partition's progress is where its first record in the batch is. */
  private startProgress(recs: LogRecord[]): void {
    // Backwards, so each partition ends at its first record here (past any gap in offsets).
    for (let i = recs.length - 1; i >= 0; i--) {
      const rec = recs[i];
      let parts = this.progress.get(rec.topic);
      if (!parts) this.progress.set(rec.topic, (parts = []));
      parts[rec.partition] = rec.offset;
    }
  }

  /**
   * The next offset of a partition this runner has not processed, or undefined when it does not
   * read that partition here (another instance has it, it has not started, or it stopped).
   * Only runners with a gate keep progress.
   */
  nextToProcess(topic: string, partition: number): number | undefined {
    return this.stopped ? undefined : this.progress.get(topic)?.[partition];
  }

  get isStopped(): boolean { return this.stopped; }

  /** The tasks (partition numbers) this instance runs now. */
  assignedTasks(): number[] {
    return [...new Set((this.consumer?.assignment() ?? []).map((tp) => tp.partition))].sort((x, y) => x - y);
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
