-- HAVING filters the groups of an aggregation after it is computed: only customers with at
-- least two orders appear. When a group stops matching, its row is removed from the table.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM orders (order_id INT KEY, customer STRING, amount INT)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO orders (order_id, customer, amount) VALUES (1, 'alice', 10);
INSERT INTO orders (order_id, customer, amount) VALUES (2, 'bob', 20);
INSERT INTO orders (order_id, customer, amount) VALUES (3, 'alice', 30);
INSERT INTO orders (order_id, customer, amount) VALUES (4, 'carol', 5);
INSERT INTO orders (order_id, customer, amount) VALUES (5, 'carol', 6);
INSERT INTO orders (order_id, customer, amount) VALUES (6, 'bob', 20);
-- A refund: bob's total drops to 5, so his group no longer matches.
INSERT INTO orders (order_id, customer, amount) VALUES (7, 'bob', -35);

CREATE TABLE repeat_customers AS
  SELECT customer, COUNT(*) AS orders, SUM(amount) AS spent
  FROM orders
  GROUP BY customer
  HAVING COUNT(*) >= 2 AND SUM(amount) > 10
  EMIT CHANGES;

-- alice (2 orders, 40) and carol (2 orders, 11) qualify; bob matched after his second order
-- (2 orders, 40) but was removed after the refund (3 orders, 5 spent).
SELECT * FROM repeat_customers;

-- The same filter in a push query.
SELECT customer, COUNT(*) AS orders FROM orders
  GROUP BY customer HAVING COUNT(*) > 1 EMIT CHANGES LIMIT 4;
