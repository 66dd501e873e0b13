// Running mean vector and co-moment matrix (multivariate Welford), mergeable by Chan's formula.
// The base of the Mahalanobis detector and of exact ridge regression (see covariance-model.ts). A missing feature is
// imputed with its current mean, which adds nothing to the co-moments.

export class RunningCovariance {
  n = 0;
  readonly mean: Float64Array;
  /** Co-moment matrix C (row-major d×d): covariance = C / (n - ddof). */
  readonly comoment: Float64Array;
  private readonly delta: Float64Array;

  constructor(readonly dim: number) {
    this.mean = new Float64Array(dim);
    this.comoment = new Float64Array(dim * dim);
    this.delta = new Float64Array(dim);
  }

  update(x: Float64Array): void {
    const d = this.dim;
    const { mean, comoment, delta } = this;
    const n = this.n + 1;
    const f = (n - 1) / n;
    for (let i = 0; i < d; i++) {
      const v = x[i];
      const di = (delta[i] = v !== v ? 0 : v - mean[i]);
      // C is positive semi-definite, so |C_ij| <= max(C_ii, C_jj): if the diagonal stays finite
      // after this row, so does every entry. Otherwise the row is not learned at all.
      if (!(comoment[i * d + i] + di * di * f <= Number.MAX_VALUE)) return;
    }
    this.n = n;
    for (let i = 0; i < d; i++) mean[i] += delta[i] / n;
    // C += (x - mean_old)(x - mean_new)^T = delta delta^T (n-1)/n; kept symmetric.
    for (let i = 0; i < d; i++) {
      const di = delta[i] * f;
      if (di === 0) continue;
      const row = i * d;
      for (let j = 0; j < d; j++) comoment[row + j] += di * delta[j];
    }
  }

  merge(other: RunningCovariance): void {
    const nb = other.n;
    if (nb === 0) return;
    const na = this.n;
    const n = na + nb;
    const d = this.dim;
    const delta = this.delta;
    for (let i = 0; i < d; i++) delta[i] = other.mean[i] - this.mean[i];
    const f = na * nb / n;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        this.comoment[i * d + j] += other.comoment[i * d + j] + f * delta[i] * delta[j];
      }
      this.mean[i] += delta[i] * nb / n;
    }
    this.n = n;
  }

  covariance(i: number, j: number, ddof = 1): number {
    return this.n > ddof ? this.comoment[i * this.dim + j] / (this.n - ddof) : 0;
  }

  toArray(): Float64Array {
    const d = this.dim;
    const out = new Float64Array(1 + d + d * d);
    out[0] = this.n;
    out.set(this.mean, 1);
    out.set(this.comoment, 1 + d);
    return out;
  }

  fromArray(a: Float64Array): void {
    const d = this.dim;
    if (a.length !== 1 + d + d * d) throw new Error('model state: covariance size mismatch');
    this.n = a[0];
    this.mean.set(a.subarray(1, 1 + d));
    this.comoment.set(a.subarray(1 + d));
  }

  reset(): void {
    this.n = 0;
    this.mean.fill(0);
    this.comoment.fill(0);
  }
}
