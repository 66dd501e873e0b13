// Producing through Eddy's own wire client (src/log/wire): each partition's records encoded as
// one record batch straight from the ProducerRecords, one Produce request per leader. Idempotent
// as Kafka's producer is (a producer id, a sequence per partition), so a retry after a lost answer
// is not written twice. One request per broker at a time keeps each partition's batches in order.
import type { ProducerRecord } from './log.js';
import type { WireCluster } from './wire/wire-cluster.js';
import { produceBatches, type PartitionBatch } from './wire/produce-api.js';
import { initProducerId } from './wire/init-producer-id-api.js';
import { CODEC_GZIP, CODEC_NONE } from './wire/record-batch-writer.js';
import { kafkaError, WireConnectionError, WireError } from './wire/wire-errors.js';
import type { BrokerConnection } from './wire/broker-connection.js';

const ATTEMPTS = 10;
const BACKOFF_MS = 100;
const BACKOFF_MAX_MS = 2000;
const PRODUCE_TIMEOUT_MS = 30_000;
/** Unknown-topic answers retried this often (a topic just created may not be known everywhere yet). */
const UNKNOWN_TOPIC_ATTEMPTS = 3;
const UNKNOWN_TOPIC = 3;
const SEQUENCE_ERRORS = new Set([45, 47, 59]); // OUT_OF_ORDER_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH, UNKNOWN_PRODUCER_ID

export interface WireProducerSettings { idempotent: boolean; compression: 'none' | 'gzip' }

export class KafkaWireProducer {
  private identity: Promise<{ producerId: number; producerEpoch: number }> | undefined;
  private readonly sequences = new Map<string, number>();
  /** Per broker, the end of the chain of requests to it (one at a time). */
  private readonly turns = new Map<number, Promise<unknown>>();

  constructor(private readonly cluster: WireCluster, private readonly settings: WireProducerSettings) {}

  /**
   * Writes `records` (record i to partition partitions[i]) and returns where each landed. Throws
   * a WireError (type = the Kafka error) when a partition refuses for good or retries run out.
   */
  async send(topic: string, records: ProducerRecord[], partitions: number[]): Promise<{ partition: number; offset: number }[]> {
    const byPartition = new Map<number, ProducerRecord[]>();
    const rank = new Array<number>(records.length);
    for (let i = 0; i < records.length; i++) {
      const p = partitions[i];
      let list = byPartition.get(p);
      if (!list) byPartition.set(p, (list = []));
      rank[i] = list.length;
      list.push(records[i]);
    }
    const base = new Map<number, number>();
    let pending = [...byPartition.keys()];
    let unknownTopic = 0;
    let uncertain = false;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let retry: unknown;
      try {
        const leaders = await this.cluster.topic(topic);
        const byLeader = new Map<number, number[]>();
        for (const p of pending) {
          const leader = leaders.partitions[p]?.leader;
          if (leader === undefined) throw new WireError('UNKNOWN_TOPIC_OR_PARTITION', `topic '${topic}' has no partition ${p}`, false, 3);
          let list = byLeader.get(leader);
          if (!list) byLeader.set(leader, (list = []));
          list.push(p);
        }
        const failed: number[] = [];
        await Promise.all([...byLeader].map(async ([nodeId, ps]) => {
          const conn = await this.cluster.broker(nodeId);
          try {
            await this.inTurn(nodeId, () => this.request(conn, topic, ps, byPartition, base, failed));
          } catch (e) {
            if (!(e instanceof WireConnectionError)) throw e;
            uncertain = true; // the batches may have landed: the retry carries the same sequences
            failed.push(...ps);
            retry = e;
          }
        }));
        pending = failed;
      } catch (e) {
        if (e instanceof WireError && !e.retriable && base.size > 0) {
          // Some partitions refused for good while others were written: say which landed, so
          // that only the refused records are sent again.
          e.landed = partitions.map((p, i) => (base.has(p) ? { partition: p, offset: base.get(p)! + rank[i] } : undefined));
        }
        if (!isRetriable(e)) throw this.settle(e, uncertain);
        if ((e as WireError).code === UNKNOWN_TOPIC && ++unknownTopic >= UNKNOWN_TOPIC_ATTEMPTS) throw this.settle(e, uncertain);
        retry = e;
      }
      if (pending.length === 0) break;
      this.cluster.stale(topic);
      if (attempt >= ATTEMPTS) throw this.settle(retry ?? new WireError('REQUEST_TIMED_OUT', `producing to '${topic}': retries exhausted`, true), uncertain);
      await sleep(Math.min(BACKOFF_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS));
    }
    return partitions.map((p, i) => ({ partition: p, offset: base.get(p)! + rank[i] }));
  }

  close(): void {
    this.resetIdentity();
  }

  /** One Produce request for partitions `ps`; successes go to `base`, retriable failures to `failed`. */
  private async request(conn: BrokerConnection, topic: string, ps: number[], byPartition: Map<number, ProducerRecord[]>,
    base: Map<number, number>, failed: number[]): Promise<void> {
    const id = this.settings.idempotent ? await this.producerIdentity(conn) : undefined;
    let sizeHint = 128;
    const batches: PartitionBatch[] = ps.map((partition) => {
      const records = byPartition.get(partition)!;
      for (const r of records) sizeHint += 24 + (r.key?.byteLength ?? 0) + (r.value?.byteLength ?? 0);
      return {
        partition, records,
        producer: id ? { ...id, baseSequence: this.sequences.get(`${topic}/${partition}`) ?? 0 } : undefined,
      };
    });
    const answers = await produceBatches(conn, topic, batches, {
      acks: -1, timeoutMs: PRODUCE_TIMEOUT_MS, codec: this.settings.compression === 'gzip' ? CODEC_GZIP : CODEC_NONE, sizeHint,
    });
    let refused: WireError | undefined;
    for (const a of answers) {
      if (a.errorCode === 0) {
        base.set(a.partition, a.baseOffset);
        if (id) {
          const key = `${topic}/${a.partition}`;
          this.sequences.set(key, ((this.sequences.get(key) ?? 0) + byPartition.get(a.partition)!.length) & 0x7fffffff);
        }
        continue;
      }
      const err = kafkaError(a.errorCode, `producing to ${topic}/${a.partition}`, a.errorMessage);
      if (SEQUENCE_ERRORS.has(a.errorCode)) {
        this.resetIdentity(); // a fresh producer id starts every sequence at 0
        failed.push(a.partition);
      } else if (err.retriable) {
        failed.push(a.partition);
      } else {
        refused ??= err;
      }
    }
    if (refused) throw refused;
  }

  private producerIdentity(conn: BrokerConnection): Promise<{ producerId: number; producerEpoch: number }> {
    if (!this.identity) {
      const p = initProducerId(conn, 60_000);
      p.catch(() => { if (this.identity === p) this.identity = undefined; });
      this.identity = p;
    }
    return this.identity;
  }

  private resetIdentity(): void {
    this.identity = undefined;
    this.sequences.clear();
  }

  /** After a failure whose records may have landed, later sequences must not collide with theirs. */
  private settle(e: unknown, uncertain: boolean): unknown {
    if (uncertain) this.resetIdentity();
    return e;
  }

  private inTurn<T>(nodeId: number, f: () => Promise<T>): Promise<T> {
    const prev = this.turns.get(nodeId) ?? Promise.resolve();
    const next = prev.then(f, f);
    this.turns.set(nodeId, next.catch(() => undefined));
    return next;
  }
}

function isRetriable(e: unknown): boolean {
  return e instanceof WireConnectionError || (e instanceof WireError && e.retriable);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
