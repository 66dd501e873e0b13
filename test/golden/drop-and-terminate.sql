-- DROP and TERMINATE: TERMINATE stops a query; DROP of a CTAS table also stops the query that
-- writes it; DROP IF EXISTS; and a source that a query still reads cannot be dropped (the
-- error names the query).
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM events (id INT KEY, kind STRING)
  WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM errors AS SELECT * FROM events WHERE kind = 'error' EMIT CHANGES;
CREATE TABLE kinds AS SELECT kind, COUNT(*) AS n FROM events GROUP BY kind EMIT CHANGES;
CREATE STREAM infos AS SELECT * FROM events WHERE kind = 'info' EMIT CHANGES;

INSERT INTO events (id, kind) VALUES (1, 'error');
INSERT INTO events (id, kind) VALUES (2, 'info');

SHOW QUERIES;

-- Stopping the CSAS query: later events no longer reach ERRORS, but still reach KINDS.
TERMINATE CSAS_ERRORS_0;
INSERT INTO events (id, kind) VALUES (3, 'error');
SELECT * FROM errors;
SELECT * FROM kinds WHERE kind = 'error';

-- ERRORS has no query writing it any more, so it can be dropped.
DROP STREAM errors;

-- Dropping a CTAS table terminates the query that populates it.
DROP TABLE kinds;
SHOW QUERIES;

DROP STREAM IF EXISTS errors;

-- CSAS_INFOS_2 still reads EVENTS: this fails, and says which query to terminate.
DROP STREAM events;
