-- EMIT FINAL: a windowed aggregation that writes one row per window, once the window has closed
-- (its end plus the grace period has passed in stream time), instead of every update.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM readings (sensor STRING KEY, temp DOUBLE)
  WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);

CREATE TABLE final_minutes AS
  SELECT sensor, WINDOWSTART AS win_start, COUNT(*) AS n, MAX(temp) AS max_temp
  FROM readings
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS)
  GROUP BY sensor
  EMIT FINAL;

INSERT INTO readings (ROWTIME, sensor, temp) VALUES (1000, 's1', 20.0);
INSERT INTO readings (ROWTIME, sensor, temp) VALUES (2000, 's1', 21.0);
INSERT INTO readings (ROWTIME, sensor, temp) VALUES (3000, 's2', 30.0);
INSERT INTO readings (ROWTIME, sensor, temp) VALUES (61000, 's1', 22.0);
-- Stream time passes 120000: the windows [0, 60000) are closed (at 61000) and so is
-- [60000, 120000) now.
INSERT INTO readings (ROWTIME, sensor, temp) VALUES (125000, 's1', 23.0);

-- One row per closed window, each written once: s1 and s2 for the first minute, s1 for the
-- second. The window still open (from 120000) is not written yet.
SELECT sensor, win_start, n, max_temp FROM final_minutes EMIT CHANGES LIMIT 3;

-- A push query can also EMIT FINAL.
SELECT sensor, WINDOWSTART AS win_start, COUNT(*) AS n
  FROM readings WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS)
  GROUP BY sensor EMIT FINAL LIMIT 3;
