-- Per-sensor averages over one-minute windows, and the readings that run hot.
-- Run it: npx eddy run examples/sensor-averages/sensor-averages.sql
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM readings (sensor STRING KEY, temp DOUBLE, vibration DOUBLE)
  WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);

COPY readings FROM 'readings.csv' WITH (FORMAT='CSV', HEADER=true);

CREATE TABLE sensor_minutes AS
  SELECT sensor,
         WINDOWSTART AS window_start,
         COUNT(*) AS readings,
         ROUND(AVG(temp), 2) AS avg_temp,
         MAX(vibration) AS max_vibration
  FROM readings
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY sensor
  EMIT CHANGES;

CREATE STREAM hot_readings AS
  SELECT sensor, temp, vibration FROM readings WHERE temp > 70 EMIT CHANGES;

-- The hot readings, as they were written to their topic.
SELECT sensor, temp, vibration FROM hot_readings EMIT CHANGES LIMIT 2;

-- The current state of the windowed table (a pull query).
SELECT sensor, window_start, readings, avg_temp, max_vibration FROM sensor_minutes;
