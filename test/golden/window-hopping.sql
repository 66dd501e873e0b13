-- HOPPING windows: two-minute windows that advance every minute, so each record counts in two
-- overlapping windows. WINDOWSTART and WINDOWEND tell them apart.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM trades (symbol STRING KEY, price DOUBLE)
  WITH (KAFKA_TOPIC='trades', VALUE_FORMAT='JSON', PARTITIONS=1);

INSERT INTO trades (ROWTIME, symbol, price) VALUES (10000, 'ACME', 10.0);
INSERT INTO trades (ROWTIME, symbol, price) VALUES (70000, 'ACME', 12.0);
INSERT INTO trades (ROWTIME, symbol, price) VALUES (130000, 'ACME', 11.0);

CREATE TABLE price_ranges AS
  SELECT symbol, WINDOWSTART AS win_start, WINDOWEND AS win_end,
         COUNT(*) AS trades, MIN(price) AS low, MAX(price) AS high
  FROM trades
  WINDOW HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE)
  GROUP BY symbol
  EMIT CHANGES;

-- Windows start at 0 or later, so the record at 10s falls only in [0s, 120s); the one at 70s
-- in [0s, 120s) and [60s, 180s); the one at 130s in [60s, 180s) and [120s, 240s).
SELECT symbol, win_start, win_end, trades, low, high FROM price_ranges EMIT CHANGES LIMIT 5;
