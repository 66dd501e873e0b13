-- PARTITION BY re-keys a stream: the new key is the chosen column, and the old key moves into
-- the value. PARTITION BY an expression names the key column after the expression.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM purchases (purchase_id INT KEY, customer STRING, amount DOUBLE)
  WITH (KAFKA_TOPIC='purchases', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO purchases (purchase_id, customer, amount) VALUES (100, 'alice', 5.0);
INSERT INTO purchases (purchase_id, customer, amount) VALUES (101, 'bob', 7.5);
INSERT INTO purchases (purchase_id, customer, amount) VALUES (102, 'alice', 2.5);

CREATE STREAM purchases_by_customer AS
  SELECT * FROM purchases PARTITION BY customer EMIT CHANGES;

-- CUSTOMER is now the key column; PURCHASE_ID is a value column.
DESCRIBE purchases_by_customer;
SELECT * FROM purchases_by_customer EMIT CHANGES LIMIT 3;

-- Re-keying by an expression.
CREATE STREAM purchases_by_initial AS
  SELECT UCASE(SUBSTRING(customer, 1, 1)) AS initial, purchase_id, amount
  FROM purchases PARTITION BY UCASE(SUBSTRING(customer, 1, 1)) EMIT CHANGES;

DESCRIBE purchases_by_initial;
SELECT * FROM purchases_by_initial EMIT CHANGES LIMIT 3;
