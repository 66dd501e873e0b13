// The processing log: failed records with the reason and where they came from, written as JSON
// to a topic that the system stream EDDY_PROCESSING_LOG reads.
import type { Log } from '../log/log.js';
import { LogError } from '../log/log-error.js';
import type { ProcessingLogEntry, ProcessingLogger } from '../runtime/processing-log.js';
import type { SourceDef } from './catalog.js';
import { STRING, INTEGER, BIGINT } from '../types/sql-type.js';

export const PROCESSING_LOG_STREAM = 'EDDY_PROCESSING_LOG';

export class ProcessingLogWriter implements ProcessingLogger {
  readonly topic: string;
  /** Entries not yet written (writes are batched). */
  private pending: ProcessingLogEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();
  count = 0;
  /** The latest entries, for tests and the CLI. */
  readonly recent: ProcessingLogEntry[] = [];

  constructor(private readonly logStore: Log, serviceId: string, private readonly echo?: (e: ProcessingLogEntry) => void) {
    this.topic = `_eddy_${serviceId}_processing_log`;
  }

  async init(): Promise<void> {
    if (!(await this.logStore.describeTopic(this.topic))) await this.logStore.createTopic(this.topic, { partitions: 1 });
  }

  log(entry: ProcessingLogEntry): void {
    this.count++;
    this.recent.push(entry);
    if (this.recent.length > 100) this.recent.shift();
    this.echo?.(entry);
    this.pending.push(entry);
    if (this.pending.length === 1) this.flushing = this.flushing.then(() => this.flush());
  }

  /** Writes what is pending; on a failure (e.g. the broker is away) keeps it and tries again. */
  private async flush(): Promise<void> {
    let wait = 200;
    while (this.pending.length > 0) {
      const batch = this.pending.slice();
      try {
        await this.write(batch);
        this.pending.splice(0, batch.length); // entries logged meanwhile stay for the next round
        wait = 200;
      } catch (e) {
        if (e instanceof LogError && e.code === 'CLOSED') { this.pending.length = 0; return; }
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

  async drain(): Promise<void> { await this.flushing; }

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
