// The test-then-train guarantee: a persistent query that scores rows with model M (PREDICT and
// friends) while M trains on the same topic sees, for each row, M as it was just before M
// learned that row. Scoring and training are separate queries with their own consumers, so they
// go in lockstep per partition: the trainer does not learn offset o before every scoring query
// (of that partition, on this instance) has processed o, and a scoring query does not process o
// before the trainer has learned every offset below it. A query that starts behind the trainer
// scores the rows the trainer has already passed with the current model until it catches up.
// Partitions a query or the trainer runs on another instance are not waited for.
//
// Going in lockstep means taking turns every record. A query waiting at its gate leaves the rest
// of its poll with the gate (a Driver), and the side whose record released it processes them
// in the same turn, up to where they must wait again: one function call per record rather than
// a promise and a wake-up for each side.
//
// Cheaper still, in a log in this process: while a model has one scoring query on this
// instance, its trainer rides on that query (QueryRunner's riding): the scorer's runner hands
// each record to the trainer right after scoring it, the order the gates would allow, with one
// poll and no gate. A second scoring query, or either stopping, ends the ride; the trainer then
// reads on its own from where it was.
import type { LogRecord } from '../../log/log.js';
import type { Driver, QueryRunner, RecordGate } from '../../runtime/query-runner.js';

/** Longest a record waits for the other side; then it goes on (never a deadlock). */
const MAX_WAIT_MS = 5000;

interface Waiter {
  /** The record waiting, and whether a record may go (the gate's check). */
  rec: LogRecord;
  ready: (rec: LogRecord) => boolean;
  /**
   * Processes the waiting query's records that may go, or (skipping ahead) its records of other
   * partitions that may go (see Driver).
   */
  drive: Driver | undefined;
  resolve: () => void;
  deadline: number;
  /** drive processed records since the last slow tick (the wait is not stuck). */
  moved: boolean;
}

/** A model's training query and the queries scoring with it (on this instance). */
interface ModelSides { trainer: QueryRunner | undefined; scorers: QueryRunner[] }

export class TestThenTrain {
  /** By model; made on first mention and kept (gates hold on to theirs). */
  private readonly models = new Map<string, ModelSides>();
  /**
   * Records waiting for the other side, in waiters[0, count); checked after every record (no
   * timers). The array never shrinks: setting an array's length to 0 drops its backing store,
   * and the next push allocated a new one, for every record.
   */
  private waiters: (Waiter | undefined)[] = [];
  private count = 0;
  private safety: NodeJS.Timeout | undefined;
  /** wake is running (a query it drives reports progress: wake again once it returns). */
  private waking = false;
  private again = false;

  private sides(model: string): ModelSides {
    let s = this.models.get(model);
    if (!s) this.models.set(model, (s = { trainer: undefined, scorers: [] }));
    return s;
  }

  /** The gate of model `model`'s training query: it waits for the model's scoring queries. */
  trainerGate(model: string): RecordGate {
    const sides = this.sides(model);
    return this.gate((rec) => {
      const scorers = sides.scorers;
      for (let i = 0; i < scorers.length; i++) {
        const next = scorers[i].nextToProcess(rec.topic, rec.partition);
        if (next !== undefined && next <= rec.offset) return false; // not yet scored by it
      }
      return true;
    });
  }

  /** The gate of a persistent query that calls `models`: it waits for their trainers. */
  scorerGate(models: string[]): RecordGate {
    const sides = models.map((m) => this.sides(m));
    return this.gate((rec) => {
      for (let i = 0; i < sides.length; i++) {
        const next = sides[i].trainer?.nextToProcess(rec.topic, rec.partition);
        if (next !== undefined && next < rec.offset) return false; // the model has not learned all before
      }
      return true;
    });
  }

  attachTrainer(model: string, runner: QueryRunner): void { this.sides(model).trainer = runner; this.wake(); }

