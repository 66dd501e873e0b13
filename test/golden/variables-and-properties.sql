-- DEFINE / UNDEFINE variables substituted as ${name} in later statements, and SET / UNSET of
-- session properties (SHOW VARIABLES and SHOW PROPERTIES list them).
DEFINE topic_name = 'metrics';
DEFINE min_value = '10';
DEFINE stream_name = 'metrics';

SHOW VARIABLES;

SET 'auto.offset.reset' = 'earliest';
SET 'ksql.functions.collect_list.limit' = '2';

CREATE STREAM ${stream_name} (host STRING KEY, value INT)
  WITH (KAFKA_TOPIC='${topic_name}', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO ${stream_name} (host, value) VALUES ('h1', 5);
INSERT INTO ${stream_name} (host, value) VALUES ('h1', 15);
INSERT INTO ${stream_name} (host, value) VALUES ('h2', 25);
INSERT INTO ${stream_name} (host, value) VALUES ('h1', 35);

-- The variable is substituted inside an expression and a string literal alike.
SELECT host, value, '${topic_name}' AS source FROM ${stream_name}
  WHERE value > ${min_value} EMIT CHANGES LIMIT 3;

-- COLLECT_LIST keeps at most 2 elements, as SET above asked.
SELECT host, COLLECT_LIST(value) AS vals FROM metrics GROUP BY host EMIT CHANGES LIMIT 4;

SHOW PROPERTIES;

UNSET 'ksql.functions.collect_list.limit';
UNDEFINE min_value;
SHOW VARIABLES;

-- Undefining a variable that is not defined says so.
UNDEFINE min_value;

