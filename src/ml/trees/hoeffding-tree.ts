// TYPE hoeffding_tree: River's tree.HoeffdingTreeClassifier (Gaussian splitter, info gain,
// delta 1e-7, tau 0.05, grace period 200, adaptive naive Bayes leaves).
import type { ModelFactory, ModelSpec } from '../online-model.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import { ClassifierModel } from './classifier-model.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { HTClassifier } from './ht-classifier.js';
import { classifierTreeParamDocs, HT_DEFAULTS, readClassifierTreeOptions } from './tree-params.js';

export class HoeffdingTreeModel extends ClassifierModel {
  readonly type = 'hoeffding_tree';
  readonly tree: HTClassifier;

  constructor(spec: ModelSpec, opts: ClassifierTreeOptions) {
    super(spec);
    this.tree = new HTClassifier(opts, spec.features, this.nc);
  }

  protected learnOne(x: Float64Array, y: number): void {
    this.tree.learn(x, y, 1);
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    this.tree.predictProba(x, out);
  }

  protected writeState(w: FloatWriter): void {
    this.tree.write(w);
  }

  protected readState(r: FloatReader): void {
    this.tree.read(r);
  }

  stateBytes(): number {
    return this.tree.stateBytes();
  }
}

export const hoeffdingTreeFactory: ModelFactory = {
  type: 'hoeffding_tree',
  task: 'classification',
  description: 'Hoeffding tree (VFDT) classifier with Gaussian splitters and adaptive naive Bayes leaves, as River tree.HoeffdingTreeClassifier',
  params: classifierTreeParamDocs(HT_DEFAULTS),
  create: (spec) => new HoeffdingTreeModel(spec, readClassifierTreeOptions(spec.params, HT_DEFAULTS)),
  mergeable: false,
};
