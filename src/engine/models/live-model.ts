// A model at run time: its definition, the online model, the encoders in front of it, and its
// prequential metrics and drift watch. Its training query calls learn() for every row: the row
// is first scored (test), then learned (train). PREDICT and friends bind to it through bind().
import type { ModelBinding, ModelFunctionKind } from '../../../udfs/types.js';
import type { OnlineModel } from '../../ml/online-model.js';
import { createModel } from '../../ml/registry.js';
import { Adwin } from '../../ml/drift/adwin.js';
import { DOUBLE, INTEGER, STRING, map, type SqlType } from '../../types/sql-type.js';
import type { ModelDef } from './model-def.js';
import { FeatureEncoder, type FeatureEncoderState } from './feature-encoder.js';
import { LabelEncoder } from './label-encoder.js';
import { Prequential } from './prequential.js';
import { badFeature, badTarget } from './row-guard.js';
import { turnNow } from './turn-clock.js';
import { FeatureStats, type FeatureStatsState } from './feature-stats.js';
import { anomalousLabel, labelNumber } from './label-values.js';

export interface DriftEvent { row: number; at: number }

/** A checkpoint: everything learned (plain data, for the state codec). */
export interface ModelCheckpoint {
  model: Uint8Array; encoder: FeatureEncoderState; labels: unknown[]; rows: number; skipped: number; at: number;
  /** Rows skipped for a bad value, by reason (absent in checkpoints of older versions). */
  skips?: Record<string, number>;
  /** The features' statistics (absent in checkpoints of older versions: they start over). */
  featureStats?: FeatureStatsState;
  /**
   * The input position the checkpoint reflects: every record of that topic partition below
   * `offset` is learned (or skipped) in it (for a part of a model learning per task: of its
   * task). Absent in checkpoints of older versions.
   */
  position?: { topic: string; partition: number; offset: number };
}

/** Default bound on a classifier's classes (MAX_CLASSES). */
export const DEFAULT_MAX_CLASSES = 1000;

/** Receives why a training row was skipped (the caller knows which record it was). */
export type SkipReporter = (reason: string) => void;

/**
 * Where a model learning per task (models/model-parts.ts) keeps each task's own part: told of
 * every row the served model learns or skips, for the part of the row's task.
 */
export interface TaskLearner {
  /** Tasks learning here, and the rows their parts hold. */
  readonly localTasks: ReadonlySet<number>;
  readonly localRows: number;
  learned(x: Float64Array, y: number): void;
  /** A row skipped: for a NULL label (no reason) or a bad value. */
  skipped(reason?: string): void;
}

export class LiveModel implements ModelBinding {
  model: OnlineModel;
  readonly encoder: FeatureEncoder;
  readonly labels = new LabelEncoder();
  readonly metrics: Prequential;
  readonly drifts: DriftEvent[] = [];
  /** Count, mean, standard deviation, min and max of each feature over the rows learned. */
  readonly featureStats: FeatureStats;
  private readonly drift: Adwin | undefined;
  /** Rows learned, and rows skipped (NULL label). */
  rows = 0;
  skipped = 0;
  /**
   * Rows skipped because a value would poison the model (non-finite, or so large its square
   * overflows) or a new class is beyond MAX_CLASSES, by reason.
   */
  readonly skips = new Map<string, number>();
  firstAt = 0;
  lastAt = 0;
  private proba = new Float64Array(2);
  /**
   * The last PREDICT (ANOMALY_SCORE, CLUSTER) result, its encoded features and the model version
   * it came from. A query scoring in lockstep with the trainer predicts row r with the model from
   * just before it learns r, so the trainer's own test of r is the same prediction: it takes it
   * from here instead of predicting the row twice (the whole cost of a k-NN or a forest).
   */
  private version = 0;
  private memoVersion = -1;
  private memoValue = 0;
  private memoX: Float64Array | undefined;
  /**
   * The SQL values memoX was encoded from (numeric features only: there encoding is a function
   * of the values, while a category new to the model encodes differently when learned), and the
   * first of them a model must not learn (-1: none). A trainer learning the row the memo holds
   * takes its encoding instead of encoding the row again.
   */
  private memoRaw: unknown[] | undefined;
  private memoBad = -1;
  private readonly numericOnly: boolean;
  /** Per-task learning: each row also goes to its task's part (see TaskLearner). */
  parts: TaskLearner | undefined;

  constructor(readonly def: ModelDef, private readonly report?: SkipReporter) {
    this.encoder = new FeatureEncoder(def.features, def.categorySlots);
    this.featureStats = new FeatureStats(def.features);
    this.model = this.fresh();
    this.metrics = new Prequential(def.task, def.metricsWindow, def.label !== undefined);
    this.numericOnly = def.features.every((f) => !f.categorical);
    if (def.task === 'classification') this.drift = new Adwin();
  }

  get name(): string { return this.def.name; }
  get features(): ModelDef['features'] { return this.def.features; }

