// Exact ROC AUC: the probability that a random positive scores above a random negative, ties
// counting one half (the Mann-Whitney U statistic), computed by sorting. `ExactRocAuc` keeps the
// whole stream or the last `window` rows; the benchmark uses it, live metrics use StreamingRocAuc.
import { sortPairs } from '../stats/sort-pairs.js';

/** AUC of `scores` against 0/1 `labels`; NaN when either class is absent. Sorts copies. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const s = Float64Array.from(scores);
  const l = Float64Array.from(labels);
  return aucSorted(s, l, n);
}

/** Sorts (scores, labels) in place and returns the AUC. */
function aucSorted(s: Float64Array, l: Float64Array, n: number): number {
  sortPairs(s, l, 0, n);
  let pos = 0;
  for (let i = 0; i < n; i++) if (l[i] > 0) pos++;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  // Sum of positive ranks with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    let p = 0;
    while (j < n && s[j] === s[i]) { if (l[j] > 0) p++; j++; }
    rankSum += p * ((i + 1 + j) / 2);
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export class ExactRocAuc {
  private scores: Float64Array;
  private labels: Float64Array;
  private n = 0;
  private head = 0;
  private sortS: Float64Array;
  private sortL: Float64Array;

  /** window = 0 keeps every row (memory grows with the stream). */
  constructor(readonly window = 0) {
    const cap = window > 0 ? window : 1024;
    this.scores = new Float64Array(cap);
    this.labels = new Float64Array(cap);
    this.sortS = new Float64Array(0);
    this.sortL = new Float64Array(0);
  }

  update(label: number, score: number): void {
    if (this.window > 0) {
      this.scores[this.head] = score;
      this.labels[this.head] = label ? 1 : 0;
      this.head = (this.head + 1) % this.window;
      if (this.n < this.window) this.n++;
      return;
    }
    if (this.n === this.scores.length) {
      const s = new Float64Array(this.n * 2); s.set(this.scores); this.scores = s;
      const l = new Float64Array(this.n * 2); l.set(this.labels); this.labels = l;
    }
    this.scores[this.n] = score;
    this.labels[this.n] = label ? 1 : 0;
    this.n++;
  }

  get(): number {
    if (this.sortS.length < this.n) {
      this.sortS = new Float64Array(this.scores.length);
      this.sortL = new Float64Array(this.scores.length);
    }
    this.sortS.set(this.scores.subarray(0, this.n));
    this.sortL.set(this.labels.subarray(0, this.n));
    return aucSorted(this.sortS, this.sortL, this.n);
  }

  get count(): number { return this.n; }
}
