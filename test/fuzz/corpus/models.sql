-- Models in SQL, for the statement fuzz test to mutate.
SET 'auto.offset.reset' = 'earliest';
CREATE STREAM visits (store STRING KEY, hour INT, kind STRING, busy BOOLEAN, lvl DOUBLE) WITH (KAFKA_TOPIC='visits', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO visits (store, hour, kind, busy, lvl) VALUES ('a', 9, 'grocery', true, 0.8);
INSERT INTO visits (store, hour, kind, busy, lvl) VALUES ('b', 3, 'books', false, 0.1);
CREATE MODEL busy WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.05, CATEGORY_SLOTS=16) AS SELECT kind, hour, busy FROM visits TRAIN ONLINE FROM EARLIEST;
CREATE MODEL load_m WITH (TYPE='hoeffding_tree_regressor', LABEL='lvl') AS SELECT kind, hour, lvl FROM visits TRAIN ONLINE;
CREATE MODEL odd WITH (TYPE='half_space_trees', SEED=7) AS SELECT hour, lvl FROM visits TRAIN ONLINE;
CREATE STREAM scored AS SELECT store, PREDICT(busy, kind, hour) AS p, PREDICT_PROBA(busy, kind, hour) AS pp, ANOMALY_SCORE(odd, hour, lvl) AS s FROM visits EMIT CHANGES;
DESCRIBE MODEL busy;
SHOW MODELS;
SELECT store, PREDICT(load_m, kind, hour) AS l FROM visits EMIT CHANGES LIMIT 2;
