// The test-then-train guarantee: a persistent query that scores rows with model M (PREDICT and
// friends) while M trains on the same topic sees, for each row, M as it was just before M
// learned that row. Scoring and training are separate queries with their own consumers, so they
// go in lockstep per partition: the trainer does not learn offset o before every scoring query
// (of that partition, on this instance) has processed o, and a scoring query does not process o
// before the trainer has learned every offset below it. A query that starts behind the trainer
// scores the rows the trainer has already passed with the current model until it catches up.
// Partitions a query or the trainer runs on another instance are not waited for.
import type { LogRecord } from '../../log/log.js';
import type { QueryRunner, RecordGate } from '../../runtime/query-runner.js';

/** Longest a record waits for the other side; then it goes on (never a deadlock). */
const MAX_WAIT_MS = 5000;

interface Waiter { ready: () => boolean; resolve: () => void; deadline: number }

export class TestThenTrain {
  private readonly trainers = new Map<string, QueryRunner>();
  private readonly scorers = new Map<string, Set<QueryRunner>>();
  /** Records waiting for the other side; checked after every record (no timers). */
  private waiters: Waiter[] = [];
  private safety: NodeJS.Timeout | undefined;

  /** The gate of model `model`'s training query: it waits for the model's scoring queries. */
  trainerGate(model: string): RecordGate {
    return this.gate((rec) => {
      for (const s of this.scorers.get(model) ?? []) {
        const next = s.nextToProcess(rec.topic, rec.partition);
        if (next !== undefined && next <= rec.offset) return false; // not yet scored by s
      }
      return true;
    });
  }

  /** The gate of a persistent query that calls `models`: it waits for their trainers. */
  scorerGate(models: string[]): RecordGate {
    return this.gate((rec) => {
      for (const m of models) {
        const next = this.trainers.get(m)?.nextToProcess(rec.topic, rec.partition);
        if (next !== undefined && next < rec.offset) return false; // m has not learned all before
      }
      return true;
    });
  }

  attachTrainer(model: string, runner: QueryRunner): void { this.trainers.set(model, runner); this.wake(); }

  attachScorer(models: string[], runner: QueryRunner): void {
    for (const m of models) {
      let set = this.scorers.get(m);
      if (!set) this.scorers.set(m, (set = new Set()));
      set.add(runner);
    }
    this.wake();
  }

  /** Forgets a query that stopped (its gates no longer hold anyone back). */
  forget(runner: QueryRunner): void {
    for (const [m, t] of this.trainers) if (t === runner) this.trainers.delete(m);
    for (const set of this.scorers.values()) set.delete(runner);
    this.wake();
  }

  private gate(ready: (rec: LogRecord) => boolean): RecordGate {
    return {
      before: (rec) => (ready(rec) ? undefined : this.waitFor(() => ready(rec))),
      after: () => { if (this.waiters.length > 0) this.wake(false); },
    };
  }

  /**
   * Releases the waiters that may go on now (and, on the slow tick, those past their deadline).
   * Readiness is checked here, so a record waits for one promise, resolved when it may go.
   */
  private wake(tick = false): void {
    const ws = this.waiters;
    this.waiters = [];
    const now = tick ? Date.now() : 0;
    for (const w of ws) {
      if (w.ready() || (tick && now >= w.deadline)) w.resolve();
      else this.waiters.push(w);
    }
  }

  private waitFor(ready: () => boolean): Promise<void> {
    // A slow tick also wakes waiters, for progress no record reports (a partition moving away),
    // and lets a record that waited MAX_WAIT_MS go on.
    this.safety ??= setInterval(() => {
      if (this.waiters.length > 0) this.wake(true);
      else { clearInterval(this.safety); this.safety = undefined; }
    }, 50);
    this.safety.unref();
    return new Promise<void>((resolve) => { this.waiters.push({ ready, resolve, deadline: Date.now() + MAX_WAIT_MS }); });
  }
}
