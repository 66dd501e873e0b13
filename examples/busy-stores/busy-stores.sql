-- Drone-delivery stores, busy or not each hour: two classifiers learn online from the stream,
-- the rules change part-way (concept drift), and accuracy per day shows the dip and the recovery.
-- The data comes from generate.mjs (seeded; see the README).
-- Run it: npx eddy run examples/busy-stores/busy-stores.sql
SET 'auto.offset.reset' = 'earliest';

-- One row per store and opening hour (8:00-21:00) over 35 days; BUSY is the label to learn.
-- DAY_OF_WEEK: 1 = Monday .. 7 = Sunday. Day 1 is a Monday; the rules change on day 15.
CREATE STREAM stores (store STRING KEY, day INT, shop_type STRING, day_of_week INT, hour INT,
                      rain_mm DOUBLE, busy BOOLEAN)
  WITH (KAFKA_TOPIC='stores', VALUE_FORMAT='JSON', PARTITIONS=1);

-- Feature engineering in SQL: SLOT crosses shop type, weekday/weekend and hour into one STRING
-- (one-hot encoded by the model), so a linear model can learn each kind of store's rush hours.
CREATE STREAM store_hours AS
  SELECT store, day, shop_type, day_of_week, hour, rain_mm,
         shop_type + '/' + (CASE WHEN day_of_week >= 6 THEN 'weekend' ELSE 'weekday' END)
           + '/' + CAST(hour AS STRING) AS slot,
         busy
  FROM stores;

-- A logistic regression on the crossed slot (112 values; CATEGORY_SLOTS=256 gives each its own
-- one-hot slot) and the rain, and an adaptive random forest on the raw columns: ten Hoeffding
-- trees that find the interactions themselves, each replaced when its drift detector fires.
CREATE MODEL busy_lr WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.05, CATEGORY_SLOTS=256)
  AS SELECT slot, rain_mm, busy FROM store_hours TRAIN ONLINE;
CREATE MODEL busy_forest WITH (TYPE='adaptive_random_forest', LABEL='busy', N_MODELS=10, MAX_FEATURES=0.6,
                               CATEGORY_SLOTS=8, SEED=1)
  AS SELECT shop_type, day_of_week, hour, rain_mm, busy FROM store_hours TRAIN ONLINE;

-- Each hour's prediction next to the truth. The models learn from the same stream, and each row
-- is predicted by the models as they were just before they learned it (test-then-train), so
-- every prediction here is an honest one on an hour the models had not seen. The models and
-- this query exist before COPY loads the data, so every row is predicted on its way in.
CREATE STREAM predictions AS
  SELECT store, day, shop_type, hour, busy,
         PREDICT(busy_lr, slot, rain_mm) AS lr_busy,
         PREDICT(busy_forest, shop_type, day_of_week, hour, rain_mm) AS forest_busy
  FROM store_hours;

-- Five weeks of store hours, in time order.
COPY stores FROM 'stores.csv' WITH (FORMAT='CSV', HEADER=true);

-- Accuracy per week and per day: the share of hours each model got right.
CREATE TABLE accuracy_by_week AS
  SELECT (day - 1) / 7 + 1 AS week,
         COUNT(*) AS store_hours,
         ROUND(AVG(CASE WHEN lr_busy = busy THEN 1.0 ELSE 0.0 END), 3) AS lr_accuracy,
         ROUND(AVG(CASE WHEN forest_busy = busy THEN 1.0 ELSE 0.0 END), 3) AS forest_accuracy
  FROM predictions
  GROUP BY (day - 1) / 7 + 1;

CREATE TABLE accuracy_by_day AS
  SELECT day,
         COUNT(*) AS store_hours,
         ROUND(AVG(CASE WHEN lr_busy = busy THEN 1.0 ELSE 0.0 END), 3) AS lr_accuracy,
         ROUND(AVG(CASE WHEN forest_busy = busy THEN 1.0 ELSE 0.0 END), 3) AS forest_accuracy
  FROM predictions
  GROUP BY day;

-- Which stores the change hit: the logistic regression's accuracy per shop type in the two
-- weeks before the change, on the day of the change, and in the three weeks after it.
CREATE TABLE accuracy_by_shop AS
  SELECT shop_type,
         ROUND(AVG(CASE WHEN day <= 14 THEN (CASE WHEN lr_busy = busy THEN 1.0 ELSE 0.0 END) END), 3) AS days_1_14,
         ROUND(AVG(CASE WHEN day = 15 THEN (CASE WHEN lr_busy = busy THEN 1.0 ELSE 0.0 END) END), 3) AS day_15,
         ROUND(AVG(CASE WHEN day >= 16 THEN (CASE WHEN lr_busy = busy THEN 1.0 ELSE 0.0 END) END), 3) AS days_16_35
  FROM predictions
  GROUP BY shop_type;

-- The prequential accuracy over the whole stream and the last 1,000 rows, and drift events.
DESCRIBE MODEL busy_lr;
DESCRIBE MODEL busy_forest;

-- Weeks 1-2: the old rules; week 3 starts with the change.
SELECT week, store_hours, lr_accuracy, forest_accuracy FROM accuracy_by_week;

-- Around the change (day 15, a Monday): the dip and the recovery. The logistic regression dips
-- again on the first Saturday under the new rules (day 20): its weekend slots are separate
-- one-hot values, learned only at weekends. The forest carries the new hours over to weekends.
SELECT day, lr_accuracy, forest_accuracy FROM accuracy_by_day WHERE day BETWEEN 12 AND 23;

-- Restaurants kept their rules; grocery, pharmacy and electronics changed theirs.
SELECT shop_type, days_1_14, day_15, days_16_35 FROM accuracy_by_shop;
