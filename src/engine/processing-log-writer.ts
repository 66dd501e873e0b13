// The processing log: failed records with the reason and where they came from, written as JSON
// to a topic that the system stream EDDY_PROCESSING_LOG reads.
import type { Log } from '../log/log.js';
import { LogError } from '../log/log-error.js';
import { PartialProduce, RecordsRefused } from '../log/produce-errors.js';
import { createTopicIfAbsent } from '../log/create-topic-if-absent.js';
import type { ProcessingLogEntry, ProcessingLogger } from '../runtime/processing-log.js';
import type { SourceDef } from '../plan/catalog.js';
import { STRING, INTEGER, BIGINT } from '../types/sql-type.js';

export const PROCESSING_LOG_STREAM = 'EDDY_PROCESSING_LOG';

/** The processing log's topic: one partition, as ksqlDB's. */
const SPEC = { partitions: 1 };
/** How long one batch of entries is retried (broker away, topic gone) before it is dropped. */
const GIVE_UP_MS = 60_000;
/** How long a statement waits for pending entries to be written before it goes on. */
const DRAIN_MS = 5_000;

export interface ProcessingLogWriterOptions {
  /** Called for each entry as it happens. */
  echo?: (e: ProcessingLogEntry) => void;
  /** Where a failure to write the log is reported (default: stderr). */
  report?: (message: string) => void;
  giveUpMs?: number;
  drainMs?: number;
}

export class ProcessingLogWriter implements ProcessingLogger {
  readonly topic: string;
  /** Entries not yet written (writes are batched). */
  private pending: ProcessingLogEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();
  count = 0;
  /** The latest entries, for tests and the CLI. */
  readonly recent: ProcessingLogEntry[] = [];

  private readonly echo?: (e: ProcessingLogEntry) => void;
  private readonly report: (message: string) => void;
  private readonly giveUpMs: number;
  private readonly drainMs: number;

  constructor(private readonly logStore: Log, serviceId: string, options?: ProcessingLogWriterOptions | ((e: ProcessingLogEntry) => void)) {
    this.topic = `_eddy_${serviceId}_processing_log`;
    const o = typeof options === 'function' ? { echo: options } : options ?? {};
    this.echo = o.echo;
    this.report = o.report ?? ((m) => { process.stderr.write(`eddy: ${m}\n`); });
    this.giveUpMs = o.giveUpMs ?? GIVE_UP_MS;
    this.drainMs = o.drainMs ?? DRAIN_MS;
  }

  /** Creates the topic unless it exists (also again, after it was deleted outside Eddy). */
  async init(): Promise<void> {
    await createTopicIfAbsent(this.logStore, this.topic, SPEC, true); // instances starting together all create it
  }

  log(entry: ProcessingLogEntry): void {
    this.count++;
    this.recent.push(entry);
    if (this.recent.length > 100) this.recent.shift();
    this.echo?.(entry);
    this.pending.push(entry);
    if (this.pending.length === 1) this.flushing = this.flushing.then(() => this.flush());
  }

  /**
   * Writes what is pending. On a failure it tries again with a growing pause, creating the topic
   * anew first if it was deleted; a batch that still fails after giveUpMs is dropped and
   * reported, so nothing waits on the processing log for ever.
   */
  private async flush(): Promise<void> {
    let wait = 200;
    let since = Date.now();
    while (this.pending.length > 0) {
      const batch = this.pending.slice();
      try {
        await this.write(batch);
        this.pending.splice(0, batch.length); // entries logged meanwhile stay for the next round
        wait = 200;
        since = Date.now();
      } catch (err) {
        let e = err;
        let left = batch.length;
        if (e instanceof RecordsRefused || e instanceof PartialProduce) {
          // Entries written or refused are not written again; refused ones are reported.
          const done = e instanceof RecordsRefused ? left : e.settled;
          this.pending.splice(0, done);
          left -= done;
          if (e.refused.length > 0) this.report(`dropped ${e.refused.length} processing-log entries: ${e.refused[0].reason}`);
          if (e instanceof RecordsRefused) continue;
          e = e.cause;
        }
        if (e instanceof LogError && e.code === 'CLOSED') { this.pending.length = 0; return; }
        if (Date.now() - since >= this.giveUpMs) {
          this.pending.splice(0, left);
          this.report(`dropped ${left} processing-log entries: cannot write topic '${this.topic}': ${e instanceof Error ? e.message : String(e)}`);
          since = Date.now();
          continue;
        }
        if (e instanceof LogError && e.code === 'UNKNOWN_TOPIC') {
          try {
            await this.init();
            continue; // recreated: write at once
          } catch { /* the broker may be away as well: pause below */ }
        }
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 5000);
      }
    }
  }

  private async write(batch: ProcessingLogEntry[]): Promise<void> {
    await this.logStore.produce(this.topic, batch.map((e) => ({
      key: null,
      value: Buffer.from(JSON.stringify({
        QUERY_ID: e.queryId, TYPE: e.type, MESSAGE: e.message, TOPIC: e.topic ?? null,
        PARTITION: e.partition ?? null, OFFSET: e.offset ?? null, RECORD: e.record ?? null,
      })),
    })));
  }

  /**
   * Waits until the entries logged so far are written, at most drainMs: a processing log that
   * cannot be written must not hold up statements (its entries keep being retried meanwhile).
   */
  async drain(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((r) => { timer = setTimeout(r, this.drainMs); });
    try {
      await Promise.race([this.flushing, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  sourceDef(): SourceDef {
    const v = (name: string, type = STRING) => ({ name, type, namespace: 'VALUE' as const });
    return {
      name: PROCESSING_LOG_STREAM, type: 'STREAM', topic: this.topic,
      schema: { key: [], value: [v('QUERY_ID'), v('TYPE'), v('MESSAGE'), v('TOPIC'), v('PARTITION', INTEGER), v('OFFSET', BIGINT), v('RECORD')] },
      keyFormat: { format: 'NONE' }, valueFormat: { format: 'JSON' },
      sql: `CREATE STREAM ${PROCESSING_LOG_STREAM} (...) WITH (KAFKA_TOPIC='${this.topic}', VALUE_FORMAT='JSON')`,
      readOnly: true, system: true,
    };
  }
}
