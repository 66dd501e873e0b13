-- Pull queries (SELECT without EMIT) on a table built with CREATE TABLE AS SELECT: they return
-- the table's current state and end. By key with WHERE, by a non-key column, and a full scan.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM deposits (account STRING KEY, amount INT)
  WITH (KAFKA_TOPIC='deposits', VALUE_FORMAT='JSON', PARTITIONS=2);

INSERT INTO deposits (account, amount) VALUES ('acc-1', 100);
INSERT INTO deposits (account, amount) VALUES ('acc-2', 40);
INSERT INTO deposits (account, amount) VALUES ('acc-1', 25);
INSERT INTO deposits (account, amount) VALUES ('acc-3', 7);

CREATE TABLE balances AS
  SELECT account, SUM(amount) AS balance, COUNT(*) AS deposits
  FROM deposits GROUP BY account EMIT CHANGES;

-- By key.
SELECT * FROM balances WHERE account = 'acc-1';

-- By key, several keys at once, with a projection.
SELECT account, balance FROM balances WHERE account IN ('acc-2', 'acc-3');

-- A key that does not exist: no rows.
SELECT * FROM balances WHERE account = 'nobody';

-- By a value column (a table scan with a filter).
SELECT account, balance FROM balances WHERE balance > 30;

-- A full table scan, with a limit.
SELECT account, deposits FROM balances LIMIT 2;

-- The table follows new input: the next statement sees the new deposit.
INSERT INTO deposits (account, amount) VALUES ('acc-3', 3);
SELECT * FROM balances WHERE account = 'acc-3';

-- Pull queries do not take GROUP BY or WINDOW: this is an error.
SELECT account, COUNT(*) FROM deposits GROUP BY account;
