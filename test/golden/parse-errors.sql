-- A script with several syntax errors: every one is reported, each with its line and column,
-- before anything runs (the valid statements between them do not run either). Exit code 1.
CREATE STREAM s (id INT KEY, v STRING)
  WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);

SELEC * FROM s EMIT CHANGES LIMIT 1;

INSERT INTO s (id, v) VALUES (1, 'ok');

CREATE STREAM t AS SELECT id, FROM s EMIT CHANGES;

SELECT * FROM s WHERE v = 'unterminated EMIT CHANGES LIMIT 1;
