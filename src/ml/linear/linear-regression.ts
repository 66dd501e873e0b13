// Linear regression trained by SGD on the squared loss (River's linear_model.LinearRegression:
// SGD 0.01, intercept_lr 0.01, gradient 2(ŷ - y)), features standardized online.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { Glm, glmParamDocs, readGlmOptions } from './glm.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';

export class LinearRegression implements OnlineModel {
  readonly type = 'linear_regression';
  readonly task: ModelTask = 'regression';
  private readonly glm: Glm;
  seen = 0;

  constructor(spec: ModelSpec) {
    this.glm = new Glm(spec.features, readGlmOptions(spec.params, { optimizer: 'sgd', interceptLr: 0.01 }));
  }

  learn(x: Float64Array, y: number): void {
    if (!learnableTarget(y) || !learnableFeatures(x)) return; // no target, or a value that would overflow
    const glm = this.glm;
    glm.prepare(x, true);
    glm.optimizer.tick();
    glm.update(0, 2 * (glm.dot(0) - y));
    glm.endStep();
    this.seen++;
  }

  predict(x: Float64Array): number {
    this.glm.prepare(x, false);
    return this.glm.dot(0);
  }

  snapshot(): Uint8Array {
    return encodeState([Float64Array.of(this.seen), ...this.glm.toParts()]);
  }

  restore(state: Uint8Array): void {
    const [meta, ...rest] = decodeState(state, 6);
    this.seen = meta[0];
    this.glm.fromParts(rest);
  }

  stateBytes(): number {
    return this.glm.stateBytes();
  }
}

export const linearRegressionFactory: ModelFactory = {
  type: 'linear_regression',
  task: 'regression',
  description: 'Linear regression trained by SGD (or Adam / FTRL) on the squared loss',
  params: glmParamDocs({ optimizer: 'sgd', interceptLr: 0.01 }),
  mergeable: false,
  create: (spec) => new LinearRegression(spec),
};
