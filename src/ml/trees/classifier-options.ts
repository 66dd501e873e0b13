// Options shared by the classification trees (HT, HAT, and ARF's member trees), named after
// River's HoeffdingTreeClassifier arguments.
import type { SplitCriterion } from './split-criterion.js';

export type LeafPrediction = 'mc' | 'nb' | 'nba';

export interface ClassifierTreeOptions {
  gracePeriod: number;
  /** Infinity when unlimited (River's max_depth=None). */
  maxDepth: number;
  splitCriterion: SplitCriterion;
  /** Hoeffding bound confidence (River's delta, MOA's split confidence). */
  delta: number;
  /** Tie threshold. */
  tau: number;
  leafPrediction: LeafPrediction;
  nbThreshold: number;
  minBranchFraction: number;
  maxShareToSplit: number;
  /** Candidate cut points per feature in the Gaussian splitter. */
  nSplits: number;
}
