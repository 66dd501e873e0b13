// CREATE MODEL parameters of the classification trees, with River's names and defaults
// (ARF's member trees use other defaults, passed in by the forest).
import type { HyperParams } from '../online-model.js';
import { intParam, numParam, strParam, type ParamDocs } from '../params.js';
import type { ClassifierTreeOptions, LeafPrediction } from './classifier-options.js';
import type { SplitCriterion } from './split-criterion.js';

export interface ClassifierDefaults {
  gracePeriod: number;
  delta: number;
}

export const HT_DEFAULTS: ClassifierDefaults = { gracePeriod: 200, delta: 1e-7 };

export function classifierTreeParamDocs(d: ClassifierDefaults): ParamDocs {
  return {
    grace_period: { default: d.gracePeriod, doc: 'examples a leaf sees between split attempts' },
    max_depth: { default: 0, doc: 'maximum tree depth; 0 = unlimited (River: None)' },
    split_criterion: { default: 'info_gain', doc: "split merit: 'info_gain' or 'gini'" },
    delta: { default: d.delta, doc: 'Hoeffding bound confidence; smaller waits longer before splitting' },
    tau: { default: 0.05, doc: 'tie threshold: split anyway once the bound is below this' },
    leaf_prediction: { default: 'nba', doc: "leaf model: 'mc' majority class, 'nb' naive Bayes, 'nba' adaptive naive Bayes" },
    nb_threshold: { default: 0, doc: "examples a leaf needs before 'nb' uses naive Bayes" },
    min_branch_fraction: { default: 0.01, doc: 'info gain: least weight fraction two branches must get' },
    max_share_to_split: { default: 0.99, doc: 'no split while the majority class holds more than this share' },
    n_splits: { default: 10, doc: 'candidate cut points per numeric feature (Gaussian splitter)' },
  };
}

export function readClassifierTreeOptions(p: HyperParams, d: ClassifierDefaults): ClassifierTreeOptions {
  const maxDepth = intParam(p, 'max_depth', 0, 0, 1000);
  return {
    gracePeriod: intParam(p, 'grace_period', d.gracePeriod, 1, 1e9),
    maxDepth: maxDepth === 0 ? Infinity : maxDepth,
    splitCriterion: strParam<SplitCriterion>(p, 'split_criterion', 'info_gain', ['info_gain', 'gini']),
    delta: numParam(p, 'delta', d.delta, Number.MIN_VALUE, 1),
    tau: numParam(p, 'tau', 0.05, 0, 1),
    leafPrediction: strParam<LeafPrediction>(p, 'leaf_prediction', 'nba', ['mc', 'nb', 'nba']),
    nbThreshold: numParam(p, 'nb_threshold', 0, 0, 1e9),
    minBranchFraction: numParam(p, 'min_branch_fraction', 0.01, 0, 0.5),
    maxShareToSplit: numParam(p, 'max_share_to_split', 0.99, 0, 1),
    nSplits: intParam(p, 'n_splits', 10, 1, 1000),
  };
}
