// Split merits for classification over class-weight arrays (River's InfoGainSplitCriterion and
// GiniSplitCriterion). Both are written as gains (pre - weighted post), so "no useful split" is a
// merit of 0 for either; the Hoeffding test only looks at differences, which are the same.

export type SplitCriterion = 'info_gain' | 'gini';

function sum(d: Float64Array, nc: number): number {
  let s = 0;
  for (let c = 0; c < nc; c++) s += d[c];
  return s;
}

function entropy(d: Float64Array, nc: number): number {
  let s = 0;
  let h = 0;
  for (let c = 0; c < nc; c++) {
    const v = d[c];
    if (v > 0) {
      h -= v * Math.log2(v);
      s += v;
    }
  }
  return s > 0 ? (h + s * Math.log2(s)) / s : 0;
}

function gini(d: Float64Array, nc: number): number {
  const s = sum(d, nc);
  if (s <= 0) return 0;
  let g = 1;
  for (let c = 0; c < nc; c++) {
    const p = d[c] / s;
    g -= p * p;
  }
  return g;
}

/** Impurity of the distribution before the split: computed once per split attempt. */
export function impurity(criterion: SplitCriterion, d: Float64Array, nc: number): number {
  return criterion === 'gini' ? gini(d, nc) : entropy(d, nc);
}

/**
 * Merit of a binary split of a distribution with impurity `pre` into `left` and `right`. Info
 * gain demands at least two branches with more than `minBranchFraction` of the weight (River's
 * min_branch_fraction); Gini does not, as in River.
 */
export function splitMerit(
  criterion: SplitCriterion,
  pre: number,
  left: Float64Array,
  right: Float64Array,
  nc: number,
  minBranchFraction: number,
): number {
  const wl = sum(left, nc);
  const wr = sum(right, nc);
  const w = wl + wr;
  if (w <= 0) return -Infinity;
  if (criterion === 'gini') return pre - (wl / w) * gini(left, nc) - (wr / w) * gini(right, nc);
  if (!(wl / w > minBranchFraction && wr / w > minBranchFraction)) return -Infinity;
  return pre - (wl * entropy(left, nc) + wr * entropy(right, nc)) / w;
}

/** The range R in the Hoeffding bound: log2(#classes) for entropy, 1 for Gini. */
export function meritRange(criterion: SplitCriterion, classesSeen: number): number {
  return criterion === 'gini' ? 1 : Math.log2(Math.max(2, classesSeen));
}

/** epsilon = sqrt(R^2 ln(1/delta) / 2n). */
export function hoeffdingBound(range: number, delta: number, n: number): number {
  return Math.sqrt((range * range * Math.log(1 / delta)) / (2 * n));
}
