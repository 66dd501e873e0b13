-- SESSION windows: a key's records closer together than the inactivity gap (1 minute) form one
-- session; a record that bridges two sessions merges them into one (the two old sessions are
-- removed from the table).
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM logins (user_id STRING KEY, device STRING)
  WITH (KAFKA_TOPIC='logins', VALUE_FORMAT='JSON', PARTITIONS=1);

CREATE TABLE sessions AS
  SELECT user_id, WINDOWSTART AS session_start, WINDOWEND AS session_end,
         COUNT(*) AS events, LATEST_BY_OFFSET(device) AS last_device
  FROM logins
  WINDOW SESSION (1 MINUTE)
  GROUP BY user_id
  EMIT CHANGES;

INSERT INTO logins (ROWTIME, user_id, device) VALUES (0, 'u1', 'phone');
INSERT INTO logins (ROWTIME, user_id, device) VALUES (30000, 'u1', 'phone');
-- More than a minute after the last one: a new session.
INSERT INTO logins (ROWTIME, user_id, device) VALUES (150000, 'u1', 'laptop');
-- Another user, its own session.
INSERT INTO logins (ROWTIME, user_id, device) VALUES (160000, 'u2', 'tablet');
-- Within a minute of both u1 sessions' edges (30s and 150s): merges them into one.
INSERT INTO logins (ROWTIME, user_id, device) VALUES (90000, 'u1', 'watch');

SELECT user_id, session_start, session_end, events, last_device FROM sessions EMIT CHANGES LIMIT 5;

-- The current sessions: u1 has one session from 0 to 150s with 4 events.
SELECT user_id, session_start, session_end, events FROM sessions;
