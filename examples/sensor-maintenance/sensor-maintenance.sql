-- Predictive maintenance: per-press features over a moving one-hour window, an online anomaly
-- model on those features, and an alert stream. Press-4's bearing starts to wear on day 2; its
-- alerts should dominate and grow as the wear gets worse. The data comes from generate.mjs.
-- Run it: npx eddy run examples/sensor-maintenance/sensor-maintenance.sql
SET 'auto.offset.reset' = 'earliest';

-- One reading a minute from each of six presses, Monday 3 June 2024 to Wednesday (UTC).
CREATE STREAM readings (machine STRING KEY, vibration DOUBLE, temperature DOUBLE)
  WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);

-- Features per press over the last hour, every 15 minutes: the vibration's level, spread and
-- peak, and the temperature as a moving average that favours the latest minutes (EWMA).
-- EMIT FINAL gives one row per window, when it closes (no grace period: readings are in order).
-- STDDEV_SAMPLE is the standard deviation (ksqlDB's STDDEV_SAMP returns the variance).
CREATE TABLE machine_features AS
  SELECT machine,
         AS_VALUE(machine) AS machine_id,
         WINDOWSTART AS window_start,
         COUNT(*) AS readings,
         AVG(vibration) AS avg_vibration,
         STDDEV_SAMPLE(vibration) AS sd_vibration,
         MAX(vibration) AS max_vibration,
         EWMA(temperature, 0.1) AS ewma_temperature
  FROM readings
  WINDOW HOPPING (SIZE 60 MINUTES, ADVANCE BY 15 MINUTES, GRACE PERIOD 0 MINUTES)
  GROUP BY machine
  EMIT FINAL;

-- The anomaly model learns what the fleet's hours look like, from the windowed table itself.
-- rank_zscore ranks each feature against its history, so the score is about 4 (one per feature)
-- for a typical hour and passes 20 about once in 2,000 typical hours. Windows with fewer than 60
-- readings (the first hour, before every press has reported for a full hour) are left out.
CREATE MODEL wear WITH (TYPE='rank_zscore')
  AS SELECT avg_vibration, sd_vibration, max_vibration, ewma_temperature
  FROM machine_features WHERE readings = 60 TRAIN ONLINE;

-- The same windows as a stream (a stream over the table's topic; its windowed key is not needed,
-- the press is in MACHINE_ID), so that a persistent query can turn them into alerts.
CREATE STREAM feature_windows (machine_id STRING, window_start BIGINT, readings BIGINT,
                               avg_vibration DOUBLE, sd_vibration DOUBLE, max_vibration DOUBLE,
                               ewma_temperature DOUBLE)
  WITH (KAFKA_TOPIC='MACHINE_FEATURES', VALUE_FORMAT='JSON');

-- Alerts: the windows that score above 20, each scored by the model as it was before it learned
-- that window (test-then-train). The first hour of windows is the model's warm-up: skipped.
CREATE STREAM alerts AS
  SELECT machine_id AS machine,
         window_start,
         ROUND(ANOMALY_SCORE(wear, avg_vibration, sd_vibration, max_vibration, ewma_temperature), 1) AS score,
         ROUND(avg_vibration, 3) AS avg_vibration,
         ROUND(max_vibration, 3) AS max_vibration,
         ROUND(ewma_temperature, 2) AS ewma_temperature
  FROM feature_windows
  WHERE readings = 60
    AND window_start >= STRINGTOTIMESTAMP('2024-06-03 01:00', 'yyyy-MM-dd HH:mm', 'UTC')
    AND ANOMALY_SCORE(wear, avg_vibration, sd_vibration, max_vibration, ewma_temperature) > 20;

-- Three days of readings, in time order.
COPY readings FROM 'readings.csv' WITH (FORMAT='CSV', HEADER=true);

-- Alerts per press, and per press and day.
CREATE TABLE alerts_per_machine AS
  SELECT machine,
         COUNT(*) AS alerts,
         TIMESTAMPTOSTRING(MIN(window_start), 'EEE HH:mm', 'UTC') AS first_alert,
         MAX(score) AS max_score
  FROM alerts
  GROUP BY machine;

-- (A key of two columns needs a key format that holds several: JSON.)
CREATE TABLE alerts_per_day WITH (KEY_FORMAT='JSON') AS
  SELECT machine,
         TIMESTAMPTOSTRING(window_start, 'EEE', 'UTC') AS day,
         COUNT(*) AS alerts
  FROM alerts
  GROUP BY machine, TIMESTAMPTOSTRING(window_start, 'EEE', 'UTC');

-- Each press's alert count: press-4 dominates.
SELECT machine, alerts, first_alert, max_score FROM alerts_per_machine;

-- And day by day: press-4 from Tuesday, when the wear starts, more on Wednesday as it worsens.
SELECT machine, day, alerts FROM alerts_per_day;

-- The alerts of the other presses: a few isolated windows, not a trend. Press-6's is its loose
-- sensor on Tuesday afternoon; the others are the fleet's hottest and coolest hours.
SELECT machine, TIMESTAMPTOSTRING(window_start, 'EEE HH:mm', 'UTC') AS window_start, score,
       avg_vibration, max_vibration, ewma_temperature
FROM alerts WHERE machine <> 'press-4' EMIT CHANGES LIMIT 4;
