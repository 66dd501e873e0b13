// The fetch loop of a KafkaConsumer on Eddy's own wire client: it fetches every partition that
// is located (its start known) and not full, from each leader, and decodes the batches straight
// into the partitions' buffers (record-batch-reader.ts). kafkajs still runs the group (joins,
// heartbeats, commits) with every partition paused, so it never fetches itself.
//
// A fetch's answer is kept only if its partition is still this consumer's, in the same state
// and still waiting at the offset asked for (a seek or a rebalance meanwhile discards it).
import { tpKey } from './log.js';
import type { LogRecord } from './log.js';
import type { PartitionState } from './kafka-partition-state.js';
import type { WireCluster } from './wire/wire-cluster.js';
import { fetchRecords, READ_COMMITTED, type FetchTopic } from './wire/fetch-api.js';
import { readRecordBatches } from './wire/record-batch-reader.js';
import { kafkaError, WireConnectionError, WireError } from './wire/wire-errors.js';
import { Signal } from './signal.js';

const MAX_BYTES = 16 * 1024 * 1024;
const PARTITION_MAX_BYTES = 1024 * 1024;
const RETRY_MS = 500;
const OFFSET_OUT_OF_RANGE = 1;

export interface FetcherHost {
  readonly parts: Map<string, PartitionState>;
  readonly maxBuffered: number;
  readonly fetchMaxWaitMs: number;
  /** Where a partition whose offset fell out of the log (retention) goes on: its earliest or latest. */
  resetOffset(topic: string, partition: number): Promise<number>;
  /** Records were added (wake poll()). */
  onRecords(): void;
  /** A failure no retry cures. */
  onFatal(e: unknown): void;
}

let lanes = 0;

export class KafkaFetcher {
  /** This fetcher's own connections (see WireCluster's lanes). */
  private readonly lane = `fetch-${++lanes}`;
  private readonly wakeUp = new Signal();
  private stopped = false;
  private readonly done: Promise<void>;

  constructor(private readonly cluster: WireCluster, private readonly host: FetcherHost) {
    this.done = this.loop();
  }

  /** A partition became fetchable (located, or drained below its limit). */
  wake(): void { this.wakeUp.notifyAll(); }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp.notifyAll();
    this.cluster.release(this.lane); // fails a fetch in flight at once
    await this.done;
  }

  private async loop(): Promise<void> {
    try {
      await this.fetchUntilStopped();
    } finally {
      this.cluster.release(this.lane); // also a connection opened while stopping
    }
  }

  private async fetchUntilStopped(): Promise<void> {
    while (!this.stopped) {
      const ready: PartitionState[] = [];
      for (const s of this.host.parts.values()) if (s.ready && !s.paused) ready.push(s);
      if (ready.length === 0) {
        await this.wakeUp.wait(this.host.fetchMaxWaitMs);
        continue;
      }
      try {
        await this.fetchOnce(ready);
      } catch (e) {
        if (this.stopped) return;
        if (e instanceof WireConnectionError || (e instanceof WireError && e.retriable)) {
          await this.wakeUp.wait(RETRY_MS);
          continue;
        }
        this.host.onFatal(e);
        return;
      }
    }
  }

  /** One fetch from each leader of the ready partitions, at their next offsets. */
  private async fetchOnce(ready: PartitionState[]): Promise<void> {
    const byLeader = new Map<number, { asked: Map<string, { s: PartitionState; at: number }>; topics: Map<string, FetchTopic> }>();
    for (const s of ready) {
      let leader: number;
      try {
        leader = (await this.cluster.topic(s.topic)).partitions[s.partition]?.leader ?? -1;
      } catch (e) {
        this.cluster.stale(s.topic);
        throw e;
      }
      if (leader < 0) { this.cluster.stale(s.topic); throw new WireError('LEADER_NOT_AVAILABLE', `${s.topic}/${s.partition} has no leader`, true); }
      let req = byLeader.get(leader);
      if (!req) byLeader.set(leader, (req = { asked: new Map(), topics: new Map() }));
      req.asked.set(tpKey(s.topic, s.partition), { s, at: s.next });
      let t = req.topics.get(s.topic);
      if (!t) req.topics.set(s.topic, (t = { topic: s.topic, partitions: [] }));
      t.partitions.push({ partition: s.partition, offset: s.next, maxBytes: PARTITION_MAX_BYTES });
    }
    let retry: unknown;
    await Promise.all([...byLeader].map(async ([nodeId, req]) => {
      try {
        const conn = await this.cluster.broker(nodeId, this.lane);
        const answers = await fetchRecords(conn, [...req.topics.values()], {
          maxWaitMs: this.host.fetchMaxWaitMs, minBytes: 1, maxBytes: MAX_BYTES, isolation: READ_COMMITTED,
        });
        if (this.stopped) return;
        let added = false;
        for (const a of answers) {
          const key = tpKey(a.topic, a.partition);
          const asked = req.asked.get(key);
          if (!asked) continue;
          const { s, at } = asked;
          if (this.host.parts.get(key) !== s || !s.ready || s.next !== at) continue; // sought, revoked or re-located meanwhile
          if (a.errorCode === OFFSET_OUT_OF_RANGE) {
            const to = await this.host.resetOffset(a.topic, a.partition);
            if (this.host.parts.get(key) === s && s.next === at && s.buffered === 0) s.start(to);
            continue;
          }
          if (a.errorCode !== 0) {
            const err = kafkaError(a.errorCode, `fetching ${key}`);
            this.cluster.stale(a.topic);
            if (!err.retriable) throw err;
            retry = err;
            continue;
          }
          if (!a.records || a.records.length === 0) continue;
          const recs: LogRecord[] = [];
          const range = readRecordBatches(a.topic, a.partition, a.records, at, a.aborted, recs);
          if (recs.length > 0 && s.add(recs) > 0) added = true;
          if (range.first >= 0) s.covered(range.first, range.last);
          if (s.buffered >= this.host.maxBuffered) s.paused = true;
        }
        if (added) this.host.onRecords();
      } catch (e) {
        if (e instanceof WireConnectionError || (e instanceof WireError && e.retriable)) { retry = e; return; }
        throw e;
      }
    }));
    if (retry) throw retry;
  }
}
