// Dunning's merging t-digest (k1 scale function) over plain data, so a SQL aggregate can hold it:
// the same buffer, compression and interpolation as src/ml/stats/t-digest.ts (TDigest), with
// centroids and the buffer as number arrays. New values go into a buffer kept sorted by
// insertion; a full buffer is merged into the centroids (two sorted runs) before the next value.
// Quantiles are read from a compressed copy in caller-owned scratch arrays, so reading never
// changes the state (a restored accumulator continues exactly as the original).

export interface TDigestState {
  /** Total weight (values seen), smallest and largest value (0 while empty). */
  n: number;
  lo: number;
  hi: number;
  /** Centroids, ascending by mean. */
  means: number[];
  weights: number[];
  /** Values not yet compressed, ascending (each of weight 1). */
  buffer: number[];
}

export const emptyTDigest = (): TDigestState => ({ n: 0, lo: 0, hi: 0, means: [], weights: [], buffer: [] });

/** Scratch for reading quantiles without touching the state; one per aggregator. */
export interface TDigestScratch { means: Float64Array; weights: Float64Array }

export function tdigestScratch(compression: number): TDigestScratch {
  const cap = 3 * Math.ceil(compression) + 16;
  return { means: new Float64Array(cap), weights: new Float64Array(cap) };
}

export function tdigestAdd(s: TDigestState, x: number, compression: number): void {
  if (s.buffer.length >= Math.ceil(compression)) compressState(s, compression);
  const b = s.buffer;
  let i = b.length;
  b.push(x);
  while (i > 0 && b[i - 1] > x) {
    b[i] = b[i - 1];
    i--;
  }
  b[i] = x;
  if (s.n === 0 || x < s.lo) s.lo = x;
  if (s.n === 0 || x > s.hi) s.hi = x;
  s.n++;
}

/** Folds the buffer into the centroids, in place. */
export function compressState(s: TDigestState, compression: number): void {
  if (s.buffer.length === 0) return;
  const means: number[] = [], weights: number[] = [];
  compressRuns(s.means, s.weights, s.means.length, s.buffer, null, s.buffer.length, s.n, compression, means, weights);
  s.means = means;
  s.weights = weights;
  s.buffer = [];
}

/** a ∪ b as a new, compressed digest; neither input changes. */
export function tdigestMerge(a: TDigestState, b: TDigestState, compression: number): TDigestState {
  if (b.n === 0) return copyTDigest(a);
  if (a.n === 0) return copyTDigest(b);
  // Every centroid and buffered value of both, as one run sorted by mean (ties keep a before b).
  const m: number[] = [], w: number[] = [];
  for (const d of [a, b]) {
    for (let i = 0; i < d.means.length; i++) { m.push(d.means[i]); w.push(d.weights[i]); }
    for (const x of d.buffer) { m.push(x); w.push(1); }
  }
  const order = m.map((_, i) => i).sort((i, j) => m[i] - m[j] || i - j);
  const sm = order.map((i) => m[i]), sw = order.map((i) => w[i]);
  const means: number[] = [], weights: number[] = [];
  compressRuns(sm, sw, sm.length, [], null, 0, a.n + b.n, compression, means, weights);
  return { n: a.n + b.n, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), means, weights, buffer: [] };
}

function copyTDigest(s: TDigestState): TDigestState {
  return { n: s.n, lo: s.lo, hi: s.hi, means: s.means.slice(), weights: s.weights.slice(), buffer: s.buffer.slice() };
}

/** The q-quantile (TDigest.quantile's interpolation); NaN when empty. */
export function tdigestQuantile(s: TDigestState, q: number, compression: number, scratch: TDigestScratch): number {
  if (s.n === 0) return NaN;
  if (q <= 0) return s.lo;
  if (q >= 1) return s.hi;
  let means: ArrayLike<number> = s.means, weights: ArrayLike<number> = s.weights, n = s.means.length;
  if (s.buffer.length > 0) {
    const need = s.means.length + s.buffer.length;
    if (scratch.means.length < need) {
      scratch.means = new Float64Array(2 * need);
      scratch.weights = new Float64Array(2 * need);
    }
    n = compressRuns(s.means, s.weights, s.means.length, s.buffer, null, s.buffer.length, s.n, compression, scratch.means, scratch.weights);
    means = scratch.means;
    weights = scratch.weights;
  }
  const total = s.n;
  const index = q * total;
  if (index < weights[0] / 2) return s.lo + (means[0] - s.lo) * (index / (weights[0] / 2));
  let cum = 0;
  for (let i = 0; i < n - 1; i++) {
    const left = cum + weights[i] / 2;
    const right = cum + weights[i] + weights[i + 1] / 2;
    if (index < right) return means[i] + (means[i + 1] - means[i]) * ((index - left) / (right - left));
    cum += weights[i];
  }
  const lastCentre = total - weights[n - 1] / 2;
  const rest = total - lastCentre;
  return means[n - 1] + (s.hi - means[n - 1]) * (rest > 0 ? (index - lastCentre) / rest : 0);
}

/**
 * Merges run A (means, weights, na) and run B (means, weights or null for all 1, nb), both
 * ascending, into centroids of at most the k1 size limit; writes them to outM/outW and returns
 * how many. As TDigest.compress: on equal means A's comes first.
 */
function compressRuns(
  am: ArrayLike<number>, aw: ArrayLike<number>, na: number,
  bm: ArrayLike<number>, bw: ArrayLike<number> | null, nb: number,
  total: number, delta: number,
  outM: { [i: number]: number }, outW: { [i: number]: number },
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

/** Largest cumulative fraction a centroid starting at q may reach: k1(q_end) = k1(q) + 1. */
function qLimit(q: number, delta: number): number {
  const angle = Math.asin(Math.max(-1, Math.min(1, 2 * q - 1))) + (2 * Math.PI) / delta;
  return angle >= Math.PI / 2 ? 1 : (Math.sin(angle) + 1) / 2;
}
