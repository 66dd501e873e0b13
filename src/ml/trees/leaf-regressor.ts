// A regression leaf: target mean/variance, one E-BST per feature for split search, and a linear
// model trained by SGD on the squared loss. 'adaptive' leaves (River's default) predict with
// whichever of the mean and the model has the smaller faded squared error.
import { Ebst, type RegressionSplit, type WalkStack } from './ebst.js';
import type { RegressorTreeOptions } from './regressor-options.js';

/** River's LinearRegression default clip_gradient. */
const CLIP = 1e12;

export class LeafRegressor {
  readonly isLeaf = true;
  n = 0;
  mean = 0;
  m2 = 0;
  lastSplitAt = 0;
  active = true;
  fmseMean = 0;
  fmseModel = 0;
  bias = 0;
  weights: Float64Array;
  trees: Ebst[];

  constructor(
    public depth: number,
    nFeatures: number,
    public feats: Int32Array,
  ) {
    this.weights = new Float64Array(nFeatures);
    this.trees = Array.from({ length: feats.length }, () => new Ebst());
  }

  /** Starts from a parent's split statistics and inherits its model and error trackers. */
  inherit(n: number, mean: number, m2: number, parent: LeafRegressor): void {
    this.n = n;
    this.mean = mean;
    this.m2 = m2;
    this.lastSplitAt = n;
    this.weights.set(parent.weights);
    this.bias = parent.bias;
    this.fmseMean = parent.fmseMean;
    this.fmseModel = parent.fmseModel;
  }

  variance(): number {
    return this.n > 1 ? Math.max(0, this.m2 / (this.n - 1)) : 0;
  }

  private modelPredict(x: Float64Array): number {
    let s = this.bias;
    const w = this.weights;
    for (let j = 0; j < w.length; j++) {
      const v = x[j];
      if (v === v) s += w[j] * v;
    }
    return s;
  }

  learn(x: Float64Array, y: number, w: number, opts: RegressorTreeOptions): void {
    if (opts.leafPrediction !== 'mean') {
      const pm = this.modelPredict(x);
      if (opts.leafPrediction === 'adaptive') {
        const em = y - (this.n > 0 ? this.mean : 0);
        const eo = y - pm;
        // Saturated, not infinite: an error that overflows once must not rule the model out (or NaN it) for good.
        this.fmseMean = Math.min(opts.modelSelectorDecay * this.fmseMean + em * em, Number.MAX_VALUE);
        const fm = opts.modelSelectorDecay * this.fmseModel + eo * eo;
        this.fmseModel = fm === fm ? Math.min(fm, Number.MAX_VALUE) : Number.MAX_VALUE;
      }
      let g = 2 * (pm - y) * w;
      if (g > CLIP) g = CLIP;
      else if (g < -CLIP) g = -CLIP;
      if (g === g) this.step(x, opts.learningRate * g, opts.interceptLr * g);
    }
    const n = this.n + w;
    const d = y - this.mean;
    this.mean += (d * w) / n;
    this.m2 += w * d * (y - this.mean);
    this.n = n;
    if (!this.active) return;
    const scale = opts.digits >= 0 ? 10 ** opts.digits : 0;
    for (let f = 0; f < this.feats.length; f++) {
      let v = x[this.feats[f]];
      if (v !== v) continue;
      if (scale > 0) v = Math.round(v * scale) / scale;
      this.trees[f].insert(v, y, w);
    }
  }

  /** One SGD step of the leaf model, taken only if every weight stays finite (else the row teaches it nothing). */
  private step(x: Float64Array, rate: number, interceptRate: number): void {
    const ws = this.weights;
    if (!Number.isFinite(this.bias - interceptRate)) return;
    for (let j = 0; j < ws.length; j++) {
      const v = x[j];
      if (v === v && !Number.isFinite(ws[j] - rate * v)) return;
    }
    for (let j = 0; j < ws.length; j++) {
      const v = x[j];
      if (v === v) ws[j] -= rate * v;
    }
    this.bias -= interceptRate;
  }

  predict(x: Float64Array, opts: RegressorTreeOptions): number {
    const mean = this.n > 0 ? this.mean : 0;
    if (opts.leafPrediction === 'mean') return mean;
    if (opts.leafPrediction === 'model') return this.modelPredict(x);
    // NaN-safe: a diverged model (NaN error) never wins.
    return this.fmseModel <= this.fmseMean ? this.modelPredict(x) : mean;
  }

  deactivate(): void {
    this.active = false;
    this.trees = [];
  }

  /** Best cut over all features into `best` (with the runner-up feature's merit). */
  searchSplits(minSamples: number, stack: WalkStack, best: RegressionSplit, tmp: RegressionSplit): void {
    let feature = -1;
    let second = -Infinity;
    best.merit = -Infinity;
    for (let f = 0; f < this.trees.length; f++) {
      this.trees[f].bestSplit(minSamples, stack, tmp);
      if (tmp.merit === -Infinity) continue;
      if (tmp.merit > best.merit) {
        second = best.merit;
        best.merit = tmp.merit;
        best.threshold = tmp.threshold;
        best.ln = tmp.ln;
        best.lmean = tmp.lmean;
        best.lm2 = tmp.lm2;
        feature = this.feats[f];
      } else if (tmp.merit > second) {
        second = tmp.merit;
      }
    }
    best.feature = feature;
    best.second = second;
  }

  /** Target statistics right of the best cut, from the chosen feature's E-BST totals. */
  rightOf(s: RegressionSplit): [number, number, number] {
    const tree = this.trees[this.feats.indexOf(s.feature)];
    const N = tree.totN;
    const rn = N - s.ln;
    const rmean = rn > 0 ? (N * tree.totMean - s.ln * s.lmean) / rn : 0;
    const d = s.lmean - rmean;
    const rm2 = rn > 0 ? Math.max(0, tree.totM2 - s.lm2 - (d * d * s.ln * rn) / N) : 0;
    return [rn, rmean, rm2];
  }

  stateBytes(): number {
    let b = 128 + this.weights.byteLength + this.feats.byteLength;
    for (const t of this.trees) b += t.stateBytes();
    return b;
  }
}
