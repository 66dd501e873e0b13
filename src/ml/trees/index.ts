// The tree models (and the k-NN models from ../neighbors), for the lead to register.
import { neighborModels } from '../neighbors/index.js';
import type { ModelFactory } from '../online-model.js';
import { adaptiveRandomForestFactory } from './adaptive-random-forest.js';
import { hoeffdingAdaptiveTreeFactory } from './hoeffding-adaptive-tree.js';
import { hoeffdingTreeFactory } from './hoeffding-tree.js';
import { hoeffdingTreeRegressorFactory } from './hoeffding-tree-regressor.js';

export const treeModels: ModelFactory[] = [
  hoeffdingTreeFactory,
  hoeffdingAdaptiveTreeFactory,
  adaptiveRandomForestFactory,
  hoeffdingTreeRegressorFactory,
  ...neighborModels,
];
