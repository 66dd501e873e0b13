-- Anomaly detection on the Statlog (Shuttle) stream: three online detectors score every row
-- before they learn it, and the true labels show how well each one picks out the outliers.
-- Data: Statlog (Shuttle) data set, UCI Machine Learning Repository, CC BY 4.0 (see NOTICE).
-- Run it: npx eddy run examples/shuttle-anomaly/shuttle-anomaly.sql
SET 'auto.offset.reset' = 'earliest';

-- Nine numeric attributes per row; OUTLIER is 1 for the rare classes (7.15% of the rows).
CREATE STREAM shuttle (v1 DOUBLE, v2 DOUBLE, v3 DOUBLE, v4 DOUBLE, v5 DOUBLE,
                       v6 DOUBLE, v7 DOUBLE, v8 DOUBLE, v9 DOUBLE, outlier INT)
  WITH (KAFKA_TOPIC='shuttle', VALUE_FORMAT='JSON', PARTITIONS=1);

-- Unsupervised detectors: they learn from the nine attributes only. LABEL='outlier' is never
-- learned from; it only lets DESCRIBE MODEL report the ROC AUC of the scores against it.
CREATE MODEL maha WITH (TYPE='mahalanobis', LABEL='outlier')
  AS SELECT v1, v2, v3, v4, v5, v6, v7, v8, v9, outlier FROM shuttle TRAIN ONLINE;
CREATE MODEL ranks WITH (TYPE='rank_zscore', LABEL='outlier')
  AS SELECT v1, v2, v3, v4, v5, v6, v7, v8, v9, outlier FROM shuttle TRAIN ONLINE;
CREATE MODEL hst WITH (TYPE='half_space_trees', LABEL='outlier', SEED=7)
  AS SELECT v1, v2, v3, v4, v5, v6, v7, v8, v9, outlier FROM shuttle TRAIN ONLINE;

-- Every row scored by each model as it was just before it learned that row (test-then-train).
-- Created before the data arrives, so every row is scored on its way in.
CREATE STREAM scored AS
  SELECT ROWOFFSET AS row_no, outlier,
         ANOMALY_SCORE(maha, v1, v2, v3, v4, v5, v6, v7, v8, v9) AS maha_score,
         ANOMALY_SCORE(ranks, v1, v2, v3, v4, v5, v6, v7, v8, v9) AS ranks_score,
         ANOMALY_SCORE(hst, v1, v2, v3, v4, v5, v6, v7, v8, v9) AS hst_score
  FROM shuttle;

-- The first 20,000 rows of the data set (1,428 outliers), in their original order: the whole
-- file (shuttle-odds.csv, 49,097 rows) takes longer than a test should; see the README.
COPY shuttle FROM 'shuttle-odds-first-20000.csv' WITH (FORMAT='CSV', HEADER=true);

-- Alerts at one threshold per model (set on the whole file, where each flags 7-9% of the rows),
-- and a vote: two of the three models agree. Grouped by the truth, so each row of this table is
-- one line of a confusion matrix. Row 0 is left out: no model had seen anything, it has no score.
CREATE TABLE alert_counts AS
  SELECT outlier,
         COUNT(*) AS rows,
         SUM(CASE WHEN maha_score > 3.5 THEN 1 ELSE 0 END) AS maha_alerts,
         SUM(CASE WHEN ranks_score > 17 THEN 1 ELSE 0 END) AS ranks_alerts,
         SUM(CASE WHEN hst_score > 0.7 THEN 1 ELSE 0 END) AS hst_alerts,
         SUM(CASE WHEN (CASE WHEN maha_score > 3.5 THEN 1 ELSE 0 END)
                     + (CASE WHEN ranks_score > 17 THEN 1 ELSE 0 END)
                     + (CASE WHEN hst_score > 0.7 THEN 1 ELSE 0 END) >= 2 THEN 1 ELSE 0 END) AS vote_alerts
  FROM scored
  WHERE row_no > 0
  GROUP BY outlier;

-- Each model has learned every row.
SHOW MODELS;

-- Each model's prequential ROC AUC: every row scored before the model learned it.
DESCRIBE MODEL maha;
DESCRIBE MODEL ranks;
DESCRIBE MODEL hst;

-- Per true class: rows, and the alerts each model (and the vote) raised. OUTLIER = 1 counts the
-- outliers caught; OUTLIER = 0 counts the false alarms.
SELECT outlier, rows, maha_alerts, ranks_alerts, hst_alerts, vote_alerts FROM alert_counts;

-- Alerts as they come, later in the stream (the models have long warmed up): the first ten
-- rows from row 15,000 on that at least two of the three detectors flag, next to the truth.
SELECT row_no, outlier, ROUND(maha_score, 2) AS maha, ROUND(ranks_score, 2) AS ranks, ROUND(hst_score, 3) AS hst
FROM scored
WHERE row_no >= 15000
  AND (CASE WHEN maha_score > 3.5 THEN 1 ELSE 0 END)
    + (CASE WHEN ranks_score > 17 THEN 1 ELSE 0 END)
    + (CASE WHEN hst_score > 0.7 THEN 1 ELSE 0 END) >= 2
EMIT CHANGES LIMIT 10;
