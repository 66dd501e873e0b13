// Mergeable quantile sketch: Dunning's merging t-digest with the k1 (arcsine) scale function, so
// the tails are kept at high resolution (p99 and p999 are what anomaly thresholds ask for). New
// values go to a buffer that is sorted and merged into the centroids when full; all storage is
// preallocated, and compression sorts in place.
import { sortPairs } from './sort-pairs.js';

export class TDigest {
  private readonly means: Float64Array;
  private readonly weights: Float64Array;
  /** Weight before each centroid, valid after compress. */
  private readonly cum: Float64Array;
  private centroids = 0;
  private buffered = 0;
  private readonly capacity: number;
  private totalWeight = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(readonly compression = 100) {
    if (!(compression >= 10)) throw new Error('t-digest compression must be >= 10');
    // k1 yields at most about `compression` centroids; the buffer amortises the sort.
    this.capacity = Math.ceil(compression) * 6 + 16;
    this.means = new Float64Array(this.capacity);
    this.weights = new Float64Array(this.capacity);
    this.cum = new Float64Array(this.capacity);
  }

  get count(): number { return this.totalWeight; }
  get min(): number { return this.totalWeight > 0 ? this.lo : NaN; }
  get max(): number { return this.totalWeight > 0 ? this.hi : NaN; }

  add(x: number, w = 1): void {
    if (Number.isNaN(x) || !(w > 0)) return;
    if (this.centroids + this.buffered >= this.capacity) this.compress();
    const at = this.centroids + this.buffered++;
    this.means[at] = x;
    this.weights[at] = w;
    this.totalWeight += w;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  merge(other: TDigest): void {
    const n = other.centroids + other.buffered;
    for (let i = 0; i < n; i++) this.add(other.means[i], other.weights[i]);
    if (other.totalWeight > 0) {
      if (other.lo < this.lo) this.lo = other.lo;
      if (other.hi > this.hi) this.hi = other.hi;
    }
  }

  /** Merges the buffer into the centroids (queries call it; callers rarely need to). */
  compress(): void {
    if (this.buffered === 0) return;
    const n = this.centroids + this.buffered;
    const { means, weights } = this;
    sortPairs(means, weights, 0, n);
    const total = this.totalWeight;
    const delta = this.compression;
    let out = 0;
    let curMean = means[0], curWeight = weights[0];
    let wSoFar = 0;
    let limit = total * qLimit(0, delta);
    for (let i = 1; i < n; i++) {
      const w = weights[i];
      if (wSoFar + curWeight + w <= limit) {
        curWeight += w;
        curMean += (means[i] - curMean) * w / curWeight;
      } else {
        means[out] = curMean;
        weights[out] = curWeight;
        out++;
        wSoFar += curWeight;
        limit = total * qLimit(wSoFar / total, delta);
        curMean = means[i];
        curWeight = w;
      }
    }
    means[out] = curMean;
    weights[out] = curWeight;
    this.centroids = out + 1;
    this.buffered = 0;
    this.prefix();
  }

  private prefix(): void {
    let c = 0;
    for (let i = 0; i < this.centroids; i++) {
      this.cum[i] = c;
      c += this.weights[i];
    }
  }

  /** The q-quantile, interpolating between centroid centres (and min/max at the ends). */
  quantile(q: number): number {
    if (this.totalWeight === 0 || Number.isNaN(q)) return NaN;
    this.compress();
    if (q <= 0) return this.lo;
    if (q >= 1) return this.hi;
    const { means, weights } = this;
    const n = this.centroids;
    const index = q * this.totalWeight;
    if (index < weights[0] / 2) {
      return this.lo + (means[0] - this.lo) * (index / (weights[0] / 2));
    }
    let cum = 0;
    for (let i = 0; i < n - 1; i++) {
      const left = cum + weights[i] / 2;
      const right = cum + weights[i] + weights[i + 1] / 2;
      if (index < right) {
        return means[i] + (means[i + 1] - means[i]) * ((index - left) / (right - left));
      }
      cum += weights[i];
    }
    const lastCentre = this.totalWeight - weights[n - 1] / 2;
    const rest = this.totalWeight - lastCentre;
    return means[n - 1] + (this.hi - means[n - 1]) * (rest > 0 ? (index - lastCentre) / rest : 0);
  }

  /** Fraction of the weight below `x`, counting values equal to `x` as half (mid-rank). */
  cdf(x: number): number {
    if (this.totalWeight === 0 || Number.isNaN(x)) return NaN;
    this.compress();
    if (x < this.lo) return 0;
    if (x > this.hi) return 1;
    if (this.lo === this.hi) return 0.5;
    const { means, weights, cum } = this;
    const n = this.centroids;
    const total = this.totalWeight;
    // First centroid with mean >= x.
    let a = 0, b = n;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (means[mid] < x) a = mid + 1;
      else b = mid;
    }
    const i = a;
    if (i < n && means[i] === x) {
      // Centroids at exactly x form one point mass: return its middle.
      let j = i, w = 0;
      while (j < n && means[j] === x) w += weights[j++];
      return (cum[i] + w / 2) / total;
    }
    if (i === 0) return ((weights[0] / 2) * ((x - this.lo) / (means[0] - this.lo))) / total;
    const ca = cum[i - 1] + weights[i - 1] / 2;
    if (i === n) return (ca + (total - ca) * ((x - means[n - 1]) / (this.hi - means[n - 1]))) / total;
    const cb = cum[i] + weights[i] / 2;
    return (ca + (cb - ca) * ((x - means[i - 1]) / (means[i] - means[i - 1]))) / total;
  }

  /** Calls fn(mean, weight) for each centroid in ascending order. */
  forEachCentroid(fn: (mean: number, weight: number) => void): void {
    this.compress();
    for (let i = 0; i < this.centroids; i++) fn(this.means[i], this.weights[i]);
  }

  toArray(): Float64Array {
    this.compress();
    const n = this.centroids;
    const out = new Float64Array(4 + 2 * n);
    out[0] = this.totalWeight;
    out[1] = this.lo;
    out[2] = this.hi;
    out[3] = n;
    out.set(this.means.subarray(0, n), 4);
    out.set(this.weights.subarray(0, n), 4 + n);
    return out;
  }

  fromArray(a: Float64Array): void {
    const n = a[3];
    if (a.length !== 4 + 2 * n || n > this.capacity) throw new Error('t-digest state: size mismatch');
    this.totalWeight = a[0];
    this.lo = a[1];
    this.hi = a[2];
    this.centroids = n;
    this.buffered = 0;
    this.means.set(a.subarray(4, 4 + n));
    this.weights.set(a.subarray(4 + n, 4 + 2 * n));
    this.prefix();
  }

  reset(): void {
    this.centroids = this.buffered = 0;
    this.totalWeight = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }
}

/** Largest cumulative fraction a centroid starting at q may reach: k1(q_end) = k1(q) + 1. */
function qLimit(q: number, delta: number): number {
  const angle = Math.asin(Math.max(-1, Math.min(1, 2 * q - 1))) + (2 * Math.PI) / delta;
  return angle >= Math.PI / 2 ? 1 : (Math.sin(angle) + 1) / 2;
}
