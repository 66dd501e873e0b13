// Naive Bayes: Gaussian likelihoods for numeric features (River's naive_bayes.GaussianNB:
// population variance, log(1e-9 + pdf) so one odd value cannot veto a class) and Laplace-smoothed
// category counts for features listed in `categorical` (scikit-learn's CategoricalNB, alpha 1).
//
// Categorical features: give their 0-based positions in the encoded feature vector, e.g.
//   CREATE MODEL m TYPE naive_bayes WITH (categorical = '0,3')
// Their values are category codes (any number; each distinct value is one category). Missing
// values (NaN) are skipped for that feature, in learning and in prediction.
//
// Everything is counts and Welford moments, so partitions merge exactly.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { intListParam, numParam } from '../params.js';
import { decodeState, encodeState } from '../state-codec.js';
import { CategoryCounts } from './category-counts.js';
import { learnableFeatures } from '../finite-guard.js';

const PDF_EPS = 1e-9;
const LOG_2PI = Math.log(2 * Math.PI);

export class NaiveBayes implements OnlineModel {
  readonly type = 'naive_bayes';
  readonly task: ModelTask = 'classification';
  private readonly d: number;
  private readonly alpha: number;
  private readonly isCategorical: Uint8Array;
  private readonly categorical: Map<number, CategoryCounts>;
  private classes = 0;
  private classCounts = new Float64Array(2);
  /** Per class, per feature: [n, mean, m2]. */
  private gauss = new Float64Array(0);
  private jll = new Float64Array(2);
  seen = 0;

  constructor(spec: ModelSpec) {
    this.d = spec.features;
    this.alpha = numParam(spec.params, 'alpha', 1, 0, 1e12);
    this.isCategorical = new Uint8Array(this.d);
    this.categorical = new Map();
    for (const j of intListParam(spec.params, 'categorical')) {
      if (j >= this.d) throw new Error(`naive_bayes: categorical feature ${j} is out of range (features: ${this.d})`);
      this.isCategorical[j] = 1;
      this.categorical.set(j, new CategoryCounts());
    }
    this.ensureClasses(Math.max(0, spec.classes ?? 0));
  }

  private ensureClasses(k: number): void {
    if (k <= this.classes) return;
    const cc = new Float64Array(Math.max(k, this.classCounts.length));
    cc.set(this.classCounts.subarray(0, this.classes));
    this.classCounts = cc;
    const g = new Float64Array(k * this.d * 3);
    g.set(this.gauss);
    this.gauss = g;
    if (this.jll.length < k) this.jll = new Float64Array(k);
    for (const c of this.categorical.values()) c.ensureClasses(k);
    this.classes = k;
  }

  learn(x: Float64Array, y: number): void {
    if (!(Number.isInteger(y) && y >= 0)) throw new Error(`naive_bayes: label must be a class index, got ${y}`);
    if (!learnableFeatures(x)) return; // a value whose square overflows would poison the Gaussians
    this.ensureClasses(y + 1);
    this.classCounts[y]++;
    const g = this.gauss, d = this.d;
    for (let j = 0; j < d; j++) {
      const v = x[j];
      if (v !== v) continue;
      if (this.isCategorical[j]) { this.categorical.get(j)!.add(v, y); continue; }
      const at = (y * d + j) * 3;
      const n = ++g[at];
      const delta = v - g[at + 1];
      g[at + 1] += delta / n;
      g[at + 2] += delta * (v - g[at + 1]);
    }
    this.seen++;
  }

  /** Joint log-likelihood per class into this.jll; -Infinity for classes never seen. */
  private jointLogLikelihood(x: Float64Array): void {
    const total = this.seen, g = this.gauss, d = this.d;
    for (let c = 0; c < this.classes; c++) {
      const count = this.classCounts[c];
      if (count === 0) { this.jll[c] = -Infinity; continue; }
      let s = Math.log(count / total);
      for (let j = 0; j < d; j++) {
        const v = x[j];
        if (v !== v) continue;
        if (this.isCategorical[j]) { s += this.categorical.get(j)!.logLikelihood(v, c, this.alpha); continue; }
        const at = (c * d + j) * 3;
        const n = g[at];
        if (n === 0) { s += Math.log(PDF_EPS); continue; }
        const variance = g[at + 2] / n;
        const diff = v - g[at + 1];
        const pdf = variance > 0
          ? Math.exp(-(diff * diff) / (2 * variance) - 0.5 * (LOG_2PI + Math.log(variance)))
          : diff === 0 ? 1 : 0; // a point mass until the class shows spread
        s += Math.log(PDF_EPS + pdf);
      }
      this.jll[c] = s;
    }
  }

