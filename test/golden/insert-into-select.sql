-- INSERT INTO ... SELECT: a second persistent query writes into an existing stream, merging two
-- sources into one. Its query id is INSERTQUERY_<n>.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM web_events (user_id STRING KEY, action STRING)
  WITH (KAFKA_TOPIC='web_events', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM app_events (user_id STRING KEY, action STRING)
  WITH (KAFKA_TOPIC='app_events', VALUE_FORMAT='JSON', PARTITIONS=1);

CREATE STREAM all_events AS
  SELECT user_id, action, 'web' AS channel FROM web_events EMIT CHANGES;

INSERT INTO all_events
  SELECT user_id, action, 'app' AS channel FROM app_events EMIT CHANGES;

INSERT INTO web_events (user_id, action) VALUES ('u1', 'login');
INSERT INTO app_events (user_id, action) VALUES ('u2', 'open');
INSERT INTO web_events (user_id, action) VALUES ('u1', 'logout');

SELECT * FROM all_events EMIT CHANGES LIMIT 3;

SHOW QUERIES;

-- The schemas must match: this one has no CHANNEL column.
INSERT INTO all_events SELECT user_id, action FROM app_events EMIT CHANGES;
