-- golden: test/examples/car-sensors.test.ts (it starts an MQTT broker and the simulator; README.md)
-- Connected cars: vibration readings arrive over MQTT, a connector brings them into a topic,
-- windowed features per car, two models score every window — an autoencoder Eddy trains online
-- on the fleet, and one a data science team trained offline and exported to ONNX — and the
-- windows either flags become alerts. Four cars develop a worn wheel bearing (simulate.mjs).
-- Run it (README.md): node bin/eddy.js run examples/car-sensors/car-sensors.sql
--                       --define mqtt_uri=tcp://127.0.0.1:1883
SET 'auto.offset.reset' = 'earliest';

-- Every message on cars/<car>/vibration into the topic car_sensors: key the car (level 1 of
-- the MQTT topic), value the JSON payload as published. QoS 1: a message is acknowledged to the
-- MQTT broker only once the topic has it. A clean session, because this script's log lives only
-- as long as the script: with the default persistent session the broker would keep what a run
-- left unread for the next run (see README.md; on Kafka, keep the default).
CREATE SOURCE CONNECTOR car_sensors WITH (
  'connector.class' = 'MqttSource',
  'mqtt.server.uri' = '${mqtt_uri}',
  'mqtt.topics' = 'cars/+/vibration',
  'mqtt.qos' = '1',
  'mqtt.clean.session.enabled' = 'true',
  'key.mqtt.topic.level' = '1',
  'kafka.topic' = 'car_sensors');

-- The readings, by event time (the car's clock, TS), not by arrival.
CREATE STREAM vibration (car_id STRING KEY, ts BIGINT, speed_kmh DOUBLE, rms_g DOUBLE, peak_g DOUBLE, freq_hz DOUBLE)
  WITH (KAFKA_TOPIC='car_sensors', VALUE_FORMAT='JSON', TIMESTAMP='ts');

-- Features per car and 5-second window, one row when the window closes: the speed, the
-- vibration's level (RMS) and spread, its peak, and the dominant frequency.
CREATE TABLE car_windows AS
  SELECT car_id,
         AS_VALUE(car_id) AS car,
         WINDOWSTART AS window_start,
         COUNT(*) AS readings,
         AVG(speed_kmh) AS speed_avg,
         AVG(rms_g) AS rms_avg,
         STDDEV_SAMPLE(rms_g) AS rms_sd,
         MAX(peak_g) AS peak_max,
         AVG(freq_hz) AS freq_avg
  FROM vibration
  WINDOW TUMBLING (SIZE 5 SECONDS, GRACE PERIOD 0 SECONDS)
  GROUP BY car_id
  EMIT FINAL;

-- The online autoencoder learns what the fleet's windows look like, from the windows themselves.
CREATE MODEL fleet_autoencoder WITH (TYPE='autoencoder', SEED=7)
  AS SELECT speed_avg, rms_avg, rms_sd, peak_max, freq_avg
  FROM car_windows WHERE readings = 5 TRAIN ONLINE;

-- The batch model: trained offline on healthy cars (train_vibration_model.py), its output the
-- reconstruction error of the same five features.
CREATE MODEL bearing_model WITH (TYPE='onnx', PATH='vibration_autoencoder.onnx');

-- The windows as a stream, so that a persistent query scores each one as it closes.
CREATE STREAM window_features (car STRING, window_start BIGINT, readings BIGINT, speed_avg DOUBLE,
                               rms_avg DOUBLE, rms_sd DOUBLE, peak_max DOUBLE, freq_avg DOUBLE)
  WITH (KAFKA_TOPIC='CAR_WINDOWS', VALUE_FORMAT='JSON');

CREATE STREAM scored AS
  SELECT car, window_start,
         ANOMALY_SCORE(fleet_autoencoder, speed_avg, rms_avg, rms_sd, peak_max, freq_avg) AS online_score,
         ANOMALY_SCORE(bearing_model, speed_avg, rms_avg, rms_sd, peak_max, freq_avg) AS onnx_score,
         rms_avg, peak_max
  FROM window_features
  WHERE readings = 5;

-- An alert when the offline model's error passes 1 (healthy windows stay below 0.1), or the
-- online model's passes 3 once it has seen the fleet for 45 seconds (450 windows).
CREATE STREAM alerts AS
  SELECT car, window_start,
         onnx_score > 1 AS by_batch_model,
         online_score > 3 AND window_start >= STRINGTOTIMESTAMP('2024-12-02 08:00:45', 'yyyy-MM-dd HH:mm:ss', 'UTC') AS by_online_model,
         ROUND(onnx_score, 2) AS onnx_score,
         ROUND(online_score, 2) AS online_score,
         ROUND(rms_avg, 3) AS rms_avg,
         ROUND(peak_max, 3) AS peak_max
  FROM scored
  WHERE onnx_score > 1
     OR (online_score > 3 AND window_start >= STRINGTOTIMESTAMP('2024-12-02 08:00:45', 'yyyy-MM-dd HH:mm:ss', 'UTC'));

CREATE TABLE alerts_per_car AS
  SELECT car,
         COUNT(*) AS alerts,
         SUM(CASE WHEN by_batch_model THEN 1 ELSE 0 END) AS batch_model_alerts,
         SUM(CASE WHEN by_online_model THEN 1 ELSE 0 END) AS online_model_alerts,
         TIMESTAMPTOSTRING(MIN(window_start), 'HH:mm:ss', 'UTC') AS first_alert
  FROM alerts
  GROUP BY car;

-- The online model watched through the metrics stream (a row per model every few seconds):
-- its mean score over the last 1000 windows rising past 2 means the fleet as a whole looks
-- different from what the model learned — new roads, a new car model, parts wearing everywhere —
-- rather than one car. (In this drive it ends at 0.61: DESCRIBE MODEL below.)
CREATE STREAM fleet_model_watch AS
  SELECT model_key, rows, ROUND(recent_metrics['mean_score'], 3) AS recent_mean_score, drifts
  FROM EDDY_MODEL_METRICS
  WHERE model = 'FLEET_AUTOENCODER' AND recent_metrics['mean_score'] > 2;

-- Wait for the drive to end: the simulator's last window closes at 08:02:55.
SELECT car, window_start FROM window_features
  WHERE window_start >= STRINGTOTIMESTAMP('2024-12-02 08:02:50', 'yyyy-MM-dd HH:mm:ss', 'UTC')
  EMIT CHANGES LIMIT 1;

-- The cars to send to the workshop, with their first alert: the four with worn bearings. The
-- online model flags each fault as it starts, then learns it as the car's new normal (it keeps
-- learning, on every window); the batch model, trained on healthy cars only, keeps flagging it.
SELECT car, alerts, batch_model_alerts, online_model_alerts, first_alert FROM alerts_per_car;

-- Car 07 around its fault: both scores, window by window.
SELECT TIMESTAMPTOSTRING(window_start, 'HH:mm:ss', 'UTC') AS window_start,
       ROUND(onnx_score, 2) AS onnx_score, ROUND(online_score, 2) AS online_score
FROM scored
WHERE car = 'car-07'
  AND window_start BETWEEN STRINGTOTIMESTAMP('2024-12-02 08:00:50', 'yyyy-MM-dd HH:mm:ss', 'UTC')
                       AND STRINGTOTIMESTAMP('2024-12-02 08:01:45', 'yyyy-MM-dd HH:mm:ss', 'UTC')
EMIT CHANGES LIMIT 12;

-- What the online model has learned (EDDY_MODEL_METRICS carries the same every few seconds).
DESCRIBE MODEL fleet_autoencoder;
