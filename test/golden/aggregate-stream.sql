-- GROUP BY over a stream: one running aggregate per key, as a table (CTAS), read back with a
-- push query over its changelog and a pull query for the current state.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM pageviews (user_id STRING KEY, page STRING, duration_ms INT)
  WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', 'home', 120);
INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u2', 'home', 300);
INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', 'cart', 80);
INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u3', 'home', NULL);
INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', 'checkout', 40);

CREATE TABLE per_user AS
  SELECT user_id,
         COUNT(*) AS views,
         COUNT(duration_ms) AS timed_views,
         SUM(duration_ms) AS total_ms,
         MIN(duration_ms) AS shortest,
         MAX(duration_ms) AS longest,
         AVG(duration_ms) AS avg_ms,
         COLLECT_LIST(page) AS pages,
         LATEST_BY_OFFSET(page) AS last_page
  FROM pageviews
  GROUP BY user_id
  EMIT CHANGES;

-- Every change to the table, in order: u1 is updated three times.
SELECT * FROM per_user EMIT CHANGES LIMIT 5;

-- The current state, one row per key.
SELECT user_id, views, total_ms, last_page FROM per_user;

-- Grouping by a value column (not the key) re-keys the result.
CREATE TABLE per_page AS
  SELECT page, COUNT(*) AS views, COUNT_DISTINCT(user_id) AS users
  FROM pageviews GROUP BY page EMIT CHANGES;

SELECT * FROM per_page WHERE page = 'home';
