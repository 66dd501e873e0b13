-- Joins of every kind, for the statement fuzz test to mutate.
SET 'auto.offset.reset' = 'earliest';
CREATE STREAM orders (id INT KEY, customer STRING, amount DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE TABLE customers (name STRING PRIMARY KEY, city STRING) WITH (KAFKA_TOPIC='customers', VALUE_FORMAT='JSON', PARTITIONS=1);
CREATE STREAM payments (id INT KEY, paid DOUBLE) WITH (KAFKA_TOPIC='payments', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO customers (name, city) VALUES ('ann', 'Oslo');
INSERT INTO orders (ROWTIME, id, customer, amount) VALUES (1000, 1, 'ann', 10.5);
INSERT INTO payments (ROWTIME, id, paid) VALUES (2000, 1, 10.5);
CREATE STREAM enriched AS SELECT o.customer, o.id, o.amount, c.city FROM orders o LEFT JOIN customers c ON o.customer = c.name EMIT CHANGES;
CREATE STREAM settled AS SELECT o.id, o.amount, p.paid FROM orders o JOIN payments p WITHIN (1 MINUTE, 2 MINUTES) GRACE PERIOD 10 SECONDS ON o.id = p.id EMIT CHANGES;
CREATE TABLE per_city AS SELECT city, COUNT(*) AS n, SUM(amount) AS total FROM enriched GROUP BY city EMIT CHANGES;
SELECT * FROM settled EMIT CHANGES LIMIT 1;
SELECT * FROM per_city;
