// Linear regression, by SGD on the squared loss (River's linear_model.LinearRegression: SGD 0.01,
// intercept_lr 0.01, gradient 2(ŷ - y)), features standardized online; or, with solver='normal',
// exact least squares by the normal equations: the running co-moments of (x, y) solved on demand
// (ridge with alpha 0), which merge exactly, so it can learn in parallel and combine.
import type { HyperParams, ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { QUADRATIC_MAX_FEATURES } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { Glm, glmParamDocs, readGlmOptions } from './glm.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';
import { ParamError, strParam } from '../params.js';
import { Ridge } from './ridge.js';

type Solver = 'sgd' | 'normal';

const solverOf = (params: HyperParams): Solver => strParam<Solver>(params, 'solver', 'sgd', ['sgd', 'normal']);

export class LinearRegression implements OnlineModel {
  readonly type = 'linear_regression';
  readonly task: ModelTask = 'regression';
  private readonly glm: Glm | undefined;
  /** solver='normal': the normal equations' statistics (ridge without a penalty). */
  private readonly exact: Ridge | undefined;
  private sgdSeen = 0;

  constructor(spec: ModelSpec) {
    if (solverOf(spec.params) === 'normal') {
      if (spec.features > QUADRATIC_MAX_FEATURES) {
        throw new ParamError('solver', `solver 'normal' keeps a matrix of features × features: at most ${QUADRATIC_MAX_FEATURES} features, not ${spec.features}`);
      }
      this.exact = new Ridge({ features: spec.features, params: { alpha: 0 }, seed: spec.seed });
    } else {
      this.glm = new Glm(spec.features, readGlmOptions(spec.params, { optimizer: 'sgd', interceptLr: 0.01 }));
    }
  }

  get seen(): number { return this.exact ? this.exact.seen : this.sgdSeen; }

  learn(x: Float64Array, y: number): void {
    if (this.exact) { this.exact.learn(x, y); return; }
    if (!learnableTarget(y) || !learnableFeatures(x)) return; // no target, or a value that would overflow
    const glm = this.glm!;
    glm.prepare(x, true);
    glm.optimizer.tick();
    glm.update(0, 2 * (glm.dot(0) - y));
    glm.endStep();
    this.sgdSeen++;
  }

  predict(x: Float64Array): number {
    if (this.exact) return this.exact.predict(x);
    this.glm!.prepare(x, false);
    return this.glm!.dot(0);
  }

  merge(other: OnlineModel): void {
    if (!this.exact || !(other instanceof LinearRegression) || !other.exact) {
      throw new Error("linear_regression: only models with solver='normal' merge");
    }
    this.exact.merge(other.exact);
  }

  snapshot(): Uint8Array {
    if (this.exact) return this.exact.snapshot();
    return encodeState([Float64Array.of(this.sgdSeen), ...this.glm!.toParts()]);
  }

  restore(state: Uint8Array): void {
    if (this.exact) { this.exact.restore(state); return; }
    const [meta, ...rest] = decodeState(state, 6);
    this.sgdSeen = meta[0];
    this.glm!.fromParts(rest);
  }

  stateBytes(): number {
    return this.exact ? this.exact.stateBytes() : this.glm!.stateBytes();
  }
}

export const linearRegressionFactory: ModelFactory = {
  type: 'linear_regression',
  task: 'regression',
  description: 'Linear regression trained by SGD (or Adam / FTRL) on the squared loss, or exactly by the normal equations',
  params: {
    solver: { default: 'sgd', doc: "sgd (the optimizer below) or normal: exact least squares by the normal equations (mergeable; at most 2048 features)" },
    ...glmParamDocs({ optimizer: 'sgd', interceptLr: 0.01 }),
  },
  mergeable: false,
  mergeableWith: (params) => solverOf(params) === 'normal',
  create: (spec) => new LinearRegression(spec),
};
