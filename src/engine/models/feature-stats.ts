// Univariate statistics of a model's features over the rows it learned, as SymetryML shows them
// beside a model: per numeric feature the count of values, mean, standard deviation (Welford's
// update, numerically stable), min and max; per categorical feature the count of values. They go
// out with every EDDY_MODEL_METRICS row (FEATURE_STATS) and are kept in the model's checkpoints.
import type { ModelFeature } from './model-def.js';
import { featureIndexes } from './feature-encoder.js';

/** Plain data for checkpoints. */
export interface FeatureStatsState { n: number[]; mean: number[]; m2: number[]; min: number[]; max: number[] }

/** One feature's statistics (NULL where there is nothing to say: no values, or not numeric). */
export interface FeatureSummary { COUNT: number; MEAN: number | null; STDDEV: number | null; MIN: number | null; MAX: number | null }

export class FeatureStats {
  private readonly numeric: boolean[];
  /** The numeric features' indexes, and the categorical ones'. */
  private readonly numericIdx: Int32Array;
  private readonly categoricalIdx: Int32Array;
  private readonly n: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(private readonly features: readonly ModelFeature[]) {
    const k = features.length;
    this.numeric = features.map((f) => !f.categorical);
    this.numericIdx = featureIndexes(features, false);
    this.categoricalIdx = featureIndexes(features, true);
    this.n = new Float64Array(k);
    this.mean = new Float64Array(k);
    this.m2 = new Float64Array(k);
    this.min = new Float64Array(k).fill(Infinity);
    this.max = new Float64Array(k).fill(-Infinity);
  }

  /**
   * A learned row: its SQL values at values[from..] (for the categorical features' counts) and
   * the encoder's row `x`, whose slot start[i] already holds numeric feature i as a number (NaN
   * for NULL): nothing is converted twice. NULLs are not counted.
   */
  add(values: ArrayLike<unknown>, from: number, x: Float64Array, start: readonly number[]): void {
    const { n: count, mean, m2, min, max } = this;
    const num = this.numericIdx;
    for (let j = 0; j < num.length; j++) {
      const i = num[j];
      const v = x[start[i]];
      if (!Number.isFinite(v)) continue;
      const n = ++count[i];
      const d = v - mean[i];
      const m = mean[i] + d / n;
      mean[i] = m;
      m2[i] += d * (v - m);
      if (v < min[i]) min[i] = v;
      if (v > max[i]) max[i] = v;
    }
    const cat = this.categoricalIdx;
    for (let j = 0; j < cat.length; j++) {
      const v = values[from + cat[j]];
      if (v !== null && v !== undefined) count[cat[j]]++;
    }
  }

  /** By feature name; the standard deviation is the sample's (n - 1), as SQL's STDDEV_SAMP. */
  summary(): Record<string, FeatureSummary> {
    const out: Record<string, FeatureSummary> = {};
    this.features.forEach((f, i) => {
      const n = this.n[i];
      const has = this.numeric[i] && n > 0;
      out[f.name] = {
        COUNT: n,
        MEAN: has ? this.mean[i] : null,
        STDDEV: has && n > 1 ? Math.sqrt(this.m2[i] / (n - 1)) : null,
        MIN: has ? this.min[i] : null,
        MAX: has ? this.max[i] : null,
      };
    });
    return out;
  }

  save(): FeatureStatsState {
    return { n: [...this.n], mean: [...this.mean], m2: [...this.m2], min: [...this.min], max: [...this.max] };
  }

  restore(s: FeatureStatsState | undefined): void {
    const k = this.n.length;
    const take = (to: Float64Array, from: number[] | undefined, empty: number): void => {
      for (let i = 0; i < k; i++) to[i] = from?.[i] ?? empty;
    };
    take(this.n, s?.n, 0);
    take(this.mean, s?.mean, 0);
    take(this.m2, s?.m2, 0);
    take(this.min, s?.min, Infinity);
    take(this.max, s?.max, -Infinity);
  }
}
