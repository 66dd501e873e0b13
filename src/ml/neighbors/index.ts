// The neighbour models, for the registry.
import type { ModelFactory } from '../online-model.js';
import { knnFactory, knnRegressorFactory } from './knn.js';

export const neighborModels: ModelFactory[] = [knnFactory, knnRegressorFactory];
