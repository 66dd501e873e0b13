// The one vocabulary every online model speaks (River's learn_one / predict_one / score_one).
// Plain TypeScript: nothing here knows about SQL. Features arrive as a Float64Array of fixed
// width (the feature encoder in front of the model turns SQL values into numbers; a missing
// value is NaN). Models keep Float64Array state and allocate nothing per learn/predict call.

export type ModelTask = 'classification' | 'regression' | 'anomaly' | 'clustering';

/** Hyper-parameters as given in CREATE MODEL ... WITH (...), keys lower-case. */
export type HyperParams = Record<string, string | number | boolean>;

export interface ModelSpec {
  /** Number of input features (after encoding). */
  features: number;
  /** Class labels for classifiers, in order of first appearance (grows as new labels appear). */
  classes?: number;
  params: HyperParams;
  /** Seed for any randomness: the same seed and input give the same model. */
  seed: number;
}

export interface OnlineModel {
  readonly type: string;
  readonly task: ModelTask;
  /**
   * Learn one example. `y` is the class index (classification), the target (regression), and
   * ignored by anomaly and clustering models. `x` is never mutated.
   */
  learn(x: Float64Array, y: number): void;
  /**
   * The prediction for `x`: class index, regression value, anomaly score (higher is more
   * anomalous) or cluster index.
   */
  predict(x: Float64Array): number;
  /** Class probabilities into `out` (length = number of classes); classifiers only. */
  predictProba?(x: Float64Array, out: Float64Array): void;
  /** Examples learned so far. */
  readonly seen: number;
  /** Serialized state; `restore` of a fresh model of the same spec gives identical predictions. */
  snapshot(): Uint8Array;
  restore(state: Uint8Array): void;
  /**
   * Exact merge where the model is built from mergeable statistics: learn(A); merge(B) ≡ learn(A ∪ B).
   * A classifier whose parts numbered their classes apart takes `classMap`: other's class c is
   * class classMap[c] here (-1: left out).
   */
  merge?(other: OnlineModel, classMap?: ArrayLike<number>): void;
  /** Approximate state size in bytes (DESCRIBE MODEL). */
  stateBytes(): number;
}

export interface ModelFactory {
  type: string;
  task: ModelTask;
  description: string;
  /** Hyper-parameters with defaults and one-line docs. */
  params: Record<string, { default: string | number | boolean; doc: string }>;
  create(spec: ModelSpec): OnlineModel;
  /** True when merge is exact (the conformance suite checks it). */
  mergeable: boolean;
  /** For a type whose merge is exact only with some parameters (linear_regression solver=normal). */
  mergeableWith?(params: HyperParams): boolean;
  /** The most (encoded) features it takes, where its state grows faster than linearly with them. */
  maxFeatures?: number;
}

/** For models that keep a d×d matrix: 2048² doubles are 32 MiB, a few copies of it fit easily. */
export const QUADRATIC_MAX_FEATURES = 2048;