  /** A new, empty model of this definition. */
  fresh(): OnlineModel {
    return createModel(this.def.type, { features: this.encoder.width, params: this.def.params, seed: this.def.seed });
  }

  /** Test, then train, on one row: features at values[from..], the label (if any) after them. */
  learn(values: ArrayLike<unknown>, from: number): void {
    const def = this.def;
    const label = def.label ? values[from + def.features.length] : undefined;
    if ((def.task === 'classification' || def.task === 'regression') && (label === null || label === undefined)) {
      this.skipped++;
      this.parts?.skipped();
      return;
    }
    // The numbers go into the encoder's row first, and are checked there (no second pass over
    // the SQL values); the categories only once the row is taken (they grow the vocabulary).
    const enc = this.encoder;
    const memo = this.memoOf(values, from);
    const badAt = memo ? this.memoBad : enc.numbers(values, from);
    if (badAt >= 0) { this.skip(badFeature(def.features[badAt], values[from + badAt])); return; }
    if (def.task === 'regression') {
      const bad = badTarget(def.label!.name, label);
      if (bad !== undefined) { this.skip(bad); return; }
    }
    let y = 0;
    if (def.task === 'classification') {
      y = this.labels.classOf(label, true, def.maxClasses ?? DEFAULT_MAX_CLASSES);
      if (y < 0) { this.skip(`new class beyond MAX_CLASSES=${def.maxClasses ?? DEFAULT_MAX_CLASSES}`); return; }
    }
    const x = memo ? this.memoX! : enc.categories(values, from, true);
    this.featureStats.add(values, from, x, enc.start);
    const now = turnNow();
    if (this.rows === 0) this.firstAt = now;
    this.lastAt = now;
    switch (def.task) {
      case 'classification': {
        if (this.rows > 0) {
          const right = this.predictOnce(x) === y;
          this.metrics.classified(right);
          if (this.drift!.update(right ? 0 : 1)) this.drifted();
        }
        this.model.learn(x, y);
        this.parts?.learned(x, y);
        break;
      }
      case 'regression': {
        const y = labelNumber(label);
        if (this.rows > 0) this.metrics.regressed(this.predictOnce(x) - y);
        this.model.learn(x, y);
        this.parts?.learned(x, y);
        break;
      }
      case 'anomaly':
      case 'clustering': {
        if (def.task === 'anomaly' && this.rows > 0) this.metrics.scored(this.predictOnce(x), label === undefined || label === null ? undefined : anomalousLabel(label));
        this.model.learn(x, 0);
        this.parts?.learned(x, 0);
        break;
      }
    }
    this.rows++;
    this.version++;
  }

  /** Whether the memo holds this model version's prediction of exactly these SQL values. */
  private memoOf(values: ArrayLike<unknown>, from: number): boolean {
    const raw = this.memoRaw;
    if (raw === undefined || this.memoVersion !== this.version) return false;
    for (let i = 0; i < raw.length; i++) if (raw[i] !== values[from + i]) return false;
    return true;
  }

  /** model.predict(x), or the memo when the same model version last predicted the same x. */
  private predictOnce(x: Float64Array): number {
    const m = this.memoX;
    if (this.memoVersion === this.version && m !== undefined) {
      if (x === m) return this.memoValue; // learn took the memo's encoding
      let same = true;
      for (let i = 0; i < x.length; i++) if (m[i] !== x[i]) { same = false; break; }
      if (same) return this.memoValue;
    }
    return this.model.predict(x);
  }

  /**
   * model.predict(x) of the features `args` (encoded as x, the first bad one at `bad`),
   * remembered for the trainer's test of the same row (see predictOnce and memoOf).
   */
  private predictShared(x: Float64Array, args: readonly unknown[], bad: number): number {
    const p = this.model.predict(x);
    const m = (this.memoX ??= new Float64Array(x.length));
    if (m.length === x.length) {
      for (let i = 0; i < x.length; i++) m[i] = x[i]; // a few values: a loop, not set()'s call
      this.memoValue = p;
      this.memoVersion = this.version;
      if (this.numericOnly) {
        const raw = (this.memoRaw ??= new Array<unknown>(this.def.features.length));
        for (let i = 0; i < raw.length; i++) raw[i] = args[i];
        this.memoBad = bad;
      }
    }
    return p;
  }

  private skip(reason: string): void {
    this.skips.set(reason, (this.skips.get(reason) ?? 0) + 1);
    this.parts?.skipped(reason);
    this.report?.(reason);
  }

  /** Rows skipped for a bad value or class, all reasons. */
  get skippedBad(): number {
    let n = 0;
    for (const c of this.skips.values()) n += c;
    return n;
  }

