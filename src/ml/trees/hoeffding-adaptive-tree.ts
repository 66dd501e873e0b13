// TYPE hoeffding_adaptive_tree: River's tree.HoeffdingAdaptiveTreeClassifier (ADWIN per node,
// alternate subtrees, bootstrap sampling), seeded.
import type { ModelFactory, ModelSpec } from '../online-model.js';
import { boolParam, intParam, numParam } from '../params.js';
import { Rng } from '../rng.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import { ClassifierModel } from './classifier-model.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { type AdaptiveOptions, HATClassifier } from './hat-classifier.js';
import { classifierTreeParamDocs, HT_DEFAULTS, readClassifierTreeOptions } from './tree-params.js';

export class HoeffdingAdaptiveTreeModel extends ClassifierModel {
  readonly type = 'hoeffding_adaptive_tree';
  readonly tree: HATClassifier;
  private readonly rng: Rng;

  constructor(spec: ModelSpec, opts: ClassifierTreeOptions, ada: AdaptiveOptions) {
    super(spec);
    this.rng = new Rng(spec.seed);
    this.tree = new HATClassifier(opts, ada, spec.features, this.nc, this.rng);
  }

  protected learnOne(x: Float64Array, y: number): void {
    this.tree.learn(x, y);
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    this.tree.predictProba(x, out);
  }

  protected writeState(w: FloatWriter): void {
    w.num(this.rng.state);
    this.tree.write(w);
  }

  protected readState(r: FloatReader): void {
    this.rng.state = r.num();
    this.tree.read(r);
  }

  stateBytes(): number {
    return this.tree.stateBytes();
  }
}

export const hoeffdingAdaptiveTreeFactory: ModelFactory = {
  type: 'hoeffding_adaptive_tree',
  task: 'classification',
  description: 'Hoeffding adaptive tree: ADWIN in every node and background subtrees swapped in on drift, as River tree.HoeffdingAdaptiveTreeClassifier',
  params: {
    ...classifierTreeParamDocs(HT_DEFAULTS),
    bootstrap_sampling: { default: true, doc: 'leaves learn with Poisson(1) example weights' },
    drift_window_threshold: { default: 300, doc: 'examples an alternate subtree needs before it can replace or be dropped' },
    switch_significance: { default: 0.05, doc: 'significance of the alternate-versus-main error test' },
    adwin_delta: { default: 0.002, doc: 'delta of the ADWIN error monitors in the nodes' },
  },
  create: (spec) =>
    new HoeffdingAdaptiveTreeModel(spec, readClassifierTreeOptions(spec.params, HT_DEFAULTS), {
      bootstrapSampling: boolParam(spec.params, 'bootstrap_sampling', true),
      driftWindowThreshold: intParam(spec.params, 'drift_window_threshold', 300, 0, 1e9),
      switchSignificance: numParam(spec.params, 'switch_significance', 0.05, Number.MIN_VALUE, 1),
      adwinDelta: numParam(spec.params, 'adwin_delta', 0.002, Number.MIN_VALUE, 1),
    }),
  mergeable: false,
};
