// Mergeable quantile sketch: Dunning's merging t-digest with the k1 (arcsine) scale function, so
// the tails keep high resolution (p99 and p999 are what anomaly thresholds ask for). New values
// go into a small buffer kept sorted by insertion; when it fills, buffer and centroids are merged
// (two sorted runs, no sort) into a second pair of arrays and the roles swap. Rank queries read
// the buffer exactly, so alternating add/cdf (score-then-learn) never forces a compression.
// All storage is allocated up front.

export class TDigest {
  private means: Float64Array;
  private weights: Float64Array;
  private altMeans: Float64Array;
  private altWeights: Float64Array;
  /** Weight before each centroid. */
  private cum: Float64Array;
  private centroids = 0;
  private readonly bufMeans: Float64Array;
  private readonly bufWeights: Float64Array;
  private buffered = 0;
  /** True while every buffered weight is 1 (then ranks in the buffer are index arithmetic). */
  private bufferUnit = true;
  private totalWeight = 0;
  private centroidWeight = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(readonly compression = 100) {
    if (!(compression >= 10)) throw new Error('t-digest compression must be >= 10');
    // k1 keeps at most about `compression` centroids (2x to be safe).
    const cap = 2 * Math.ceil(compression) + 8;
    const buf = Math.ceil(compression);
    this.means = new Float64Array(cap + buf);
    this.weights = new Float64Array(cap + buf);
    this.altMeans = new Float64Array(cap + buf);
    this.altWeights = new Float64Array(cap + buf);
    this.cum = new Float64Array(cap + buf);
    this.bufMeans = new Float64Array(buf);
    this.bufWeights = new Float64Array(buf);
  }

  get count(): number { return this.totalWeight; }
  get min(): number { return this.totalWeight > 0 ? this.lo : NaN; }
  get max(): number { return this.totalWeight > 0 ? this.hi : NaN; }

