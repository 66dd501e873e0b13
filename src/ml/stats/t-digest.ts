// Mergeable quantile sketch: Dunning's merging t-digest with the k1 (arcsine) scale function, so
// the tails keep high resolution (p99 and p999 are what anomaly thresholds ask for). New values
// go into a small buffer kept sorted by insertion; when it fills, buffer and centroids are merged
// (two sorted runs, no sort) through a scratch shared by all digests. Rank and quantile queries
// read the buffer without compressing it, so reading never changes the state (a restored digest
// continues exactly as the original; score-then-learn never forces a compression). The arrays
// grow on demand to what compression allows, and prefix sums and non-unit buffer weights exist
// only once needed: QUANTILE keeps one digest per SQL group, most of them small. This is the one
// t-digest: models use toArray/fromArray, the QUANTILE aggregate toJSON/fromJSON (the plain form
// its changelog stores).

/** The plain form a SQL aggregate's changelog stores (lo and hi are 0 while empty). */
export interface TDigestJSON {
  n: number;
  lo: number;
  hi: number;
  /** Centroids, ascending by mean. */
  means: number[];
  weights: number[];
  /** Values not yet compressed, ascending; of weight 1 unless bufferWeights says otherwise. */
  buffer: number[];
  bufferWeights?: number[];
}

const NONE = new Float64Array(0);

export class TDigest {
  private means: Float64Array = NONE;
  private weights: Float64Array = NONE;
  /** Weight before each centroid (for cdf; rebuilt when stale). */
  private cum: Float64Array = NONE;
  private cumStale = false;
  private centroids = 0;
  private bufMeans: Float64Array = NONE;
  /** Buffered weights; null while all are 1. */
  private bufWeights: Float64Array | null = null;
  private buffered = 0;
  private readonly bufferCap: number;
  private totalWeight = 0;
  private centroidWeight = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(readonly compression = 100) {
    if (!(compression >= 10)) throw new Error('t-digest compression must be >= 10');
    this.bufferCap = Math.ceil(compression);
  }

  get count(): number { return this.totalWeight; }
  get min(): number { return this.totalWeight > 0 ? this.lo : NaN; }
  get max(): number { return this.totalWeight > 0 ? this.hi : NaN; }

