// The model types that ship with Eddy, as one list the registry loads: the linear, Bayes,
// anomaly, clustering and drift-wrapper models here, and the tree and k-NN models from
// src/ml/trees (which lists src/ml/neighbors too).
import { autoencoderFactory } from './anomaly/autoencoder.js';
import { halfSpaceTreesFactory } from './anomaly/half-space-trees.js';
import { mahalanobisFactory } from './anomaly/mahalanobis.js';
import { rankZScoreFactory } from './anomaly/rank-zscore.js';
import { zscoreFactory } from './anomaly/zscore-detector.js';
import { naiveBayesFactory } from './bayes/naive-bayes.js';
import { kmeansFactory } from './cluster/kmeans.js';
import { driftRetrainingClassifierFactory } from './drift/drift-retraining-classifier.js';
import { linearRegressionFactory } from './linear/linear-regression.js';
import { logisticRegressionFactory } from './linear/logistic-regression.js';
import { perceptronFactory } from './linear/perceptron.js';
import { ridgeFactory } from './linear/ridge.js';
import type { ModelFactory } from './online-model.js';
import { treeModels } from './trees/index.js';

export const builtinModels: readonly ModelFactory[] = [
  logisticRegressionFactory,
  perceptronFactory,
  linearRegressionFactory,
  ridgeFactory,
  naiveBayesFactory,
  halfSpaceTreesFactory,
  mahalanobisFactory,
  zscoreFactory,
  rankZScoreFactory,
  autoencoderFactory,
  kmeansFactory,
  driftRetrainingClassifierFactory,
  ...treeModels,
];
