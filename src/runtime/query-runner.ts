// Runs one continuous query: a consumer on its source topics, records through the operator
// graph, sink records produced, then offsets committed (after the output is written).
import type { Log, Consumer, ProducerRecord } from '../log/log.js';
import type { OperatorGraph } from './build-operators.js';

export interface RunnerOptions {
  queryId: string;
  log: Log;
  groupId: string;
  topics: string[];
  autoOffsetReset: 'earliest' | 'latest';
  graph: OperatorGraph;
  /** Sink topic, when the query writes one. */
  sinkTopic?: string;
  /** Records produced by the sink operator during a batch (the runner drains it). */
  outBuffer: ProducerRecord[];
  /** Called when processing fails outside any row (a bug or an I/O error). */
  onError: (err: unknown) => void;
}

export class QueryRunner {
  private consumer: Consumer | undefined;
  private busy = false;
  private stopped = false;
  private loopDone: Promise<void> | undefined;
  /** Records processed so far. */
  processed = 0;

  constructor(private readonly o: RunnerOptions) {}

  start(): void {
    this.consumer = this.o.log.consumer({ groupId: this.o.groupId, topics: this.o.topics, autoOffsetReset: this.o.autoOffsetReset });
    this.loopDone = this.loop();
  }

  private async loop(): Promise<void> {
    const consumer = this.consumer!;
    while (!this.stopped) {
      const recs = await consumer.poll({ maxRecords: 1000, maxWaitMs: 500 });
      if (this.stopped) break;
      if (recs.length === 0) continue;
      this.busy = true;
      try {
        for (const rec of recs) {
          const hs = this.o.graph.handlers.get(rec.topic);
          if (hs) for (const h of hs) h(rec);
        }
        this.processed += recs.length;
        if (this.stopped) break; // e.g. a push query reached its LIMIT mid-batch
        await this.flush();
        await consumer.commit();
      } catch (e) {
        if (!this.stopped) this.o.onError(e);
      } finally {
        this.busy = false;
      }
    }
  }

  private async flush(): Promise<void> {
    const buf = this.o.outBuffer;
    if (buf.length === 0 || !this.o.sinkTopic) { buf.length = 0; return; }
    const batch = buf.splice(0, buf.length);
    await this.o.log.produce(this.o.sinkTopic, batch);
  }

  /** True when every record available on the source topics has been processed. */
  async caughtUp(): Promise<boolean> {
    if (this.busy || !this.consumer) return false;
    const pos = this.consumer.positions();
    for (const t of this.o.topics) {
      const ends = await this.o.log.endOffsets(t);
      for (let p = 0; p < ends.length; p++) {
        if (ends[p] > 0 && (pos.get(`${t}/${p}`) ?? 0) < ends[p]) return false;
      }
    }
    return !this.busy;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.close();
    await this.loopDone;
  }
}
