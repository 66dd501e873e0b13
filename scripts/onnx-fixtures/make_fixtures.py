"""Makes the ONNX test fixtures in test/fixtures/onnx/ (issue 14: batch-trained models).

Each model is trained on seeded synthetic data with scikit-learn, converted with skl2onnx, and
saved with the framework's own predictions on a few dozen rows (expected.json), which
test/engine/onnx-*.test.ts compare with Eddy's PREDICT / PREDICT_PROBA / ANOMALY_SCORE.

  python3 -m venv /tmp/onnxvenv && /tmp/onnxvenv/bin/pip install onnx skl2onnx scikit-learn onnxruntime
  /tmp/onnxvenv/bin/python scripts/onnx-fixtures/make_fixtures.py

Inputs are rounded to float32 before sklearn predicts, so the float64 model and the float32
ONNX graph see the same numbers.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import GradientBoostingRegressor, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPRegressor

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'onnx')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(7)
ROWS = 40


def save(name, model):
    path = os.path.join(OUT, name)
    onnx.save_model(model, path)
    size = os.path.getsize(path)
    assert size < 100_000, f'{name} is {size} bytes'
    print(f'{name}: {size} bytes')


def convert(est, k, batch=None):
    return to_onnx(est, initial_types=[('x', FloatTensorType([batch, k]))], options={id(est): {'zipmap': False}} if hasattr(est, 'predict_proba') else None, target_opset=17)


f32 = lambda a: a.astype(np.float32).astype(np.float64)
expected = {}

# Logistic regression: 3 features, labels 0/1 (a binary classifier: PREDICT_PROBA is P(1)).
X = f32(rng.normal(size=(400, 3)))
y = (X[:, 0] + 2 * X[:, 1] - X[:, 2] + rng.normal(scale=0.5, size=400) > 0).astype(np.int64)
logreg = LogisticRegression().fit(X, y)
save('logreg.onnx', convert(logreg, 3))
save('logreg-batch1.onnx', convert(logreg, 3, batch=1))
# The same with the labels flipped: a replacement of the same shape that answers differently.
flipped = LogisticRegression().fit(X, 1 - y)
save('logreg-flipped.onnx', convert(flipped, 3))
T = f32(rng.normal(size=(ROWS, 3)))
expected['logreg'] = {'x': T.tolist(), 'label': logreg.predict(T).tolist(), 'p1': logreg.predict_proba(T)[:, 1].tolist(),
                      'p1_flipped': flipped.predict_proba(T)[:, 1].tolist()}

# Random forest: 4 features, string labels (PREDICT_PROBA is a map from class to probability).
X = f32(rng.normal(size=(500, 4)))
names = np.array(['high', 'low', 'mid'])
y = names[np.digitize(X[:, 0] + X[:, 1] * X[:, 2] - 0.5 * X[:, 3], [-0.7, 0.7])]
forest = RandomForestClassifier(n_estimators=6, max_depth=4, random_state=1).fit(X, y)
save('forest.onnx', convert(forest, 4))
T = f32(rng.normal(size=(ROWS, 4)))
expected['forest'] = {'x': T.tolist(), 'label': forest.predict(T).tolist(), 'classes': forest.classes_.tolist(),
                      'proba': forest.predict_proba(T).tolist()}

# Gradient boosting regressor: 4 features, one DOUBLE out.
Xr = f32(rng.normal(size=(500, 4)))
yr = 3 * Xr[:, 0] - Xr[:, 1] ** 2 + np.sin(Xr[:, 2]) + rng.normal(scale=0.1, size=500)
gbr = GradientBoostingRegressor(n_estimators=12, max_depth=3, random_state=1).fit(Xr, yr)
save('gbr.onnx', convert(gbr, 4))
T = f32(rng.normal(size=(ROWS, 4)))
expected['gbr'] = {'x': T.tolist(), 'value': gbr.predict(T).tolist()}

# Autoencoder: an MLP trained to reconstruct its 4 inputs through 2 hidden units; the anomaly
# score is the mean squared reconstruction error per row.
Z = rng.normal(size=(600, 2))
Xa = f32(np.column_stack([Z[:, 0], Z[:, 1], Z[:, 0] + Z[:, 1], Z[:, 0] - Z[:, 1]]) + rng.normal(scale=0.05, size=(600, 4)))
ae = MLPRegressor(hidden_layer_sizes=(2,), activation='identity', max_iter=2000, random_state=1).fit(Xa, Xa)
aem = convert(ae, 4)
# skl2onnx 1.20 assumes one output and reshapes the [N, 4] reconstruction to [-1, 1]: make
# its Reshape keep the four columns, and declare the output so.
for init in aem.graph.initializer:
    if init.name == 'shape_tensor':
        init.CopyFrom(onnx.numpy_helper.from_array(np.array([-1, 4], dtype=np.int64), 'shape_tensor'))
aem.graph.output[0].type.tensor_type.shape.dim[1].dim_value = 4
save('autoencoder.onnx', aem)
T = f32(np.vstack([Xa[:ROWS - 5], rng.normal(scale=3, size=(5, 4))]))
rec = ae.predict(T)
expected['autoencoder'] = {'x': T.tolist(), 'score': ((rec - T) ** 2).mean(axis=1).tolist()}

# Models Eddy refuses: two inputs; an int64 input.
def tiny(inputs, out_type=TensorProto.FLOAT):
    nodes = [helper.make_node('Identity', [inputs[0].name], ['y'])] if len(inputs) == 1 else [helper.make_node('Add', [i.name for i in inputs], ['y'])]
    g = helper.make_graph(nodes, 'tiny', inputs, [helper.make_tensor_value_info('y', out_type, None)])
    return helper.make_model(g, opset_imports=[helper.make_opsetid('', 17)], ir_version=8)

save('two-inputs.onnx', tiny([helper.make_tensor_value_info('a', TensorProto.FLOAT, [None, 2]), helper.make_tensor_value_info('b', TensorProto.FLOAT, [None, 2])]))
save('int-input.onnx', tiny([helper.make_tensor_value_info('n', TensorProto.INT64, [None, 2])], TensorProto.INT64))

# A model that runs on one row (Eddy's probe at CREATE) but fails on a batch of several: its
# Reshape wants exactly [1, 3]. Tests use it for a failing run (NULL per row, not a failed query).
g = helper.make_graph(
    [helper.make_node('Reshape', ['x', 'one_row'], ['y'])], 'fails_on_batches',
    [helper.make_tensor_value_info('x', TensorProto.FLOAT, [None, 3])], [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1, 3])],
    [onnx.numpy_helper.from_array(np.array([1, 3], dtype=np.int64), 'one_row')])
save('fails-on-batches.onnx', helper.make_model(g, opset_imports=[helper.make_opsetid('', 17)], ir_version=8))

with open(os.path.join(OUT, 'expected.json'), 'w') as f:
    json.dump(expected, f, indent=1)
print('expected.json written')