  attachScorer(models: string[], runner: QueryRunner): void {
    for (const m of models) {
      const s = this.sides(m);
      if (!s.scorers.includes(runner)) s.scorers.push(runner);
      // Riding on one scorer, the trainer would learn rows this one has not scored yet.
      if (s.scorers.length > 1) s.trainer?.unride();
    }
    this.wake();
  }

  /** The query model `model`'s trainer may ride on: its only scoring query here, if one. */
  hostFor(model: string): QueryRunner | undefined {
    const s = this.models.get(model);
    return s !== undefined && s.scorers.length === 1 ? s.scorers[0] : undefined;
  }

  /** Forgets a query that stopped (its gates no longer hold anyone back). */
  forget(runner: QueryRunner): void {
    for (const s of this.models.values()) {
      if (s.trainer === runner) s.trainer = undefined;
      const i = s.scorers.indexOf(runner);
      if (i >= 0) {
        s.scorers.splice(i, 1);
        s.trainer?.unride();
      }
    }
    this.wake();
  }

  private gate(ready: (rec: LogRecord) => boolean): RecordGate {
    return {
      // A wait keeps its record and the check beside it (Waiter): no closure per wait but its promise's.
      before: (rec, drive) => (ready(rec) ? undefined : this.wait(ready, rec, drive)),
      after: () => { if (this.count > 0) this.wake(false); },
    };
  }


  /**
   * Releases the waiters that may go on now, or drives them (and, on the slow tick, releases
   * those stuck past their deadline). Readiness is checked here, so a query waits for one
   * promise, resolved when it may go.
   */
  private wake(tick = false): void {
    if (this.waking) { this.again = true; return; }
    this.waking = true;
    try {
      do {
        this.again = false;
        const ws = this.waiters;
        const n = this.count;
        let kept = 0;
        const now = tick ? Date.now() : 0;
        let stuck = n > 1;
        for (let i = 0; i < n; i++) {
          const w = ws[i]!;
          let go: boolean;
          if (w.drive) {
            const done = w.drive(w.ready);
            go = done < 0;
            if (done > 0) { w.moved = true; stuck = false; }
          } else go = w.ready(w.rec);
          if (go) stuck = false;
          if (!go && tick) {
            if (w.moved) { w.moved = false; w.deadline = now + MAX_WAIT_MS; } else go = now >= w.deadline;
          }
          if (go) w.resolve();
          else ws[kept++] = w; // kept <= i: the waiters not yet looked at stay where they are
        }
        // Waiters added while driving went after n: they move down behind the kept ones.
        const end = this.count;
        for (let i = n; i < end; i++) ws[kept++] = ws[i];
        for (let i = kept; i < end; i++) ws[i] = undefined;
        this.count = kept;
        tick = false;
        // Every query waiting waits for another, each at a partition the other reaches only later
        // in its poll: they take records of other partitions first (QueryRunner.skipAhead).
        if (stuck && !this.again) {
          for (let i = 0; i < this.count; i++) {
            const w = ws[i]!;
            if (w.drive && w.drive(w.ready, true) > 0) { w.moved = true; this.again = true; break; }
          }
        }
        // One waiter drove itself as far as it may go: its progress frees no one else.
      } while (this.again && this.count > 1);
    } finally {
      this.waking = false;
    }
  }

  private wait(ready: (rec: LogRecord) => boolean, rec: LogRecord, drive: Driver | undefined): Promise<void> {
    // A slow tick also wakes waiters, for progress no record reports (a partition moving away),
    // and lets a record that waited MAX_WAIT_MS go on.
    this.safety ??= setInterval(() => {
      if (this.count > 0) this.wake(true);
      else { clearInterval(this.safety); this.safety = undefined; }
    }, 50);
    this.safety.unref();
    return new Promise<void>((resolve) => { this.waiters[this.count++] = { rec, ready, drive, resolve, deadline: Date.now() + MAX_WAIT_MS, moved: false }; });
  }
}
