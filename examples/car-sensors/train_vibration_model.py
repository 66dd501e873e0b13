"""Trains the batch model of the car-sensors example: a small autoencoder on healthy cars' 5-second
vibration windows, exported to ONNX as one graph that standardises the features, reconstructs them
and outputs the reconstruction error (SCORE, one per row) — what Eddy's ANOMALY_SCORE returns.

The data science team's side of the pipeline: trained offline in scikit-learn (the seed pipeline
used TensorFlow; any framework that exports ONNX will do), the .onnx file committed beside the SQL.

    python3 -m venv .venv && .venv/bin/pip install scikit-learn onnx onnxruntime numpy
    node simulate.mjs --csv healthy.csv
    .venv/bin/python train_vibration_model.py healthy.csv vibration_autoencoder.onnx

The windows are the ones car-sensors.sql computes: per car, 5-second tumbling windows by event
time, AVG(speed_kmh), AVG(rms_g), STDDEV_SAMPLE(rms_g), MAX(peak_g), AVG(freq_hz).
"""
import csv
import sys
from collections import defaultdict

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from sklearn.neural_network import MLPRegressor

FEATURES = ["speed_avg", "rms_avg", "rms_sd", "peak_max", "freq_avg"]
WINDOW_MS = 5000


def windows(path):
    groups = defaultdict(list)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            groups[(r["car"], int(r["ts"]) // WINDOW_MS)].append(r)
    rows = []
    for _, rs in sorted(groups.items()):
        if len(rs) < 2:
            continue  # a standard deviation needs two readings
        rms = np.array([float(r["rms_g"]) for r in rs])
        rows.append([
            np.mean([float(r["speed_kmh"]) for r in rs]),
            rms.mean(),
            rms.std(ddof=1),
            max(float(r["peak_g"]) for r in rs),
            np.mean([float(r["freq_hz"]) for r in rs]),
        ])
    return np.array(rows, dtype=np.float64)


def to_onnx(mean, std, mlp):
    """x → z = (x - mean) / std → tanh(z W1 + b1) W2 + b2 → mean((recon - z)^2) per row."""
    k = len(FEATURES)
    f32 = lambda a: np.asarray(a, dtype=np.float32)
    inits = [
        numpy_helper.from_array(f32(mean), "mean"), numpy_helper.from_array(f32(std), "std"),
        numpy_helper.from_array(f32(mlp.coefs_[0]), "w1"), numpy_helper.from_array(f32(mlp.intercepts_[0]), "b1"),
        numpy_helper.from_array(f32(mlp.coefs_[1]), "w2"), numpy_helper.from_array(f32(mlp.intercepts_[1]), "b2"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
    ]
    nodes = [
        helper.make_node("Sub", ["features", "mean"], ["centred"]),
        helper.make_node("Div", ["centred", "std"], ["z"]),
        helper.make_node("MatMul", ["z", "w1"], ["h0"]),
        helper.make_node("Add", ["h0", "b1"], ["h1"]),
        helper.make_node("Tanh", ["h1"], ["h"]),
        helper.make_node("MatMul", ["h", "w2"], ["r0"]),
        helper.make_node("Add", ["r0", "b2"], ["recon"]),
        helper.make_node("Sub", ["recon", "z"], ["diff"]),
        helper.make_node("Mul", ["diff", "diff"], ["sq"]),
        helper.make_node("ReduceMean", ["sq", "axis1"], ["score"], keepdims=1),
    ]
    graph = helper.make_graph(
        nodes, "vibration_autoencoder",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", k])],
        [helper.make_tensor_value_info("score", TensorProto.FLOAT, ["N", 1])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)], producer_name="car-sensors example")
    model.ir_version = 8
    model.doc_string = "Reconstruction error of a healthy car's 5-second vibration window: " + ", ".join(FEATURES)
    onnx.checker.check_model(model)
    return model


def main(csv_path, out_path):
    x = windows(csv_path)
    mean, std = x.mean(axis=0), x.std(axis=0)
    z = (x - mean) / std
    mlp = MLPRegressor(hidden_layer_sizes=(3,), activation="tanh", max_iter=3000, random_state=7, tol=1e-6)
    mlp.fit(z, z)
    model = to_onnx(mean, std, mlp)
    onnx.save(model, out_path)
    # The framework's own reconstruction error beside the ONNX model's: they must agree.
    expected = ((mlp.predict(z) - z) ** 2).mean(axis=1)
    session = onnxruntime.InferenceSession(out_path)
    got = session.run(["score"], {"features": x.astype(np.float32)})[0][:, 0]
    assert np.allclose(got, expected, rtol=1e-3, atol=1e-4), np.abs(got - expected).max()
    print(f"{len(x)} healthy windows; score p50 {np.median(expected):.3f}, p99 {np.percentile(expected, 99):.3f}, "
          f"max {expected.max():.3f}; wrote {out_path}")


if __name__ == "__main__":
    main(*(sys.argv[1:3] if len(sys.argv) >= 3 else ["healthy.csv", "vibration_autoencoder.onnx"]))
