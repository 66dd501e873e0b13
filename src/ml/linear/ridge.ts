// Exact ridge regression from mergeable sufficient statistics: the running mean and co-moment
// matrix of (x, y). Weights solve (Cxx + alpha I) w = Cxy by Cholesky, with an unpenalised
// intercept ȳ - w·x̄ (scikit-learn's Ridge, alpha 1.0, on the raw feature scale). The solve runs
// on demand and is cached until the next learn/merge/restore, so many predictions between
// updates cost a dot product each. Partitions merge exactly.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { QUADRATIC_MAX_FEATURES } from '../online-model.js';
import { numParam } from '../params.js';
import { CovarianceModel } from '../stats/covariance-model.js';
import { cholesky, choleskySolve } from './cholesky.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';

export class Ridge extends CovarianceModel implements OnlineModel {
  readonly type = 'ridge';
  readonly task: ModelTask = 'regression';
  readonly alpha: number;
  private readonly row: Float64Array;
  private readonly a: Float64Array;
  private readonly w: Float64Array;
  private intercept = 0;

  constructor(spec: ModelSpec) {
    super(spec.features, spec.features + 1);
    this.alpha = numParam(spec.params, 'alpha', 1, 0, 1e12);
    this.row = new Float64Array(this.d + 1);
    this.a = new Float64Array(this.d * this.d);
    this.w = new Float64Array(this.d);
  }

  learn(x: Float64Array, y: number): void {
    if (!learnableTarget(y) || !learnableFeatures(x)) return; // no target, or one that would overflow
    this.row.set(x.subarray(0, this.d));
    this.row[this.d] = y;
    this.observe(this.row);
  }

  predict(x: Float64Array): number {
    if (this.dirty) this.solve();
    const m = this.stats.mean;
    let s = this.intercept;
    for (let i = 0; i < this.d; i++) s += this.w[i] * (x[i] !== x[i] ? m[i] : x[i]);
    return s;
  }

  /** The fitted weights (features) and intercept, solving if stale. */
  coefficients(): { weights: Float64Array; intercept: number } {
    if (this.dirty) this.solve();
    return { weights: this.w.slice(), intercept: this.intercept };
  }

  private solve(): void {
    this.dirty = false;
    const d = this.d, p = d + 1;
    const c = this.stats.comoment, m = this.stats.mean;
    if (this.stats.n === 0) { this.w.fill(0); this.intercept = 0; return; }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) this.a[i * d + j] = c[i * p + j];
      this.a[i * d + i] += this.alpha;
      this.w[i] = c[i * p + d];
    }
    // alpha = 0 on collinear data: add the smallest jitter that makes the system solvable.
    let jitter = 0;
    for (let tries = 0; !cholesky(this.a, d, this.l); tries++) {
      if (tries > 40) { this.w.fill(0); this.intercept = m[d]; return; } // non-finite statistics
      const add = jitter === 0 ? 1e-10 * (1 + maxDiag(this.a, d)) : jitter * 9;
      for (let i = 0; i < d; i++) this.a[i * d + i] += add;
      jitter += add;
    }
    choleskySolve(this.l, d, this.w, this.w);
    let b = m[d];
    for (let i = 0; i < d; i++) b -= this.w[i] * m[i];
    this.intercept = b;
  }

  stateBytes(): number {
    return 8 * ((this.d + 1) * (this.d + 3) + 2 * this.d * this.d + this.d);
  }
}

function maxDiag(a: Float64Array, d: number): number {
  let m = 0;
  for (let i = 0; i < d; i++) m = Math.max(m, Math.abs(a[i * d + i]));
  return m;
}

export const ridgeFactory: ModelFactory = {
  type: 'ridge',
  maxFeatures: QUADRATIC_MAX_FEATURES,
  task: 'regression',
  description: 'Exact ridge regression from mergeable sufficient statistics (Cholesky solve on demand)',
  params: { alpha: { default: 1, doc: 'L2 penalty on the weights (scikit-learn Ridge alpha), raw feature scale' } },
  mergeable: true,
  create: (spec) => new Ridge(spec),
};
