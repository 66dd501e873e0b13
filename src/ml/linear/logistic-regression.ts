// Logistic regression (River's linear_model.LogisticRegression for two classes, SoftmaxRegression
// beyond): log loss, SGD at 0.01 by default, Adam or FTRL-Proximal on request, L1/L2, features
// standardized online inside the model.
import type { ModelFactory, ModelSpec } from '../online-model.js';
import { glmParamDocs, readGlmOptions } from './glm.js';
import { LinearClassifier, sigmoid } from './linear-classifier.js';

export { sigmoid };

export class LogisticRegression extends LinearClassifier {
  readonly type = 'logistic_regression';

  constructor(spec: ModelSpec) {
    super(spec, readGlmOptions(spec.params, { optimizer: 'sgd', interceptLr: 0.01 }));
  }

  protected fit(y: number): void {
    const glm = this.glm;
    if (glm.rows === 1) {
      glm.update(0, sigmoid(glm.dot(0)) - (y === 1 ? 1 : 0));
      return;
    }
    this.probabilities();
    for (let k = 0; k < glm.rows; k++) glm.update(k, this.scores[k] - (k === y ? 1 : 0));
  }
}

export const logisticRegressionFactory: ModelFactory = {
  type: 'logistic_regression',
  task: 'classification',
  description: 'Logistic regression (softmax once a third class appears), trained online',
  params: glmParamDocs({ optimizer: 'sgd', interceptLr: 0.01 }),
  mergeable: false,
  create: (spec) => new LogisticRegression(spec),
};
