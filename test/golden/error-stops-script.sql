-- A statement that fails when it runs stops the script: the error names the file, line and
-- column, the exit code is 1, and nothing after it runs (LATER is never created).
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM notes (id INT KEY, body STRING)
  WITH (KAFKA_TOPIC='notes', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO notes (id, body) VALUES (1, 'first');

-- NOTES has no column AUTHOR.
SELECT id,
       author
  FROM notes EMIT CHANGES LIMIT 1;

CREATE STREAM later (id INT KEY, body STRING)
  WITH (KAFKA_TOPIC='later', VALUE_FORMAT='JSON', PARTITIONS=1);
