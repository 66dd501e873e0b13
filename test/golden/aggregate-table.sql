-- GROUP BY over a table: an update moves a row from one group to another (the old value is
-- subtracted, the new one added), and a tombstone (a null value, written through a KAFKA-format
-- stream over the table's topic, since INSERT VALUES cannot write tombstones) removes it.
SET 'auto.offset.reset' = 'earliest';

CREATE TABLE accounts (id STRING PRIMARY KEY, region STRING, balance INT)
  WITH (KAFKA_TOPIC='accounts', VALUE_FORMAT='JSON', PARTITIONS=1);

-- A stream over the same topic whose only value column is a KAFKA-format string: inserting a
-- row with no value writes a record with a null value, which the table reads as a delete.
CREATE STREAM account_deletes (id STRING KEY, unused STRING)
  WITH (KAFKA_TOPIC='accounts', VALUE_FORMAT='KAFKA');

CREATE TABLE per_region AS
  SELECT region, COUNT(*) AS accounts, SUM(balance) AS total
  FROM accounts GROUP BY region EMIT CHANGES;

INSERT INTO accounts (id, region, balance) VALUES ('a1', 'north', 100);
INSERT INTO accounts (id, region, balance) VALUES ('a2', 'north', 50);
INSERT INTO accounts (id, region, balance) VALUES ('a3', 'south', 70);

SELECT * FROM per_region;

-- a2 moves south with a new balance.
INSERT INTO accounts (id, region, balance) VALUES ('a2', 'south', 30);
SELECT * FROM per_region;

-- a1 is deleted: north has no accounts left.
INSERT INTO account_deletes (id) VALUES ('a1');
SELECT * FROM per_region;

-- The source table itself no longer has a1 either.
SELECT * FROM accounts;

-- Every change the aggregate made, in order.
SELECT * FROM per_region EMIT CHANGES LIMIT 6;
