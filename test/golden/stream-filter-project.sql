-- A stream filtered with WHERE and projected through scalar functions into a new stream (CSAS).
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM orders (order_id INT KEY, customer STRING, item STRING, qty INT, price DOUBLE)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO orders (order_id, customer, item, qty, price) VALUES (1, 'alice', 'Widget', 2, 9.99);
INSERT INTO orders (order_id, customer, item, qty, price) VALUES (2, 'bob', 'gadget', 1, 24.5);
INSERT INTO orders (order_id, customer, item, qty, price) VALUES (3, 'carol', 'Gizmo', 10, 3.25);
INSERT INTO orders (order_id, customer, item, qty, price) VALUES (4, 'dave', NULL, 5, 1.0);

-- Orders worth more than 10, with the customer in capitals and the item name trimmed to 3 letters.
CREATE STREAM big_orders AS
  SELECT order_id,
         UCASE(customer) AS customer,
         SUBSTRING(item, 1, 3) AS item_code,
         qty * price AS total,
         CASE WHEN qty >= 10 THEN 'bulk' ELSE 'single' END AS kind,
         CONCAT(customer, '#', CAST(order_id AS STRING)) AS ref,
         COALESCE(item, 'unknown') AS item_name
  FROM orders
  WHERE qty * price > 10
  EMIT CHANGES;

SELECT * FROM big_orders EMIT CHANGES LIMIT 3;

-- A transient push query with its own projection and filter.
SELECT customer, LEN(customer) AS name_length, ROUND(price, 0) AS rounded, ABS(qty - 5) AS dist
  FROM orders WHERE customer LIKE '%o%' OR item IS NULL EMIT CHANGES LIMIT 3;
