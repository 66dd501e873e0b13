// Univariate statistics of a model's features over the rows it learned, as SymetryML shows them
// beside a model: per numeric feature the count of values, mean, standard deviation (Welford's
// update, numerically stable), min and max; per categorical feature the count of values. They go
// out with every EDDY_MODEL_METRICS row (FEATURE_STATS) and are kept in the model's checkpoints.
import type { ModelFeature } from './model-def.js';

/** Plain data for checkpoints. */
export interface FeatureStatsState { n: number[]; mean: number[]; m2: number[]; min: number[]; max: number[] }

/** One feature's statistics (NULL where there is nothing to say: no values, or not numeric). */
export interface FeatureSummary { COUNT: number; MEAN: number | null; STDDEV: number | null; MIN: number | null; MAX: number | null }

export class FeatureStats {
  private readonly numeric: boolean[];
  private readonly n: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(private readonly features: readonly ModelFeature[]) {
    const k = features.length;
    this.numeric = features.map((f) => !f.categorical);
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
    for (let i = 0; i < this.numeric.length; i++) {
      if (!this.numeric[i]) {
        const v = values[from + i];
        if (v !== null && v !== undefined) this.n[i]++;
        continue;
      }
      const v = x[start[i]];
      if (!Number.isFinite(v)) continue;
      const n = ++this.n[i];
      const d = v - this.mean[i];
      this.mean[i] += d / n;
      this.m2[i] += d * (v - this.mean[i]);
      if (v < this.min[i]) this.min[i] = v;
      if (v > this.max[i]) this.max[i] = v;
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