  add(x: number, w = 1): void {
    if (Number.isNaN(x) || !(w > 0)) return;
    if (this.buffered === this.bufMeans.length) {
      if (this.buffered >= this.bufferCap) this.compress();
      else this.growBuffer(Math.min(this.bufferCap, Math.max(8, 2 * this.bufMeans.length)));
    }
    if (w !== 1 && this.bufWeights === null) this.bufWeights = new Float64Array(this.bufMeans.length).fill(1);
    // Insert in order (the buffer is short: a shift is cheaper than a later sort).
    const bm = this.bufMeans, bw = this.bufWeights;
    let i = this.buffered++;
    if (bw === null) {
      while (i > 0 && bm[i - 1] > x) {
        bm[i] = bm[i - 1];
        i--;
      }
    } else {
      while (i > 0 && bm[i - 1] > x) {
        bm[i] = bm[i - 1];
        bw[i] = bw[i - 1];
        i--;
      }
      bw[i] = w;
    }
    bm[i] = x;
    this.totalWeight += w;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * this ← this ∪ other, as Dunning's MergingDigest merges digests: every centroid and buffered
   * value of both, sorted by mean (ties: this first), compressed in one pass. other is unchanged.
   */
  merge(other: TDigest): void {
    if (other.totalWeight === 0) return;
    if (this.totalWeight === 0) { this.copyFrom(other); return; }
    const m: number[] = [], w: number[] = [];
    for (const d of [this, other]) {
      for (let i = 0; i < d.centroids; i++) { m.push(d.means[i]); w.push(d.weights[i]); }
      for (let i = 0; i < d.buffered; i++) { m.push(d.bufMeans[i]); w.push(d.bufWeights === null ? 1 : d.bufWeights[i]); }
    }
    const order = m.map((_, i) => i).sort((i, j) => m[i] - m[j] || i - j);
    const total = this.totalWeight + other.totalWeight;
    const sc = scratchFor(m.length);
    const n = compressRuns(
      Float64Array.from(order, (i) => m[i]), Float64Array.from(order, (i) => w[i]), m.length,
      NONE, null, 0, total, this.compression, sc.means, sc.weights,
    );
    this.takeFromScratch(n, total);
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  /** a ∪ b as a new digest; neither input changes (an empty side gives a copy of the other). */
  static merged(a: TDigest, b: TDigest): TDigest {
    const out = new TDigest(a.compression);
    out.copyFrom(a);
    out.merge(b);
    return out;
  }

  /** Folds the buffer into the centroids. */
  compress(): void {
    if (this.buffered === 0) return;
    const sc = scratchFor(this.centroids + this.buffered);
    const n = compressRuns(
      this.means, this.weights, this.centroids, this.bufMeans, this.bufWeights, this.buffered,
      this.totalWeight, this.compression, sc.means, sc.weights,
    );
    this.takeFromScratch(n, this.totalWeight);
  }

  /** Makes the n centroids just written to the scratch this digest's, with an empty buffer. */
  private takeFromScratch(n: number, total: number): void {
    this.ensureCentroidRoom(n);
    this.means.set(scratch.means.subarray(0, n));
    this.weights.set(scratch.weights.subarray(0, n));
    this.centroids = n;
    this.buffered = 0;
    this.bufWeights = null;
    this.totalWeight = this.centroidWeight = total;
    this.cumStale = true;
  }

  private prefix(): void {
    if (this.cum.length < this.centroids) this.cum = new Float64Array(this.means.length);
    let c = 0;
    for (let i = 0; i < this.centroids; i++) {
      this.cum[i] = c;
      c += this.weights[i];
    }
    this.cumStale = false;
  }

  /** Room for n centroids (the current ones are dropped: callers overwrite them). */
  private ensureCentroidRoom(n: number): void {
    if (n <= this.means.length) return;
    const cap = Math.max(n, Math.min(2 * this.means.length, 2 * Math.ceil(this.compression) + 8));
    this.means = new Float64Array(cap);
    this.weights = new Float64Array(cap);
  }

  private growBuffer(cap: number): void {
    const m = new Float64Array(cap);
    m.set(this.bufMeans.subarray(0, this.buffered));
    this.bufMeans = m;
    if (this.bufWeights !== null) {
      const w = new Float64Array(cap);
      w.set(this.bufWeights.subarray(0, this.buffered));
      this.bufWeights = w;
    }
  }

  /** The q-quantile, interpolating between centroid centres (and min/max at the ends). */
  quantile(q: number): number {
    if (this.totalWeight === 0 || Number.isNaN(q)) return NaN;
    if (q <= 0) return this.lo;
    if (q >= 1) return this.hi;
    let means = this.means, weights = this.weights, n = this.centroids;
    if (this.buffered > 0) {
      // A compressed copy in the shared scratch: the state stays as it is.
      const sc = scratchFor(this.centroids + this.buffered);
      n = compressRuns(
        this.means, this.weights, this.centroids, this.bufMeans, this.bufWeights, this.buffered,
        this.totalWeight, this.compression, sc.means, sc.weights,
      );
      means = sc.means;
      weights = sc.weights;
    }
    const total = this.totalWeight;
    const index = q * total;
    if (index < weights[0] / 2) return this.lo + (means[0] - this.lo) * (index / (weights[0] / 2));
    let cum = 0;
    for (let i = 0; i < n - 1; i++) {
      const left = cum + weights[i] / 2;
      const right = cum + weights[i] + weights[i + 1] / 2;
      if (index < right) return means[i] + (means[i + 1] - means[i]) * ((index - left) / (right - left));
      cum += weights[i];
    }
    const lastCentre = total - weights[n - 1] / 2;
    const rest = total - lastCentre;
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
    if (bw === null) {
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
    if (this.cumStale) this.prefix();
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

  /**
   * Model snapshots: [count, min, max, centroids n, means..., weights..., buffered m, 1 if the
   * buffer has weights else 0, buffered values..., their weights...]. The buffer is kept as it
   * is, not compressed first: a snapshot must not change the digest, or what a model scores
   * would depend on when its service happened to checkpoint. Reads the older form without
   * the buffer part.
   */
  toArray(): Float64Array {
    const n = this.centroids;
    const m = this.buffered;
    const bw = this.bufWeights;
    const out = new Float64Array(6 + 2 * n + (bw === null ? m : 2 * m));
    out[0] = this.totalWeight;
    out[1] = this.lo;
    out[2] = this.hi;
    out[3] = n;
    out.set(this.means.subarray(0, n), 4);
    out.set(this.weights.subarray(0, n), 4 + n);
    out[4 + 2 * n] = m;
    out[5 + 2 * n] = bw === null ? 0 : 1;
    out.set(this.bufMeans.subarray(0, m), 6 + 2 * n);
    if (bw !== null) out.set(bw.subarray(0, m), 6 + 2 * n + m);
    return out;
  }

  fromArray(a: Float64Array): void {
    const n = a[3];
    if (!Number.isInteger(n) || n < 0 || a.length < 4 + 2 * n) throw new Error('t-digest state: size mismatch');
    const old = a.length === 4 + 2 * n;
    const m = old ? 0 : a[4 + 2 * n];
    const weighted = !old && a[5 + 2 * n] === 1;
    if (!old && (!Number.isInteger(m) || m < 0 || m > this.bufferCap || a.length !== 6 + 2 * n + (weighted ? 2 * m : m))) {
      throw new Error('t-digest state: size mismatch');
    }
    this.ensureCentroidRoom(n);
    this.totalWeight = a[0];
    this.lo = a[1];
    this.hi = a[2];
    this.centroids = n;
    this.means.set(a.subarray(4, 4 + n));
    this.weights.set(a.subarray(4 + n, 4 + 2 * n));
    this.cumStale = true;
    if (m > this.bufMeans.length) this.growBuffer(Math.min(this.bufferCap, Math.max(8, m)));
    const at = 6 + 2 * n;
    this.bufMeans.set(a.subarray(at, at + m));
    let bufferWeight = m;
    if (weighted) {
      this.bufWeights = new Float64Array(this.bufMeans.length).fill(1);
      this.bufWeights.set(a.subarray(at + m, at + 2 * m));
      bufferWeight = 0;
      for (let i = 0; i < m; i++) bufferWeight += this.bufWeights[i];
    } else {
      this.bufWeights = null;
    }
    this.buffered = m;
    this.centroidWeight = this.totalWeight - bufferWeight;
  }

  /** The plain form of the QUANTILE aggregate's changelog; the buffer stays uncompressed. */
  toJSON(): TDigestJSON {
    const empty = this.totalWeight === 0;
    const out: TDigestJSON = {
      n: this.totalWeight,
      lo: empty ? 0 : this.lo,
      hi: empty ? 0 : this.hi,
      means: Array.from(this.means.subarray(0, this.centroids)),
      weights: Array.from(this.weights.subarray(0, this.centroids)),
      buffer: Array.from(this.bufMeans.subarray(0, this.buffered)),
    };
    if (this.bufWeights !== null) out.bufferWeights = Array.from(this.bufWeights.subarray(0, this.buffered));
    return out;
  }

  static fromJSON(j: TDigestJSON, compression = 100): TDigest {
    const nc = j.means.length, nb = j.buffer.length;
    if (j.weights.length !== nc || (j.bufferWeights !== undefined && j.bufferWeights.length !== nb)) {
      throw new Error('t-digest state: size mismatch');
    }
    const d = new TDigest(compression);
    d.ensureCentroidRoom(nc);
    d.means.set(j.means);
    d.weights.set(j.weights);
    d.centroids = nc;
    d.cumStale = true;
    if (nb > d.bufMeans.length) d.growBuffer(Math.max(nb, Math.min(d.bufferCap, 8)));
    d.bufMeans.set(j.buffer);
    let bufferWeight = nb;
    if (j.bufferWeights) {
      d.bufWeights = new Float64Array(d.bufMeans.length).fill(1);
      d.bufWeights.set(j.bufferWeights);
      bufferWeight = j.bufferWeights.reduce((s, w) => s + w, 0);
    }
    d.buffered = nb;
    d.totalWeight = j.n;
    d.centroidWeight = j.n - bufferWeight;
    if (j.n > 0) { d.lo = j.lo; d.hi = j.hi; }
    return d;
  }

  private copyFrom(o: TDigest): void {
    this.ensureCentroidRoom(o.centroids);
    this.means.set(o.means.subarray(0, o.centroids));
    this.weights.set(o.weights.subarray(0, o.centroids));
    this.centroids = o.centroids;
    this.cumStale = true;
    this.buffered = 0;
    this.bufWeights = null;
    if (o.buffered > this.bufMeans.length) this.growBuffer(o.buffered);
    this.bufMeans.set(o.bufMeans.subarray(0, o.buffered));
    if (o.bufWeights !== null) this.bufWeights = o.bufWeights.slice();
    this.buffered = o.buffered;
    this.totalWeight = o.totalWeight;
    this.centroidWeight = o.centroidWeight;
    this.lo = o.lo;
    this.hi = o.hi;
  }

  /** Approximate memory in bytes. */
  stateBytes(): number {
    return 8 * (this.means.length + this.weights.length + this.cum.length + this.bufMeans.length + (this.bufWeights?.length ?? 0));
  }

  reset(): void {
    this.centroids = this.buffered = 0;
    this.bufWeights = null;
    this.totalWeight = this.centroidWeight = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }
}

/** Where compressions write; shared by all digests, as nothing runs between its write and read. */
let scratch = { means: NONE, weights: NONE };

function scratchFor(n: number): typeof scratch {
  if (scratch.means.length < n) scratch = { means: new Float64Array(2 * n), weights: new Float64Array(2 * n) };
  return scratch;
}

/**
 * Merges run A (am, aw, na) and run B (bm, bw, nb), both ascending, into centroids of at most
 * the k1 size limit; writes them to outM/outW and returns how many. On equal means A's comes first.
 */
function compressRuns(
  am: Float64Array, aw: Float64Array, na: number,
  bm: Float64Array, bw: Float64Array | null, nb: number,
  total: number, delta: number, outM: Float64Array, outW: Float64Array,
): number {
  let ia = 0, ib = 0, out = -1;
  let wSoFar = 0, limit = 0;
  let curMean = 0, curWeight = 0;
  while (ia < na || ib < nb) {
    let m: number, w: number;
    if (ib >= nb || (ia < na && am[ia] <= bm[ib])) { m = am[ia]; w = aw[ia++]; }
    else { m = bm[ib]; w = bw === null ? 1 : bw[ib]; ib++; }
    if (out >= 0 && wSoFar + curWeight + w <= limit) {
      curWeight += w;
      curMean += ((m - curMean) * w) / curWeight;
      continue;
    }
    if (out >= 0) {
      outM[out] = curMean;
      outW[out] = curWeight;
      wSoFar += curWeight;
    }
    out++;
    limit = total * qLimit(wSoFar / total, delta);
    curMean = m;
    curWeight = w;
  }
  outM[out] = curMean;
  outW[out] = curWeight;
  return out + 1;
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
