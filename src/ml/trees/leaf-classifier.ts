// A classification leaf: class weights, one Gaussian observer per (monitored feature, class),
// and the naive-Bayes-adaptive bookkeeping (River's LeafNaiveBayesAdaptive). Learning and
// predicting touch only preallocated arrays; a new class or a split allocates.
import type { ClassifierTreeOptions, LeafPrediction } from './classifier-options.js';
import { CELL, cellWeightLeft, initCells, LOG_2PI, LOG_MISS, updateCell } from './gaussian-observer.js';
import { hoeffdingBound, impurity, meritRange, splitMerit } from './split-criterion.js';

/** Scratch for split search, owned by a tree; arrays hold at least `nc` classes. */
export class SplitSearch {
  feature = -1;
  threshold = 0;
  merit = -Infinity;
  second = -Infinity;
  left = new Float64Array(2);
  right = new Float64Array(2);
  tmpLeft = new Float64Array(2);
  tmpRight = new Float64Array(2);
  /** Per-class scratch for naive-Bayes scores. */
  scores = new Float64Array(2);

  ensure(nc: number): void {
    if (this.left.length >= nc) return;
    this.left = new Float64Array(nc);
    this.right = new Float64Array(nc);
    this.tmpLeft = new Float64Array(nc);
    this.tmpRight = new Float64Array(nc);
    this.scores = new Float64Array(nc);
  }
}

export class LeafClassifier {
  readonly isLeaf = true;
  /** Classes this leaf has room for (grows when a new class reaches it). */
  nc: number;
  counts: Float64Array;
  total = 0;
  lastSplitAt = 0;
  mcCorrect = 0;
  nbCorrect = 0;
  active = true;
  /** Gaussian cells, feature-major: cell (f, c) starts at (f * nc + c) * CELL. */
  obs: Float64Array;

  constructor(
    public depth: number,
    nc: number,
    /** Features this leaf observes: all of them, or ARF's random subspace. */
    public feats: Int32Array,
    counts?: Float64Array,
  ) {
    this.nc = nc;
    this.counts = counts ?? new Float64Array(nc);
    for (let c = 0; c < nc; c++) this.total += this.counts[c];
    this.lastSplitAt = this.total;
    this.obs = new Float64Array(feats.length * nc * CELL);
    initCells(this.obs);
  }

  ensureClasses(nc: number): void {
    if (nc <= this.nc) return;
    const counts = new Float64Array(nc);
    counts.set(this.counts);
    if (this.active) {
      const obs = new Float64Array(this.feats.length * nc * CELL);
      initCells(obs);
      for (let f = 0; f < this.feats.length; f++) {
        obs.set(this.obs.subarray(f * this.nc * CELL, (f + 1) * this.nc * CELL), f * nc * CELL);
      }
      this.obs = obs;
    }
    this.counts = counts;
    this.nc = nc;
  }

  deactivate(): void {
    this.active = false;
    this.obs = new Float64Array(0);
  }

  learn(x: Float64Array, y: number, w: number, mode: LeafPrediction, search: SplitSearch): void {
    if (mode === 'nba' && this.active) {
      // Score majority class and naive Bayes on the example before learning it.
      if (this.total === 0 || this.majorityClass() === y) this.mcCorrect += w;
      if (this.total > 0 && this.nbArgmax(x, search.scores) === y) this.nbCorrect += w;
    }
    this.counts[y] += w;
    this.total += w;
    if (!this.active) return;
    const nc = this.nc;
    const feats = this.feats;
    for (let f = 0; f < feats.length; f++) {
      const v = x[feats[f]];
      if (v === v) updateCell(this.obs, (f * nc + y) * CELL, v, w);
    }
  }

  majorityClass(): number {
    let best = 0;
    for (let c = 1; c < this.nc; c++) if (this.counts[c] > this.counts[best]) best = c;
    return best;
  }

  /** Naive-Bayes log scores into out[0..nc); a class never seen here scores -Infinity. */
  nbScores(x: Float64Array, out: Float64Array): void {
    const nc = this.nc;
    const feats = this.feats;
    const obs = this.obs;
    for (let c = 0; c < nc; c++) {
      const n = this.counts[c];
      if (!(n > 0)) {
        out[c] = -Infinity;
        continue;
      }
      let s = Math.log(n / this.total);
      for (let f = 0; f < feats.length; f++) {
        const v = x[feats[f]];
        const o = (f * nc + c) * CELL;
        const w = obs[o];
        if (v !== v || !(w > 0)) continue;
        // Normal log density, inlined by hand (this loop is the hot path of learn and predict).
        // Log space keeps far-away values from underflowing to 0, which River counts as log 1.
        const variance = w > 1 ? obs[o + 2] / (w - 1) : 0;
        if (variance > 0) {
          const d = v - obs[o + 1];
          s -= 0.5 * (LOG_2PI + Math.log(variance)) + (d * d) / (2 * variance);
        } else if (v !== obs[o + 1]) {
          s += LOG_MISS;
        }
      }
      out[c] = s;
    }
  }

