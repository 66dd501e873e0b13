// The perceptron (River's linear_model.Perceptron: hinge loss at threshold 0, SGD with step 1,
// intercept step 1). Beyond two classes it becomes the multiclass perceptron: on a mistake the
// true class's row moves toward x and the predicted class's row away from it.
import type { ModelFactory, ModelSpec } from '../online-model.js';
import { glmParamDocs, readGlmOptions } from './glm.js';
import { LinearClassifier } from './linear-classifier.js';

export class Perceptron extends LinearClassifier {
  readonly type = 'perceptron';

  constructor(spec: ModelSpec) {
    super(spec, readGlmOptions(spec.params, { optimizer: 'sgd', interceptLr: 1, lr: 1 }));
  }

  protected fit(y: number): void {
    const glm = this.glm;
    if (glm.rows === 1) {
      const t = y === 1 ? 1 : -1;
      if (t * glm.dot(0) <= 0) glm.update(0, -t);
      return;
    }
    let best = 0, bestScore = -Infinity;
    for (let k = 0; k < glm.rows; k++) {
      const s = glm.dot(k);
      if (s > bestScore) { bestScore = s; best = k; }
    }
    if (best !== y) {
      glm.update(y, -1);
      glm.update(best, 1);
    }
  }
}

export const perceptronFactory: ModelFactory = {
  type: 'perceptron',
  task: 'classification',
  description: 'Perceptron (multiclass perceptron beyond two classes)',
  params: glmParamDocs({ optimizer: 'sgd', interceptLr: 1, sgdLr: 1 }),
  mergeable: false,
  create: (spec) => new Perceptron(spec),
};
