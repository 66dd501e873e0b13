// Mahalanobis distance to the running mean under the running covariance (both mergeable). The
// covariance gets a small ridge relative to each feature's own variance (Σ + ridge·diag(Σ) +
// tiny), which keeps constant or collinear features from making Σ singular without changing
// the scale of well-behaved ones. Score = sqrt(dᵀ Σ⁻¹ d) via the Cholesky factor, refactored
// only when the statistics changed since the last score. Missing values are imputed with the mean.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { QUADRATIC_MAX_FEATURES } from '../online-model.js';
import { cholesky, forwardSolve } from '../linear/cholesky.js';
import { numParam } from '../params.js';
import { CovarianceModel } from '../stats/covariance-model.js';
import { learnableFeatures } from '../finite-guard.js';

export class Mahalanobis extends CovarianceModel implements OnlineModel {
  readonly type = 'mahalanobis';
  readonly task: ModelTask = 'anomaly';
  readonly ridge: number;
  private readonly sigma: Float64Array;
  private readonly diff: Float64Array;
  private readonly y: Float64Array;

  constructor(spec: ModelSpec) {
    super(spec.features, spec.features);
    this.ridge = numParam(spec.params, 'ridge', 1e-3, 0, 1e12);
    this.sigma = new Float64Array(this.d * this.d);
    this.diff = new Float64Array(this.d);
    this.y = new Float64Array(this.d);
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return; // its outer product would overflow the co-moments
    this.observe(x);
  }

  private factor(): void {
    this.dirty = false;
    const d = this.d, n = this.stats.n, c = this.stats.comoment, s = this.sigma;
    const inv = n > 1 ? 1 / (n - 1) : 0;
    let scale = 0;
    for (let i = 0; i < d; i++) scale = Math.max(scale, c[i * d + i] * inv);
    const floor = 1e-12 * (scale > 0 ? scale : 1);
    for (let i = 0; i < d * d; i++) s[i] = c[i] * inv;
    for (let i = 0; i < d; i++) s[i * d + i] = s[i * d + i] * (1 + this.ridge) + floor;
    for (let tries = 0; !cholesky(s, d, this.l) && tries < 30; tries++) {
      for (let i = 0; i < d; i++) s[i * d + i] += floor * 10 ** tries;
    }
  }

  predict(x: Float64Array): number {
    if (this.stats.n < 2) return 0;
    if (this.dirty) this.factor();
    const m = this.stats.mean;
    for (let i = 0; i < this.d; i++) this.diff[i] = x[i] !== x[i] ? 0 : x[i] - m[i];
    forwardSolve(this.l, this.d, this.diff, this.y);
    let q = 0;
    for (let i = 0; i < this.d; i++) q += this.y[i] * this.y[i];
    return Math.sqrt(q);
  }

  stateBytes(): number {
    return 8 * (3 * this.d * this.d + 4 * this.d + 1);
  }
}

export const mahalanobisFactory: ModelFactory = {
  type: 'mahalanobis',
  maxFeatures: QUADRATIC_MAX_FEATURES,
  task: 'anomaly',
  description: 'Mahalanobis distance to the running mean under the running covariance (mergeable)',
  params: { ridge: { default: 1e-3, doc: "added to the covariance's diagonal, relative to each feature's variance" } },
  mergeable: true,
  create: (spec) => new Mahalanobis(spec),
};
