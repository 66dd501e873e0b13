-- Functions that take sizes, patterns and windows from their arguments, for the fuzz test.
SET 'auto.offset.reset' = 'earliest';
CREATE STREAM texts (id STRING KEY, t STRING, n INT, ts BIGINT) WITH (KAFKA_TOPIC='texts', VALUE_FORMAT='JSON', PARTITIONS=1, TIMESTAMP='ts');
INSERT INTO texts (id, t, n, ts) VALUES ('a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaab', 3, 1000);
INSERT INTO texts (id, t, n, ts) VALUES ('b', 'x%y_z', 0, 61000);
SELECT id, REGEXP_REPLACE(t, '(a+)+$', 'x') AS r, REGEXP_EXTRACT('(\\w)\\w', t, 1) AS e, t LIKE '%a%a%a%b' AS l, SPLIT(t, 'a') AS s FROM texts EMIT CHANGES LIMIT 2;
SELECT id, GENERATE_SERIES(1, n) AS g, LPAD(t, n * 10, '-') AS p, ROUND(n * 1.5, 2) AS r, ENCODE(t, 'utf8', 'base64') AS b FROM texts EMIT CHANGES LIMIT 2;
CREATE TABLE hops AS SELECT id, COUNT(*) AS c, COLLECT_LIST(n) AS ns, TOPK(n, 2) AS top FROM texts WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS, RETENTION 1 DAY) GROUP BY id EMIT CHANGES;
CREATE TABLE sessions AS SELECT id, COUNT(*) AS c, EWMA(CAST(n AS DOUBLE), 0.5) AS e FROM texts WINDOW SESSION (30 SECONDS) GROUP BY id EMIT FINAL;
CREATE STREAM repart AS SELECT t, n FROM texts PARTITION BY t EMIT CHANGES;
SELECT * FROM hops;