  private nbArgmax(x: Float64Array, scores: Float64Array): number {
    this.nbScores(x, scores);
    let best = 0;
    for (let c = 1; c < this.nc; c++) if (scores[c] > scores[best]) best = c;
    return best;
  }

  usesNaiveBayes(mode: LeafPrediction, nbThreshold: number): boolean {
    if (!this.active || this.total <= 0) return false;
    if (mode === 'nb') return this.total >= nbThreshold;
    return mode === 'nba' && this.nbCorrect >= this.mcCorrect;
  }

  /** Class probabilities into out[0..out.length); all zero before any example. */
  predictProba(x: Float64Array, out: Float64Array, mode: LeafPrediction, nbThreshold: number, search: SplitSearch): void {
    out.fill(0);
    const n = Math.min(out.length, this.nc);
    if (this.total <= 0) return;
    if (!this.usesNaiveBayes(mode, nbThreshold)) {
      let s = 0;
      for (let c = 0; c < n; c++) s += this.counts[c];
      if (s > 0) for (let c = 0; c < n; c++) out[c] = this.counts[c] / s;
      return;
    }
    const scores = search.scores;
    this.nbScores(x, scores);
    let max = -Infinity;
    for (let c = 0; c < n; c++) if (scores[c] > max) max = scores[c];
    if (max === -Infinity) return;
    let s = 0;
    for (let c = 0; c < n; c++) {
      const e = Math.exp(scores[c] - max);
      out[c] = e;
      s += e;
    }
    for (let c = 0; c < n; c++) out[c] /= s;
  }

  /**
   * The class predictProba would rank first, without normalising (no exp): -1 before any
   * example. Ties go to the lower class, as in predictProba's arg-max.
   */
  predictClass(x: Float64Array, mode: LeafPrediction, nbThreshold: number, search: SplitSearch): number {
    if (this.total <= 0) return -1;
    if (!this.usesNaiveBayes(mode, nbThreshold)) return this.majorityClass();
    return this.nbArgmax(x, search.scores);
  }

  classesSeen(): number {
    let k = 0;
    for (let c = 0; c < this.nc; c++) if (this.counts[c] > 0) k++;
    return k;
  }

  /**
   * Best binary cut per feature from the Gaussian observers (n_splits equal-width candidates
   * between the overall min and max), leaving the winner and the runner-up merit in `s`.
   */
  searchSplits(opts: ClassifierTreeOptions, s: SplitSearch): void {
    s.feature = -1;
    s.merit = -Infinity;
    s.second = -Infinity;
    const nc = this.nc;
    const obs = this.obs;
    const L = s.tmpLeft;
    const R = s.tmpRight;
    const pre = impurity(opts.splitCriterion, this.counts, nc);
    for (let f = 0; f < this.feats.length; f++) {
      let min = Infinity;
      let max = -Infinity;
      for (let c = 0; c < nc; c++) {
        const o = (f * nc + c) * CELL;
        if (obs[o] <= 0) continue;
        if (obs[o + 3] < min) min = obs[o + 3];
        if (obs[o + 4] > max) max = obs[o + 4];
      }
      if (!(min < max)) continue;
      let bestMerit = -Infinity;
      let bestCut = 0;
      const bin = (max - min) / (opts.nSplits + 1);
      for (let i = 1; i <= opts.nSplits; i++) {
        const cut = min + bin * i;
        if (!(cut > min && cut < max)) continue;
        for (let c = 0; c < nc; c++) {
          const o = (f * nc + c) * CELL;
          const l = cellWeightLeft(obs, o, cut);
          L[c] = l;
          R[c] = obs[o] - l;
        }
        const m = splitMerit(opts.splitCriterion, pre, L, R, nc, opts.minBranchFraction);
        if (m > bestMerit) {
          bestMerit = m;
          bestCut = cut;
        }
      }
      if (bestMerit === -Infinity) continue;
      if (bestMerit > s.merit) {
        s.second = s.merit;
        s.merit = bestMerit;
        s.feature = this.feats[f];
        s.threshold = bestCut;
        // Recompute the winner's class split for the children's starting counts.
        for (let c = 0; c < nc; c++) {
          const o = (f * nc + c) * CELL;
          const l = cellWeightLeft(obs, o, bestCut);
          s.left[c] = l;
          s.right[c] = obs[o] - l;
        }
      } else if (bestMerit > s.second) {
        s.second = bestMerit;
      }
    }
  }

  /**
   * River's split attempt: skip pure or near-pure leaves (max_share_to_split), then split when
   * the best merit beats the runner-up by the Hoeffding bound, or the bound is below tau.
   */
  shouldSplit(opts: ClassifierTreeOptions, s: SplitSearch): boolean {
    if (this.classesSeen() < 2) return false;
    if (this.counts[this.majorityClass()] / this.total > opts.maxShareToSplit) return false;
    this.searchSplits(opts, s);
    if (s.feature < 0 || !(s.merit > 0)) return false;
    const hb = hoeffdingBound(meritRange(opts.splitCriterion, this.classesSeen()), opts.delta, this.total);
    return s.merit - s.second > hb || hb < opts.tau;
  }

  stateBytes(): number {
    return 96 + this.counts.byteLength + this.obs.byteLength + this.feats.byteLength;
  }
}