  add(x: number, w = 1): void {
    if (Number.isNaN(x) || !(w > 0)) return;
    if (this.buffered === this.bufMeans.length) this.compress();
    // Insert in order (the buffer is short: a shift is cheaper than a later sort).
    const bm = this.bufMeans, bw = this.bufWeights;
    let i = this.buffered++;
    while (i > 0 && bm[i - 1] > x) {
      bm[i] = bm[i - 1];
      bw[i] = bw[i - 1];
      i--;
    }
    bm[i] = x;
    bw[i] = w;
    if (w !== 1) this.bufferUnit = false;
    this.totalWeight += w;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  merge(other: TDigest): void {
    for (let i = 0; i < other.centroids; i++) this.add(other.means[i], other.weights[i]);
    for (let i = 0; i < other.buffered; i++) this.add(other.bufMeans[i], other.bufWeights[i]);
  }

  /** Folds the buffer into the centroids. */
  compress(): void {
    if (this.buffered === 0) return;
    const total = this.totalWeight;
    const delta = this.compression;
    const am = this.means, aw = this.weights, bm = this.bufMeans, bw = this.bufWeights;
    const om = this.altMeans, ow = this.altWeights;
    const na = this.centroids, nb = this.buffered;
    let ia = 0, ib = 0, out = -1;
    let wSoFar = 0, limit = 0;
    let curMean = 0, curWeight = 0;
    while (ia < na || ib < nb) {
      let m: number, w: number;
      if (ib >= nb || (ia < na && am[ia] <= bm[ib])) { m = am[ia]; w = aw[ia++]; }
      else { m = bm[ib]; w = bw[ib++]; }
      if (out >= 0 && wSoFar + curWeight + w <= limit) {
        curWeight += w;
        curMean += ((m - curMean) * w) / curWeight;
        continue;
      }
      if (out >= 0) {
        om[out] = curMean;
        ow[out] = curWeight;
        wSoFar += curWeight;
      }
      out++;
      limit = total * qLimit(wSoFar / total, delta);
      curMean = m;
      curWeight = w;
    }
    om[out] = curMean;
    ow[out] = curWeight;
    this.centroids = out + 1;
    this.buffered = 0;
    this.bufferUnit = true;
    this.centroidWeight = total;
    this.means = om;
    this.weights = ow;
    this.altMeans = am;
    this.altWeights = aw;
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
    for (let i = 0; i < n - 1; i++) {
      const left = this.cum[i] + weights[i] / 2;
      const right = this.cum[i + 1] + weights[i + 1] / 2;
      if (index < right) return means[i] + (means[i + 1] - means[i]) * ((index - left) / (right - left));
    }
    const lastCentre = this.totalWeight - weights[n - 1] / 2;
    const rest = this.totalWeight - lastCentre;
    return means[n - 1] + (this.hi - means[n - 1]) * (rest > 0 ? (index - lastCentre) / rest : 0);
  }

  /** Fraction of the weight below `x`, counting values equal to `x` as half (mid-rank). */
  cdf(x: number): number {
    if (this.totalWeight === 0 || Number.isNaN(x)) return NaN;
    if (x < this.lo) return 0;
    if (x > this.hi) return 1;
    if (this.lo === this.hi) return 0.5;
    return (this.centroidWeightBelow(x) + this.bufferWeightBelow(x)) / this.totalWeight;
  }

  /** Exact mid-rank weight of the buffered values below x. */
  private bufferWeightBelow(x: number): number {
    const bm = this.bufMeans, bw = this.bufWeights;
    if (this.bufferUnit) {
      const below = lowerBound(bm, this.buffered, x);
      let equal = 0;
      while (below + equal < this.buffered && bm[below + equal] === x) equal++;
      return below + equal / 2;
    }
    let s = 0;
    for (let i = 0; i < this.buffered; i++) {
      const m = bm[i];
      if (m > x) break;
      s += m < x ? bw[i] : bw[i] / 2;
    }
    return s;
  }

  /** Interpolated mid-rank weight of the centroids below x. */
  private centroidWeightBelow(x: number): number {
    const n = this.centroids;
    if (n === 0) return 0;
    const { means, weights, cum } = this;
    const total = this.centroidWeight;
    const i = lowerBound(means, n, x);
    if (i < n && means[i] === x) {
      // Centroids at exactly x form one point mass: count half of it.
      let j = i, w = 0;
      while (j < n && means[j] === x) w += weights[j++];
      return cum[i] + w / 2;
    }
    if (i === 0) return (weights[0] / 2) * ((x - this.lo) / (means[0] - this.lo));
    const ca = cum[i - 1] + weights[i - 1] / 2;
    if (i === n) return ca + (total - ca) * ((x - means[n - 1]) / (this.hi - means[n - 1]));
    const cb = cum[i] + weights[i] / 2;
    return ca + (cb - ca) * ((x - means[i - 1]) / (means[i] - means[i - 1]));
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
    if (a.length !== 4 + 2 * n || n > this.means.length) throw new Error('t-digest state: size mismatch');
    this.totalWeight = this.centroidWeight = a[0];
    this.lo = a[1];
    this.hi = a[2];
    this.centroids = n;
    this.buffered = 0;
    this.means.set(a.subarray(4, 4 + n));
    this.weights.set(a.subarray(4 + n, 4 + 2 * n));
    this.prefix();
  }

  /** Approximate memory in bytes. */
  stateBytes(): number {
    return 8 * (5 * this.means.length + 2 * this.bufMeans.length);
  }

  reset(): void {
    this.centroids = this.buffered = 0;
    this.bufferUnit = true;
    this.totalWeight = this.centroidWeight = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }
}

/** Index of the first of a[0..n) that is >= x (a sorted). */
function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Largest cumulative fraction a centroid starting at q may reach: k1(q_end) = k1(q) + 1. */
function qLimit(q: number, delta: number): number {
  const angle = Math.asin(Math.max(-1, Math.min(1, 2 * q - 1))) + (2 * Math.PI) / delta;
  return angle >= Math.PI / 2 ? 1 : (Math.sin(angle) + 1) / 2;
}
