-- COPY loads a file into a stream, one record per line: a CSV file with a header row (columns in
-- any order; ROWTIME, when given, is the record time) and a JSON-lines file. A line that does
-- not decode is skipped and goes to the EDDY_PROCESSING_LOG stream, with the file and line.
SET 'auto.offset.reset' = 'earliest';

CREATE STREAM scores (id INT KEY, name STRING, score DOUBLE)
  WITH (KAFKA_TOPIC='scores', VALUE_FORMAT='JSON', PARTITIONS=1);

COPY scores FROM 'copy-csv.csv' WITH (FORMAT='CSV', HEADER=true);
COPY scores FROM 'copy-jsonl.jsonl' WITH (FORMAT='JSON');

SELECT ROWTIME, id, name, score FROM scores EMIT CHANGES LIMIT 6;

-- The bad line (a string where a number belongs) is in the processing log.
SELECT query_id, type, message, record FROM EDDY_PROCESSING_LOG EMIT CHANGES LIMIT 1;
