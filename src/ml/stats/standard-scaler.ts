// Online standardization (River's preprocessing.StandardScaler): per-feature Welford mean and
// population variance, mergeable, NaN-aware. Models that are sensitive to feature scale (linear
// models, k-means) put one in front so users need not pre-scale columns in SQL.

export class StandardScaler {
  readonly count: Float64Array;
  readonly mean: Float64Array;
  /** Sum of squared deviations (Welford's M2) per feature. */
  readonly m2: Float64Array;
  /** 1 / population std per feature (0 while constant), kept current so transform needs no sqrt. */
  private readonly invStd: Float64Array;

  constructor(readonly features: number) {
    this.count = new Float64Array(features);
    this.mean = new Float64Array(features);
    this.m2 = new Float64Array(features);
    this.invStd = new Float64Array(features);
  }

  /** Learns one row; NaN entries, and values that would overflow the variance, are skipped feature by feature. */
  update(x: Float64Array): void {
    const { count, mean, m2, invStd } = this;
    for (let i = 0; i < this.features; i++) {
      const v = x[i];
      if (v !== v) continue; // NaN
      const n = count[i] + 1;
      const d = v - mean[i];
      const m = mean[i] + d / n;
      const s = m2[i] + d * (v - m);
      if (!(s <= Number.MAX_VALUE)) continue; // would overflow: this value is not learned
      count[i] = n;
      mean[i] = m;
      m2[i] = s;
      invStd[i] = s > 0 ? 1 / Math.sqrt(s / n) : 0;
    }
  }

  /** out[i] = (x[i] - mean) / std; 0 for a missing value or a constant feature (mean imputation). */
  transform(x: Float64Array, out: Float64Array): void {
    const { mean, invStd } = this;
    for (let i = 0; i < this.features; i++) {
      const v = x[i];
      out[i] = v !== v ? 0 : (v - mean[i]) * invStd[i];
    }
  }

  private refresh(): void {
    for (let i = 0; i < this.features; i++) {
      this.invStd[i] = this.m2[i] > 0 && this.count[i] > 0 ? 1 / Math.sqrt(this.m2[i] / this.count[i]) : 0;
    }
  }

  variance(i: number): number {
    return this.count[i] > 0 ? this.m2[i] / this.count[i] : 0;
  }

  merge(other: StandardScaler): void {
    for (let i = 0; i < this.features; i++) {
      const na = this.count[i], nb = other.count[i];
      if (nb === 0) continue;
      const n = na + nb;
      const d = other.mean[i] - this.mean[i];
      this.m2[i] += other.m2[i] + d * d * na * nb / n;
      this.mean[i] += d * nb / n;
      this.count[i] = n;
    }
    this.refresh();
  }

  /** State as one array: [count..., mean..., m2...]. */
  toArray(): Float64Array {
    const out = new Float64Array(3 * this.features);
    out.set(this.count, 0);
    out.set(this.mean, this.features);
    out.set(this.m2, 2 * this.features);
    return out;
  }

  fromArray(a: Float64Array): void {
    const d = this.features;
    if (a.length !== 3 * d) throw new Error('model state: scaler size mismatch');
    this.count.set(a.subarray(0, d));
    this.mean.set(a.subarray(d, 2 * d));
    this.m2.set(a.subarray(2 * d, 3 * d));
    this.refresh();
  }

  reset(): void {
    this.count.fill(0);
    this.mean.fill(0);
    this.m2.fill(0);
    this.invStd.fill(0);
  }
}