  private drifted(): void {
    // ADWIN flags any change in the error rate; only a rise is a drift worth reacting to.
    const [acc] = this.metrics.values();
    if (!(acc.recent < acc.whole)) return;
    this.drifts.push({ row: this.rows, at: Date.now() });
    if (this.drifts.length > 100) this.drifts.shift();
    if (this.def.onDrift === 'reset') { this.model = this.fresh(); this.version++; }
  }

  /** When the last checkpoint was taken (0: never). */
  checkpointAt = 0;

  checkpoint(): ModelCheckpoint {
    this.checkpointAt = Date.now();
    return {
      model: this.model.snapshot(), encoder: this.encoder.snapshot(), labels: this.labels.snapshot(),
      rows: this.rows, skipped: this.skipped, at: this.checkpointAt, skips: Object.fromEntries(this.skips),
      featureStats: this.featureStats.save(),
    };
  }

  restore(c: ModelCheckpoint): void {
    this.encoder.restore(c.encoder);
    this.labels.restore(c.labels);
    const m = this.fresh();
    m.restore(c.model);
    this.model = m;
    this.version++;
    this.rows = c.rows;
    this.skipped = c.skipped;
    this.skips.clear();
    for (const [k, v] of Object.entries(c.skips ?? {})) this.skips.set(k, v);
    this.featureStats.restore(c.featureStats);
    this.checkpointAt = c.at;
  }

  /**
   * Serves `model`, merged from the parts of every task (models/model-parts.ts), with the totals
   * of rows learned and skipped it reflects.
   */
  adopt(model: OnlineModel, rows: number, skipped: number, skips: ReadonlyMap<string, number>, at: number): void {
    this.model = model;
    this.version++;
    this.rows = rows;
    this.skipped = skipped;
    this.skips.clear();
    for (const [k, v] of skips) this.skips.set(k, v);
    if (at > this.checkpointAt) this.checkpointAt = at;
  }

  /** Rows learned per second since the first. */
  rate(): number {
    const s = (this.lastAt - this.firstAt) / 1000;
    return s > 0 ? this.rows / s : 0;
  }

  bind(fn: ModelFunctionKind): { type: SqlType; impl: (...features: unknown[]) => unknown; overArray: (features: readonly unknown[]) => unknown } | string {
    const { task, label, name } = this.def;
    const encode = (args: readonly unknown[]): Float64Array => this.encoder.encode(args, 0, false);
    // PREDICT and friends on the features `a`, remembered for the trainer (see predictShared).
    const shared = (a: readonly unknown[]): number => {
      const bad = this.encoder.numbers(a, 0);
      return this.predictShared(this.encoder.categories(a, 0, false), a, bad);
    };
    // Each call is over the features in an array (a query's call reuses one); impl spreads them.
    const bound = (type: SqlType, over: (a: readonly unknown[]) => unknown) => ({ type, impl: (...a: unknown[]) => over(a), overArray: over });
    switch (fn) {
      case 'PREDICT':
        if (task === 'classification') {
          return bound(label!.type, (a) => (this.rows === 0 ? null : this.labels.values[shared(a)] ?? null));
        }
        return bound(task === 'clustering' ? INTEGER : DOUBLE, (a) => (this.rows === 0 ? null : shared(a)));
      case 'PREDICT_PROBA': {
        if (task !== 'classification' || !this.model.predictProba) return `PREDICT_PROBA needs a classifier; ${name} is a ${this.def.type} (${task}) model.`;
        // A BOOLEAN label gives P(TRUE); any other gives every class's probability by its text.
        if (label!.type.kind === 'BOOLEAN') return bound(DOUBLE, (a) => this.probabilityOf(encode(a), true));
        return bound(map(STRING, DOUBLE), (a) => this.probabilities(encode(a)));
      }
      case 'ANOMALY_SCORE':
        if (task !== 'anomaly') return `ANOMALY_SCORE needs an anomaly model; ${name} is a ${this.def.type} (${task}) model.`;
        return bound(DOUBLE, (a) => (this.rows === 0 ? null : shared(a)));
      case 'CLUSTER':
        if (task !== 'clustering') return `CLUSTER needs a clustering model; ${name} is a ${this.def.type} (${task}) model.`;
        return bound(INTEGER, (a) => (this.rows === 0 ? null : shared(a)));
    }
  }

  private probs(x: Float64Array): Float64Array {
    const n = Math.max(this.labels.size, 1);
    if (this.proba.length !== n) this.proba = new Float64Array(n);
    this.model.predictProba!(x, this.proba);
    return this.proba;
  }

  private probabilityOf(x: Float64Array, v: unknown): number | null {
    if (this.rows === 0) return null;
    const c = this.labels.classOf(v, false);
    return c < 0 ? 0 : this.probs(x)[c];
  }

  private probabilities(x: Float64Array): Map<string, number> | null {
    if (this.rows === 0) return null;
    const p = this.probs(x);
    const out = new Map<string, number>();
    this.labels.values.forEach((v, i) => out.set(String(v), p[i]));
    return out;
  }
}

