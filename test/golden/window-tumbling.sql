-- TUMBLING windows: fixed, non-overlapping one-minute buckets per key, with WINDOWSTART and
-- WINDOWEND. The grace period is 30 seconds: a record arriving for a window that closed more
-- than 30 seconds of stream time ago is dropped.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM clicks (user_id STRING KEY, url STRING)
  WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);

CREATE TABLE clicks_per_minute AS
  SELECT user_id, WINDOWSTART AS win_start, WINDOWEND AS win_end, COUNT(*) AS clicks
  FROM clicks
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 30 SECONDS)
  GROUP BY user_id
  EMIT CHANGES;

-- ROWTIME is set explicitly so the windows are deterministic.
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (0, 'u1', '/a');
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (15000, 'u1', '/b');
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (59999, 'u2', '/a');
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (60000, 'u1', '/c');
-- Late, but within the grace period: window [0, 60000) closes at 60000 + 30000.
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (20000, 'u1', '/late-ok');
-- Stream time moves to 150000: the first window is now closed for good.
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (150000, 'u2', '/d');
-- Too late: dropped (its window ended more than 30 seconds before stream time).
INSERT INTO clicks (ROWTIME, user_id, url) VALUES (30000, 'u1', '/too-late');

-- Every update of every window, in order.
SELECT user_id, win_start, win_end, clicks FROM clicks_per_minute EMIT CHANGES LIMIT 6;

-- A pull query: u1's first window counts 3 clicks, not 4 (the too-late one was dropped).
SELECT user_id, win_start, clicks FROM clicks_per_minute WHERE user_id = 'u1';

-- The windowed key columns are also available directly in a push query over the stream.
SELECT user_id, WINDOWSTART, WINDOWEND, COUNT(*) AS n
  FROM clicks WINDOW TUMBLING (SIZE 2 MINUTES) GROUP BY user_id EMIT CHANGES LIMIT 4;
