// TYPE adaptive_random_forest: River's forest.ARFClassifier (10 trees, sqrt-feature subspaces,
// Poisson(6) bagging, ADWIN warning 0.01 / drift 0.001, accuracy-weighted votes), seeded.
import type { HyperParams, ModelFactory, ModelSpec } from '../online-model.js';
import { boolParam, intParam, numParam } from '../params.js';
import { Rng } from '../rng.js';
import { ARFClassifier, type ForestOptions } from './arf-classifier.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import { ClassifierModel } from './classifier-model.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { type ClassifierDefaults, classifierTreeParamDocs, readClassifierTreeOptions } from './tree-params.js';

/** ARF's member trees split sooner than a lone Hoeffding tree (River: grace 50, delta 0.01). */
const ARF_TREE_DEFAULTS: ClassifierDefaults = { gracePeriod: 50, delta: 0.01 };

export class AdaptiveRandomForestModel extends ClassifierModel {
  readonly type = 'adaptive_random_forest';
  readonly forest: ARFClassifier;

  constructor(spec: ModelSpec, opts: ClassifierTreeOptions, forest: ForestOptions) {
    super(spec);
    this.forest = new ARFClassifier(opts, forest, spec.features, this.nc, new Rng(spec.seed));
  }

  protected learnOne(x: Float64Array, y: number): void {
    this.forest.learn(x, y);
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    this.forest.predictProba(x, out);
  }

  protected writeState(w: FloatWriter): void {
    this.forest.write(w);
  }

  protected readState(r: FloatReader): void {
    this.forest.read(r);
  }

  stateBytes(): number {
    return this.forest.stateBytes();
  }
}

/** River's max_features: 'sqrt', 'log2', a count, or a fraction of the features. */
export function resolveMaxFeatures(p: HyperParams, nFeatures: number): number {
  const raw = p.max_features ?? 'sqrt';
  const s = String(raw).trim().toLowerCase();
  let k: number;
  if (s === 'sqrt') k = Math.round(Math.sqrt(nFeatures));
  else if (s === 'log2') k = Math.round(Math.log2(Math.max(1, nFeatures)));
  else {
    const v = numParam(p, 'max_features', 0, -1e6, 1e6);
    if (v > 0 && v < 1) k = Math.floor(v * nFeatures);
    else if (Number.isInteger(v)) k = v < 0 ? nFeatures + v : v;
    else throw new Error(`parameter 'max_features' must be 'sqrt', 'log2', an integer or a fraction, got '${String(raw)}'`);
  }
  return Math.min(nFeatures, Math.max(1, k));
}

export const adaptiveRandomForestFactory: ModelFactory = {
  type: 'adaptive_random_forest',
  task: 'classification',
  description: 'Adaptive random forest: online-bagged Hoeffding trees on random subspaces with ADWIN drift recovery, as River forest.ARFClassifier',
  params: {
    n_models: { default: 10, doc: 'number of trees' },
    max_features: { default: 'sqrt', doc: "features per leaf subspace: 'sqrt', 'log2', a count or a fraction" },
    lambda_value: { default: 6, doc: 'Poisson rate of the online bagging weights' },
    drift_detector_delta: { default: 0.001, doc: 'ADWIN delta that replaces a tree' },
    warning_detector_delta: { default: 0.01, doc: 'ADWIN delta that starts a background tree' },
    disable_weighted_vote: { default: false, doc: 'plain average instead of accuracy-weighted votes' },
    ...classifierTreeParamDocs(ARF_TREE_DEFAULTS),
  },
  create: (spec) =>
    new AdaptiveRandomForestModel(spec, readClassifierTreeOptions(spec.params, ARF_TREE_DEFAULTS), {
      nModels: intParam(spec.params, 'n_models', 10, 1, 1000),
      maxFeatures: resolveMaxFeatures(spec.params, spec.features),
      lambdaValue: numParam(spec.params, 'lambda_value', 6, Number.MIN_VALUE, 100),
      driftDelta: numParam(spec.params, 'drift_detector_delta', 0.001, Number.MIN_VALUE, 1),
      warningDelta: numParam(spec.params, 'warning_detector_delta', 0.01, Number.MIN_VALUE, 1),
      disableWeightedVote: boolParam(spec.params, 'disable_weighted_vote', false),
    }),
  mergeable: false,
};
