"""River's equivalents of the Eddy ML benchmark, run by bench/ml/run.ts when `import river` works.

Usage: python3 river-baseline.py SHUTTLE_CSV SEA_DIR N_SEA_SEEDS HST_SEEDS
Prints one JSON object: Shuttle ROC AUC of MinMaxScaler | HalfSpaceTrees (score then learn) per
seed, SEA prequential accuracy of StandardScaler | LogisticRegression and GaussianNB per stream,
and learn+predict rows/s of StandardScaler | LogisticRegression on 10 features (CPU time).
"""
import csv
import json
import random
import sys
import time

from river import anomaly, compose, linear_model, naive_bayes, preprocessing


def auc(labels, scores):
    pairs = sorted(zip(scores, labels))
    pos = sum(labels)
    neg = len(labels) - pos
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        p = sum(l for _, l in pairs[i:j])
        rank_sum += p * (i + 1 + j) / 2
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def read_rows(path, label):
    with open(path) as f:
        r = csv.DictReader(f)
        rows = []
        for row in r:
            y = int(float(row.pop(label)))
            rows.append(({k: float(v) for k, v in row.items()}, y))
        return rows


def shuttle(path, seeds):
    rows = read_rows(path, "outlier")
    out = []
    for seed in range(seeds):
        model = compose.Pipeline(preprocessing.MinMaxScaler(), anomaly.HalfSpaceTrees(seed=seed))
        scores = []
        for x, _ in rows:
            scores.append(model.score_one(x))
            model.learn_one(x)
        out.append(auc([y for _, y in rows], scores))
    return out


def prequential(rows, model):
    ok = 0
    for x, y in rows:
        if model.predict_one(x) == y:
            ok += 1
        model.learn_one(x, y)
    return ok / len(rows)


def throughput():
    rng = random.Random(1)
    rows = []
    for _ in range(20000):
        x = {f"f{j}": rng.gauss(j, 1 + j / 2) for j in range(10)}
        rows.append((x, x["f0"] - x["f1"] / 1.5 > -1))
    model = compose.Pipeline(preprocessing.StandardScaler(), linear_model.LogisticRegression())
    t0 = time.process_time()
    for x, y in rows:
        model.predict_one(x)
        model.learn_one(x, y)
    return len(rows) / (time.process_time() - t0)


def main():
    shuttle_csv, sea_dir, n_sea, hst_seeds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    result = {"hst_auc": shuttle(shuttle_csv, hst_seeds), "sea_logistic": [], "sea_gaussian_nb": []}
    for s in range(1, n_sea + 1):
        rows = read_rows(f"{sea_dir}/sea-{s}.csv", "y")
        lr = compose.Pipeline(preprocessing.StandardScaler(), linear_model.LogisticRegression())
        result["sea_logistic"].append(prequential(rows, lr))
        result["sea_gaussian_nb"].append(prequential(rows, naive_bayes.GaussianNB()))
    result["logistic_rows_per_sec"] = throughput()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
