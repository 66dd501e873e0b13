// The model functions as the registry lists them (SHOW FUNCTIONS, DESCRIBE FUNCTION). A call
// binds to a model when its query is planned (src/plan/expr/model-call.ts), so the overload
// here only documents the shape: the model's name, then its features.
import type { ModelFunctionKind, ScalarFunction } from '../../../udfs/types.js';

const fn = (name: ModelFunctionKind, description: string, returns: string): ScalarFunction => ({
  kind: 'scalar', name, category: 'MACHINE LEARNING', model: name, description, examples: [], volatile: true,
  overloads: [{
    params: [{ name: 'model', type: { kind: 'STRING' } }, { name: 'features', type: { kind: 'GENERIC', name: 'T' } }],
    variadic: true, returns: { kind: 'GENERIC', name: 'T' },
    description: `${name}(model, feature1, feature2, ...): ${returns}`,
  }],
});

export const modelFunctions: ScalarFunction[] = [
  fn('PREDICT', 'The model\'s prediction for these features: the class (of the label\'s type) of a classifier, the value of a regression, the score of an anomaly model, the cluster of a clustering model. NULL until the model has learned a row. On an ONNX model: its label output, or the one OUTPUT names (docs/onnx-models.md).', 'the label\'s type, DOUBLE, or INTEGER'),
  fn('PREDICT_PROBA', 'A classifier\'s class probabilities: P(TRUE) as a DOUBLE when the label is BOOLEAN, otherwise a MAP from each class (as text) to its probability.', 'DOUBLE or MAP<STRING, DOUBLE>'),
  fn('ANOMALY_SCORE', 'An anomaly model\'s score for these features: higher is more anomalous.', 'DOUBLE'),
  fn('CLUSTER', 'The cluster a clustering model (kmeans) puts these features in.', 'INTEGER'),
];