  predict(x: Float64Array): number {
    if (this.seen === 0) return 0;
    this.jointLogLikelihood(x);
    let best = 0;
    for (let c = 1; c < this.classes; c++) if (this.jll[c] > this.jll[best]) best = c;
    return best;
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    out.fill(0);
    if (this.seen === 0) return;
    this.jointLogLikelihood(x);
    let max = -Infinity;
    for (let c = 0; c < this.classes; c++) if (this.jll[c] > max) max = this.jll[c];
    let sum = 0;
    for (let c = 0; c < this.classes; c++) sum += Math.exp(this.jll[c] - max);
    for (let c = 0; c < Math.min(this.classes, out.length); c++) out[c] = Math.exp(this.jll[c] - max) / sum;
  }

  /** this ← this ∪ other (Chan's pairwise moments per class and feature, summed counts). */
  merge(other: OnlineModel, classMap?: ArrayLike<number>): void {
    if (!(other instanceof NaiveBayes) || other.d !== this.d) throw new Error('naive_bayes: can only merge a naive_bayes model of the same width');
    const to = (c: number): number => (classMap === undefined ? c : c < classMap.length ? classMap[c] : -1);
    let k = other.classes;
    for (let c = 0; c < other.classes; c++) k = Math.max(k, to(c) + 1);
    this.ensureClasses(k);
    const d = this.d, a = this.gauss, b = other.gauss;
    for (let c = 0; c < other.classes; c++) {
      const t = to(c);
      if (t < 0) { this.seen -= other.classCounts[c]; continue; }
      this.classCounts[t] += other.classCounts[c];
      for (let j = 0; j < d; j++) {
        const at = (t * d + j) * 3, from = (c * d + j) * 3;
        const na = a[at], nb = b[from];
        if (nb === 0) continue;
        const n = na + nb;
        const delta = b[from + 1] - a[at + 1];
        a[at + 2] += b[from + 2] + delta * delta * na * nb / n;
        a[at + 1] += delta * nb / n;
        a[at] = n;
      }
    }
    for (const [j, counts] of this.categorical) counts.merge(other.categorical.get(j)!, to);
    this.seen += other.seen;
  }

  snapshot(): Uint8Array {
    const cats = [...this.categorical.values()].flatMap((c) => c.toParts());
    return encodeState([Float64Array.of(this.classes, this.seen), this.classCounts.subarray(0, this.classes), this.gauss, ...cats]);
  }

  restore(state: Uint8Array): void {
    const [meta, counts, gauss, ...cats] = decodeState(state, 3 + 2 * this.categorical.size);
    this.ensureClasses(meta[0]);
    this.seen = meta[1];
    this.classCounts.set(counts);
    if (gauss.length !== this.gauss.length) throw new Error('model state: naive_bayes size mismatch');
    this.gauss.set(gauss);
    let i = 0;
    for (const c of this.categorical.values()) { c.fromParts(cats[i], cats[i + 1]); i += 2; }
  }

  stateBytes(): number {
    let b = 8 * (this.gauss.length + this.classCounts.length + this.jll.length);
    for (const c of this.categorical.values()) b += c.stateBytes();
    return b;
  }
}

export const naiveBayesFactory: ModelFactory = {
  type: 'naive_bayes',
  task: 'classification',
  description: 'Naive Bayes: Gaussian for numeric features, smoothed counts for categorical ones',
  params: {
    categorical: { default: '', doc: "0-based positions of categorical features, comma-separated (e.g. '0,3'); their values are category codes" },
    alpha: { default: 1, doc: 'Laplace smoothing of categorical counts' },
  },
  mergeable: true,
  create: (spec) => new NaiveBayes(spec),
};
