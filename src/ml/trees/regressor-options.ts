// Options of the Hoeffding tree regressor, named after River's HoeffdingTreeRegressor.

export type RegressionLeafPrediction = 'mean' | 'model' | 'adaptive';

export interface RegressorTreeOptions {
  gracePeriod: number;
  maxDepth: number;
  delta: number;
  tau: number;
  leafPrediction: RegressionLeafPrediction;
  /** Fading factor of the squared errors compared by 'adaptive' leaves. */
  modelSelectorDecay: number;
  minSamplesSplit: number;
  /** Feature values are rounded to this many decimals before the E-BST (River's TEBSTSplitter); -1 keeps them exact. */
  digits: number;
  /** SGD step of the leaf linear models (River's LinearRegression: SGD(0.01), intercept_lr 0.01). */
  learningRate: number;
  interceptLr: number;
}
