// Writes a source connector's records to its Kafka topic through the Log. Records that arrive
// together (in one turn of the event loop) go out in one produce; each caller learns when its
// record is in the Log, so it can acknowledge upstream only then (at-least-once). A failed
// produce is retried with backoff for at most `retryTimeoutMs`; every wait can be cut short by
// stop(), so nothing here can hold up a shutdown.
import type { Log, ProducerRecord } from '../../log/log.js';
import { LogError } from '../../log/log-error.js';

const MAX_BATCH = 500;
const FIRST_DELAY_MS = 100;

export interface BatchWriterOptions {
  retryTimeoutMs: number;
  retryMaxDelayMs: number;
  /** After each produce that landed. */
  onWritten: (n: number) => void;
  /** After each failed attempt (retried or not). */
  onError: (message: string) => void;
}

interface Pending { record: ProducerRecord; resolve: () => void; reject: (e: Error) => void }

export class BatchWriter {
  private pending: Pending[] = [];
  private flushing = false;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly log: Log, private readonly topic: string, private readonly opts: BatchWriterOptions) {}

  /** Resolves once the record is in the Log; rejects when writing gave up or the writer stopped. */
  write(record: ProducerRecord): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the connector is stopping'));
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Rejects whatever waits and cuts any backoff short. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
    for (const p of this.pending.splice(0)) p.reject(new Error('the connector is stopping'));
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.produceRetrying(batch.map((p) => p.record));
        this.opts.onWritten(batch.length);
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e as Error);
      }
    }
    this.flushing = false;
  }

  private async produceRetrying(records: ProducerRecord[]): Promise<void> {
    const deadline = Date.now() + this.opts.retryTimeoutMs;
    let delay = FIRST_DELAY_MS;
    for (;;) {
      if (this.stopped) throw new Error('the connector is stopping');
      try {
        await this.log.produce(this.topic, records);
        return;
      } catch (e) {
        const message = `writing to topic '${this.topic}' failed: ${e instanceof Error ? e.message : String(e)}`;
        this.opts.onError(message);
        // A record the topic refuses for good (too large) fails the same way every time.
        const permanent = e instanceof LogError && (e.code === 'RECORD_REFUSED' || e.code === 'CLOSED');
        const left = deadline - Date.now();
        if (permanent || left <= 0) throw new Error(permanent ? message : `${message} (gave up after ${this.opts.retryTimeoutMs} ms: errors.retry.timeout)`);
        await this.sleep(Math.min(delay, left));
        delay = Math.min(delay * 2, this.opts.retryMaxDelayMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((r) => {
      const t = setTimeout(() => { this.wake = undefined; r(); }, ms);
      this.wake = () => { clearTimeout(t); this.wake = undefined; r(); };
    });
  }
}
