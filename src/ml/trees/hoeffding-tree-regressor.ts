// TYPE hoeffding_tree_regressor: River's tree.HoeffdingTreeRegressor (variance reduction,
// TE-BST splitter with 1 digit, adaptive mean/linear-model leaves, delta 1e-7, tau 0.05).
import type { ModelFactory, ModelSpec, OnlineModel } from '../online-model.js';
import { intParam, numParam, strParam } from '../params.js';
import { decodeState, encodeState } from '../state-codec.js';
import { FloatReader, FloatWriter } from './float-io.js';
import { HTRegressor } from './ht-regressor.js';
import type { RegressionLeafPrediction, RegressorTreeOptions } from './regressor-options.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';

export class HoeffdingTreeRegressorModel implements OnlineModel {
  readonly type = 'hoeffding_tree_regressor';
  readonly task = 'regression' as const;
  seen = 0;
  readonly tree: HTRegressor;

  constructor(spec: ModelSpec, opts: RegressorTreeOptions) {
    this.tree = new HTRegressor(opts, spec.features);
  }

  /** A non-finite target (a missing label), or a value whose square overflows, is skipped. */
  learn(x: Float64Array, y: number): void {
    if (!learnableTarget(y) || !learnableFeatures(x)) return;
    this.seen++;
    this.tree.learn(x, y, 1);
  }

  predict(x: Float64Array): number {
    return this.tree.predict(x);
  }

  snapshot(): Uint8Array {
    const w = new FloatWriter();
    w.num(this.seen);
    this.tree.write(w);
    return encodeState([w.finish()]);
  }

  restore(state: Uint8Array): void {
    const [data] = decodeState(state, 1);
    const r = new FloatReader(data);
    this.seen = r.num();
    this.tree.read(r);
    r.end();
  }

  stateBytes(): number {
    return this.tree.stateBytes();
  }
}

export const hoeffdingTreeRegressorFactory: ModelFactory = {
  type: 'hoeffding_tree_regressor',
  task: 'regression',
  description: 'Hoeffding tree regressor with variance-reduction splits and adaptive mean/linear leaves, as River tree.HoeffdingTreeRegressor',
  params: {
    grace_period: { default: 200, doc: 'examples a leaf sees between split attempts' },
    max_depth: { default: 0, doc: 'maximum tree depth; 0 = unlimited (River: None)' },
    delta: { default: 1e-7, doc: 'Hoeffding bound confidence' },
    tau: { default: 0.05, doc: 'tie threshold: split anyway once the bound is below this' },
    leaf_prediction: { default: 'adaptive', doc: "leaf model: 'mean', 'model' (linear regression) or 'adaptive' (whichever errs less)" },
    model_selector_decay: { default: 0.95, doc: "fading factor of the errors 'adaptive' compares" },
    min_samples_split: { default: 5, doc: 'least weight each side of a split must get' },
    splitter: { default: 'tebst', doc: "'tebst' rounds feature values to `digits` decimals before the E-BST; 'ebst' keeps them exact" },
    digits: { default: 1, doc: "decimals kept by the 'tebst' splitter" },
    learning_rate: { default: 0.01, doc: 'SGD step of the leaf linear models' },
    intercept_lr: { default: 0.01, doc: 'SGD step of the leaf models’ intercepts' },
  },
  create: (spec) => {
    const p = spec.params;
    const maxDepth = intParam(p, 'max_depth', 0, 0, 1000);
    const splitter = strParam(p, 'splitter', 'tebst', ['tebst', 'ebst'] as const);
    return new HoeffdingTreeRegressorModel(spec, {
      gracePeriod: intParam(p, 'grace_period', 200, 1, 1e9),
      maxDepth: maxDepth === 0 ? Infinity : maxDepth,
      delta: numParam(p, 'delta', 1e-7, Number.MIN_VALUE, 1),
      tau: numParam(p, 'tau', 0.05, 0, 1),
      leafPrediction: strParam<RegressionLeafPrediction>(p, 'leaf_prediction', 'adaptive', ['mean', 'model', 'adaptive']),
      modelSelectorDecay: numParam(p, 'model_selector_decay', 0.95, 0, 1),
      minSamplesSplit: numParam(p, 'min_samples_split', 5, 0, 1e9),
      digits: splitter === 'ebst' ? -1 : intParam(p, 'digits', 1, 0, 15),
      learningRate: numParam(p, 'learning_rate', 0.01, 0, 1000),
      interceptLr: numParam(p, 'intercept_lr', 0.01, 0, 1000),
    });
  },
  mergeable: false,
};
